"""The red-flag check (SPEC P2): public, and stored for logged-in patients."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from battrerygg.accounts.models import Role
from battrerygg.clinical.red_flags import Outcome, Sign, outcome_of
from battrerygg.patients.access import AccessDenied, has_role, is_self, own_patient
from battrerygg.redflags import queries
from battrerygg.redflags.forms import RedFlagForm
from battrerygg.redflags.services import record_red_flag_check
from battrerygg.redflags.texts import ADVICE, QUESTIONS


def check(request: HttpRequest) -> HttpResponse:
    """Ask the questions; show the outcome (anonymous) or store it and redirect (patient)."""
    form = RedFlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        answers = form.answers()
        user = request.user
        if has_role(user, Role.PATIENT):
            try:
                patient = own_patient(user)
            except AccessDenied:
                patient = None
            if patient is not None:
                stored, _created = record_red_flag_check(
                    patient, answers, submission_key=form.cleaned_data["submission_key"]
                )
                return redirect("redflags:result", check_id=stored.pk)
        return _result(request, answers, outcome_of(answers), stored=False)
    if form.is_bound and "submission_key" in form.errors:  # damaged key: a fresh one
        form.data = form.data.copy()
        form.data["submission_key"] = str(uuid.uuid4())
    unanswered = form.is_bound and any(name != "submission_key" for name in form.errors)
    return render(request, "redflags/check.html", {"form": form, "unanswered": unanswered})


def result(request: HttpRequest, check_id: int) -> HttpResponse:
    """A stored check's outcome (the patient's own only)."""
    found = queries.check(request.user, check_id)
    return _result(
        request, found.answers, Outcome(found.outcome), stored=True, when=found.created_at,
        patient=None if is_self(request.user, found.patient) else found.patient,
    )


def _result(request, answers, outcome, *, stored, when=None, patient=None):  # noqa: ANN001, ANN202
    yes = [QUESTIONS[Sign(key)] for key, value in answers.items() if value]
    return render(
        request,
        "redflags/result.html",
        {
            "outcome": outcome.value,
            "advice": ADVICE[outcome],
            "yes": yes,
            "stored": stored,
            "when": when,
            "patient": patient,
        },
    )
