"""The patient's view of who has read their record (the access log, SPEC Q2).

A patient page like the others (``web.pages.patient_view``: the access layer says whose log
it is), in the interface layer because the audit app sits below patients and the access
layer (docs/architecture.md, "Layers"). The rows and their plain names come from
``audit.queries`` and ``audit.texts``.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from battrerygg.audit import queries
from battrerygg.audit.texts import what_label
from battrerygg.patients.models import Patient
from battrerygg.web.pages import patient_view

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
