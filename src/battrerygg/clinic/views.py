"""Staff pages about patients: the list and one patient's timeline."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from battrerygg.clinic import queries
from battrerygg.patients.access import StaffAccess
from battrerygg.web.staff import patient_page, physio_page


@physio_page
def patients(request: HttpRequest) -> HttpResponse:
    """The physiotherapist's patients."""
    return render(request, "clinic/patients.html", {"patients": queries.my_patients(request.user)})


@patient_page("timeline")
def patient(request: HttpRequest, access: StaffAccess) -> HttpResponse:
    """One patient's timeline: everything recorded, newest first."""
    return render(request, "clinic/patient.html", {"patient": access.patient, "clinic": access.clinic})
