"""The patient's view of who has read their record."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from battrerygg.audit import queries
from battrerygg.audit.texts import what_label
from battrerygg.patients.access import AccessDenied

PAGE_SIZE = 50


@login_required
def my_record_reads(request: HttpRequest) -> HttpResponse:
    """Staff reads of the patient's record, newest first, 50 a page."""
    try:
        reads = queries.reads_of_my_record(request.user)
    except AccessDenied:
        raise PermissionDenied from None
    page = Paginator(reads, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/reads.html", {
        "page": page,
        "rows": [(event, what_label(event.what)) for event in page],
    })
