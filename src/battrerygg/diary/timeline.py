"""The pain diary on the physiotherapist's timeline of a patient (``patients.timeline``):
one event per entry, with its pains, zone and advice. A logged session of a prescribed
exercise is named by its exercise."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.diary import queries
from battrerygg.diary.texts import ZONE_LABELS, advice_text
from battrerygg.patients.models import Patient
from battrerygg.patients.timeline import Event, register
from battrerygg.programme import queries as programme_queries


@register("diary", _("Pain diary"), order=10)
def diary_source(user: Any, patient: Patient) -> Iterable[Event]:
    """Events of the patient's diary entries, read through diary.queries (the exercise
    names through programme.queries, one query for all of them)."""
    language = (get_language() or "sv")[:2]
    exercises = programme_queries.exercise_titles(user, patient, language)
    for item in queries.assessed_entries(user, patient):
        entry, verdict = item.entry, item.assessment
        exercise = (exercises.get(entry.prescription_id)
                    if entry.prescription_id is not None else None)
        what = exercise or entry.description or entry.get_kind_display()
        pains = gettext("pain before %(b)s, during %(d)s, after %(a)s") % {
            "b": entry.pain_baseline, "d": entry.pain_during, "a": entry.pain_after}
        if entry.pain_24h is not None:
            pains += ", " + gettext("24 h later %(p)s") % {"p": entry.pain_24h}
        heading = advice_text(verdict.advice, exercise=entry.kind == "programme_exercise")[
            "heading"]
        yield Event(
            at=entry.started_at, kind="diary",
            title=f"{what}, {entry.minutes} min",
            details=(pains, f"{ZONE_LABELS[verdict.zone]} · {heading}"),
            tone={"safe": "safe", "acceptable": "acc"}.get(str(verdict.zone), "high"),
        )
