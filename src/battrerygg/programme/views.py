"""The patient's exercise programme (SPEC P7). Thin views."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from battrerygg.diary import services as diary_services
from battrerygg.diary.forms import ActivityForm
from battrerygg.diary.models import ActivityKind
from battrerygg.diary.queries import limits_for
from battrerygg.diary.texts import ERRORS as DIARY_ERRORS
from battrerygg.diary.texts import EXERCISE_ADVICE, ZONE_LABELS
from battrerygg.programme import library, queries, texts
from battrerygg.web.pages import patient_view


@patient_view
def index(request: HttpRequest, patient: Any) -> HttpResponse:
    """My exercise programme: current prescriptions, this week's sessions, C1 advice."""
    items = queries.programme(request.user, patient, now=timezone.now(),
                              language=library.language())
    return render(request, "programme/index.html", {
        "items": items, "zone_labels": ZONE_LABELS, "advice_texts": EXERCISE_ADVICE,
    })


@patient_view
def log(request: HttpRequest, patient: Any, prescription_id: int) -> HttpResponse:
    """Log a session of a prescribed exercise in the diary, with pain as in the diary."""
    item = queries.prescription(request.user, patient, prescription_id)
    if item.ended_at is not None:
        raise Http404
    limits = limits_for(patient)
    if request.method == "POST":
        data = request.POST.copy()
        data["kind"] = ActivityKind.PROGRAMME_EXERCISE
        form = ActivityForm(data, tz=patient.tz, limits=limits)
        if form.is_valid():
            try:
                entry, created = diary_services.record_activity(
                    patient, replace(form.to_input(), prescription_id=item.pk),
                    submission_key=form.cleaned_data["submission_key"],
                )
            except diary_services.DiaryError as exc:
                form.add_error(None, texts.ERRORS.get(exc.code) or DIARY_ERRORS[exc.code])
            else:
                if created:
                    messages.success(request, _("Your session is saved."))
                else:
                    messages.info(request, _(
                        "This form had already been sent, so the session was saved only once."
                    ))
                return redirect("diary:entry", entry_id=entry.pk)
    else:
        local_now = timezone.now().astimezone(patient.tz)
        form = ActivityForm(tz=patient.tz, limits=limits, initial={
            "submission_key": ActivityForm.new_key(),
            "local_date": local_now.date(),
            "local_time": local_now.time().replace(second=0, microsecond=0),
            "minutes": item.minutes or 10,
            "sets": item.sets, "repetitions": item.repetitions, "load_kg": item.load_kg,
        })
    return render(request, "programme/log.html", {
        "form": form, "prescription": item,
        "exercise": library.exercise(library.language(), item.exercise),
    })
