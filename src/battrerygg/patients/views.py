"""The patient's view of who has read their record (the access log, SPEC Q2).

The page lives here rather than in the audit app: only the access layer may say whose log a
user reads (``access.own_patient``), and audit sits below patients (docs/architecture.md,
"Layers"). The rows and their plain names come from ``audit.queries`` and ``audit.texts``.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from battrerygg.audit import queries
from battrerygg.audit.texts import what_label
from battrerygg.patients.access import AccessDenied, own_patient

PAGE_SIZE = 50


@login_required
def my_record_reads(request: HttpRequest) -> HttpResponse:
    """Staff reads of the patient's record, newest first, 50 a page. Anyone but a patient
    gets 403 (staff cannot browse the log through the product)."""
    try:
        patient = own_patient(request.user)
    except AccessDenied:
        raise PermissionDenied from None
    page = Paginator(queries.reads_of_record(patient), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "audit/reads.html", {
        "page": page,
        "rows": [(event, what_label(event.what)) for event in page],
    })
