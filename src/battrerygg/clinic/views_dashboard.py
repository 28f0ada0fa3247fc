"""The physiotherapist's dashboard (SPEC T5, C5)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from battrerygg.web.staff import staff_page


@staff_page
def dashboard(request: HttpRequest) -> HttpResponse:
    """Placeholder until the dashboard lands: the patient list."""
    return redirect("clinic:patients")
