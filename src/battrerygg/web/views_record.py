"""The patient's view of who has read their record (the access log, SPEC Q2), and of who
can see it and every change of that (SPEC §1: access follows care).

A patient page like the others (``web.pages.patient_view``: the access layer says whose log
it is), in the interface layer because the audit app sits below patients and the access
layer (docs/architecture.md, "Layers"). The rows and their plain names come from
``audit.queries`` and ``audit.texts``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from battrerygg.audit import queries
from battrerygg.audit.keys import What
from battrerygg.audit.texts import what_label
from battrerygg.care import services as care
from battrerygg.care.models import CareRequest
from battrerygg.care.texts import ERRORS
from battrerygg.patients import access
from battrerygg.patients.models import Patient, TransferProposal
from battrerygg.web.pages import patient_view
from battrerygg.web.texts import ACCESS_KEYS, change_sentence

PAGE_SIZE = 50


@patient_view
def my_record_reads(request: HttpRequest, patient: Patient) -> HttpResponse:
    """Staff reads of the patient's record, newest first, 50 a page. Anyone but a patient
    gets 403 (staff cannot browse the log through the product)."""
    page = Paginator(queries.reads_of_record(patient), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "audit/reads.html", {
        "page": page,
        "rows": [(event, what_label(event.what)) for event in page],
    })


def _ids(rows: list[Any], *whats: What) -> list[int]:
    return [int(r.object_id) for r in rows if r.what in whats and r.object_id.isdigit()]


@patient_view
def my_record_access(request: HttpRequest, patient: Patient) -> HttpResponse:
    """Who can see the patient's data now (their care relations), the clinics asking to
    care for them (to answer), and every change of who may see them, in plain words, newest
    first, 50 a page (SPEC §1)."""
    page = Paginator(queries.access_changes(patient, ACCESS_KEYS), PAGE_SIZE).get_page(
        request.GET.get("page"))
    rows = list(page)
    relations = access.care_relations_of(
        patient, _ids(rows, What.CARE_RELATION, What.CARE_RELATION_END))
    proposals = {p.pk: p for p in TransferProposal.objects.filter(
        pk__in=_ids(rows, What.TRANSFER_PROPOSED, What.TRANSFER_APPROVED,
                    What.TRANSFER_DECLINED, What.TRANSFER_CANCELLED),
        patients=patient).select_related("from_physiotherapist", "to_physiotherapist")}
    asked = {r.pk: r for r in CareRequest.objects.filter(
        pk__in=_ids(rows, What.CARE_REQUEST), patient=patient)
        .select_related("physiotherapist", "clinic")}
    history = []
    for row in rows:
        found: dict[int, Any] = (
            asked if row.what == What.CARE_REQUEST
            else relations if row.what in (What.CARE_RELATION, What.CARE_RELATION_END)
            else proposals)
        subject = found.get(int(row.object_id)) if row.object_id.isdigit() else None
        history.append((row, change_sentence(row.what, row.action, subject,
                                             getattr(subject, "state", ""))))
    return render(request, "audit/access.html", {
        "team": list(access.care_team(patient)),
        "requests": care.care_requests(request.user, patient),
        "page": page, "history": history,
    })


@require_POST
@patient_view
def answer_care_request(request: HttpRequest, patient: Patient, request_id: int
                        ) -> HttpResponse:
    """The patient says yes or no to a clinic's request to care for them."""
    accept = request.POST.get("answer") == "yes"
    try:
        care.answer_care_request(request.user, request_id, accept=accept)
    except care.CareError as exc:
        messages.error(request, str(ERRORS[exc.code]))
    else:
        messages.success(request, _("Thank you. Your answer is saved.") if not accept
                         else _("Thank you. The physiotherapist can now see your data."))
    return redirect("audit:access")
