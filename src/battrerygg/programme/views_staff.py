"""Physiotherapist's pages: the exercise library and a patient's programme (SPEC T3).

The library is not patient data (``staff_page``, no audit row). A patient's programme is
served by ``patient_page(What.PROGRAMME)``: one audit read row per page view; the posts are
audited by the services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from battrerygg.audit.keys import What
from battrerygg.diary.texts import ZONE_LABELS
from battrerygg.patients.access import StaffAccess
from battrerygg.programme import library, queries, services, texts
from battrerygg.programme.forms import DoseForm, PrescribeForm, VersionForm
from battrerygg.web.pages import patient_page, staff_page


@staff_page
def exercise_list(request: HttpRequest) -> HttpResponse:
    """The library, optionally one category (?category=strength)."""
    category = request.GET.get("category") or None
    if category not in (None, *library.CATEGORIES):
        category = None
    return render(request, "programme/library.html", {
        "exercises": library.exercises(library.language(), category),
        "category": category,
        "categories": [(key, texts.CATEGORY_LABELS[key]) for key in library.CATEGORIES],
    })


@staff_page
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One exercise with its levels, default doses and picture."""
    item = library.exercise(library.language(), slug)
    if item is None:
        raise Http404
    return render(request, "programme/exercise.html", {
        "exercise": item, "category_label": texts.CATEGORY_LABELS[item.category],
    })


def _page(request: HttpRequest, access: StaffAccess, form: PrescribeForm | None = None,
          status: int = 200) -> HttpResponse:
    lang = library.language()
    form = form or PrescribeForm(language=lang, initial={
        "submission_key": PrescribeForm.new_key(), "frequency_per_week": 3, "level": 1,
    })
    now = timezone.now()
    return render(request, "programme/staff_programme.html", {
        "patient": access.patient,
        "items": queries.programme(request.user, access.patient, now=now, language=lang),
        "ended": queries.programme(request.user, access.patient, now=now, language=lang,
                                   ended=True),
        "form": form, "zone_labels": ZONE_LABELS, "staff_advice": texts.STAFF_ADVICE,
        "suggestions": texts.SUGGESTIONS,
    }, status=status)


@patient_page(What.PROGRAMME)
def programme(request: HttpRequest, access: StaffAccess) -> HttpResponse:
    """A patient's programme: prescriptions with sessions and C1 advice; prescribe form."""
    if request.method == "POST":
        form = PrescribeForm(request.POST, language=library.language())
        if form.is_valid():
            try:
                _item, created = services.prescribe(
                    request.user, access.patient, form.to_input(),
                    submission_key=form.cleaned_data["submission_key"],
                )
            except services.ProgrammeError as exc:
                form.add_error(None, texts.ERRORS[exc.code])
            else:
                messages.success(request, gettext("The exercise is prescribed.") if created
                                 else texts.DOSE_CHANGE_NOTES["stale"])
                return redirect("programme_staff:programme", ref=access.patient.ref)
        return _page(request, access, form, status=400)
    return _page(request, access)


def _one_click(action: Callable[..., bool], done: str) -> Callable[..., HttpResponse]:
    """A POST button on one prescription: progress, regress, undo (with the version)."""

    @require_POST
    @patient_page(What.PROGRAMME)
    def view(request: HttpRequest, access: StaffAccess, prescription_id: int) -> HttpResponse:
        item = queries.prescription(request.user, access.patient, prescription_id)
        form = VersionForm(request.POST)
        if not form.is_valid():
            messages.error(request, texts.DOSE_CHANGE_NOTES["stale"])
        else:
            try:
                changed = action(request.user, item, version=form.cleaned_data["version"])
            except services.ProgrammeError as exc:
                messages.error(request, texts.ERRORS[exc.code])
            else:
                messages.success(request, texts.DOSE_CHANGE_NOTES[done if changed else "stale"])
        return redirect(f"{_programme_url(access)}#p{item.pk}")

    view.__name__ = action.__name__
    return view


def _programme_url(access: StaffAccess) -> str:
    return reverse("programme_staff:programme", kwargs={"ref": access.patient.ref})


def _end(user: Any, item: Any, *, version: int) -> bool:
    return services.end_prescription(user, item)


def _reopen(user: Any, item: Any, *, version: int) -> bool:
    return services.reopen_prescription(user, item)


progress = _one_click(services.progress, "progressed")
regress = _one_click(services.regress, "regressed")
undo = _one_click(services.undo_dose_change, "undone")
end = _one_click(_end, "ended")
reopen = _one_click(_reopen, "reopened")


@patient_page(What.PROGRAMME)
def change(request: HttpRequest, access: StaffAccess, prescription_id: int) -> HttpResponse:
    """Change a prescription's level, dose, frequency and notes by hand."""
    item = queries.prescription(request.user, access.patient, prescription_id)
    if item.ended_at is not None:
        raise Http404
    status = 200
    if request.method == "POST":
        form = DoseForm(request.POST)
        version = VersionForm(request.POST)
        if form.is_valid() and version.is_valid():
            c = form.cleaned_data
            try:
                changed = services.change_dose(
                    request.user, item, level=c["level"], **form.dose_data(),
                    frequency_per_week=c["frequency_per_week"], notes=c.get("notes") or "",
                    version=version.cleaned_data["version"],
                )
            except services.ProgrammeError as exc:
                form.add_error(None, texts.ERRORS[exc.code])
            else:
                if changed:
                    messages.success(request, texts.DOSE_CHANGE_NOTES["changed"])
                return redirect(f"{_programme_url(access)}#p{item.pk}")
        status = 400
    else:
        form = DoseForm(initial={
            "level": item.level, "sets": item.sets, "repetitions": item.repetitions,
            "minutes": item.minutes, "hold_seconds": item.hold_seconds,
            "load_kg": item.load_kg, "band": item.band,
            "frequency_per_week": item.frequency_per_week,
            "notes": item.notes,
        })
    return render(request, "programme/change.html", {
        "patient": access.patient, "prescription": item, "form": form,
        "exercise": library.exercise(library.language(), item.exercise),
    }, status=status)
