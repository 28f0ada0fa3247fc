"""A patient's timeline for their physiotherapist: everything recorded, as events.

Each app contributes a *source*: a function ``(user, patient) -> Iterable[Event]`` that reads
through that app's queries (so through the access layer). Apps register their source in
``SOURCES`` at import (see ``register``); the page reads inside one audit read scope, so the
whole timeline is one audit row however many sources it has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.patients.models import Patient


@dataclass(frozen=True)
class Event:
    """One thing that happened in a patient's care.

    at: an aware instant (UTC or any zone); kind: the source key (e.g. "diary");
    title: one line; details: short lines under it; tone: "high", "acc", "safe" or "" (the
    colour of the marker); url: where to read more, if anywhere.
    """

    at: datetime
    kind: str
    title: str
    details: tuple[str, ...] = ()
    tone: str = ""
    url: str = ""


Source = Callable[[Any, Patient], Iterable[Event]]


@dataclass
class _Registered:
    label: Promise
    source: Source
    order: int = field(default=0)


SOURCES: dict[str, _Registered] = {}


def register(kind: str, label: Promise, order: int = 50) -> Callable[[Source], Source]:
    """Decorator: add a timeline source under ``kind`` (shown as ``label`` in the filter)."""

    def decorator(source: Source) -> Source:
        SOURCES[kind] = _Registered(label, source, order)
        return source

    return decorator


def kinds() -> list[tuple[str, Promise]]:
    """(kind, label) of every source, in display order."""
    return [(k, r.label) for k, r in sorted(SOURCES.items(), key=lambda kv: kv[1].order)]


def events(user: Any, patient: Patient, only: str | None = None) -> list[Event]:
    """The patient's events, newest first; ``only``: one source kind (unknown → all).

    Raises patients.access.AccessDenied (from the sources' queries) when ``user`` may not
    see the patient.
    """
    chosen = [only] if only in SOURCES else list(SOURCES)
    found: list[Event] = []
    for kind in chosen:
        found.extend(SOURCES[kind].source(user, patient))
    return sorted(found, key=lambda e: e.at, reverse=True)


def at_noon(day: Any, tz: Any) -> datetime:
    """An instant for an event that has only a local date (shown on that date)."""
    return datetime.combine(day, time(12, 0), tzinfo=tz).astimezone(UTC)


# --- sources of the patient-facing apps -------------------------------------------------

@register("diary", _("Pain diary"), order=10)
def _diary(user: Any, patient: Patient) -> Iterable[Event]:
    from django.utils.translation import get_language

    from battrerygg.diary import queries
    from battrerygg.diary.texts import ADVICE, ZONE_LABELS
    from battrerygg.programme import library
    from battrerygg.programme.models import Prescription

    # A logged exercise session is named by its exercise (one query for all of them).
    exercises = dict(Prescription.objects.filter(patient=patient).values_list("pk", "exercise"))
    language = (get_language() or "sv")[:2]
    for item in queries.assessed_entries(user, patient):
        entry, verdict = item.entry, item.assessment
        found = library.exercise(language, exercises.get(entry.prescription_id, ""))
        what = found.title if found else (entry.description or entry.get_kind_display())
        pains = gettext("pain before %(b)s, during %(d)s, after %(a)s") % {
            "b": entry.pain_baseline, "d": entry.pain_during, "a": entry.pain_after}
        if entry.pain_24h is not None:
            pains += ", " + gettext("24 h later %(p)s") % {"p": entry.pain_24h}
        yield Event(
            at=entry.started_at, kind="diary",
            title=f"{what}, {entry.minutes} min",
            details=(pains, f"{ZONE_LABELS[verdict.zone]} · {ADVICE[verdict.advice]['heading']}"),
            tone={"safe": "safe", "acceptable": "acc"}.get(str(verdict.zone), "high"),
        )


@register("red_flags", _("Red flags"), order=5)
def _red_flags(user: Any, patient: Patient) -> Iterable[Event]:
    from battrerygg.clinical.red_flags import Outcome, Sign
    from battrerygg.redflags import queries
    from battrerygg.redflags.texts import ADVICE, QUESTIONS

    for check in queries.checks(user, patient):
        yes = [str(QUESTIONS[Sign(key)]) for key, value in check.answers.items()
               if value and key in Sign.__members__.values()]
        outcome = Outcome(check.outcome)
        yield Event(
            at=check.created_at, kind="red_flags",
            title=gettext("Red-flag check: %(outcome)s") % {"outcome": ADVICE[outcome]["heading"]},
            details=tuple(yes) or (gettext("No warning signs answered yes."),),
            tone={Outcome.EMERGENCY: "high", Outcome.SEEK_CARE_SOON: "high",
                  Outcome.CONTACT_PHYSIOTHERAPIST: "acc"}.get(outcome, "safe"),
        )


@register("balance", _("Balance"), order=20)
def _balance(user: Any, patient: Patient) -> Iterable[Event]:
    from battrerygg.plan import queries
    from battrerygg.plan.texts import TILT_TEXT

    for checkin in queries.checkins(user, patient):
        ratings = checkin.ratings
        yield Event(
            at=at_noon(checkin.local_date, patient.tz), kind="balance",
            title=gettext("Balance check-in: %(tilt)s") % {
                "tilt": TILT_TEXT[checkin.tilt]["heading"]},
            details=(gettext("capacity %(c)s, loads %(l)s (means, 0–10)") % {
                "c": number_format(float(ratings.mean_capacity), 1),
                "l": number_format(float(ratings.mean_load), 1)},),
        )


@register("goals", _("Goals"), order=30)
def _goals(user: Any, patient: Patient) -> Iterable[Event]:
    from battrerygg.plan import queries

    for goal in queries.all_goals(user, patient):
        yield Event(
            at=goal.created_at, kind="goals",
            title=gettext("Weekly goal: %(activity)s, %(target)s %(unit)s") % {
                "activity": goal.get_activity_display(), "target": goal.target,
                "unit": goal.get_unit_display()},
            details=(gettext("ended %(day)s") % {"day": goal.ends_on},) if goal.ends_on else (),
        )


@register("questionnaires", _("Questionnaires"), order=40)
def _questionnaires(user: Any, patient: Patient) -> Iterable[Event]:
    from battrerygg.proms import queries, texts

    for response in queries.submitted(user, patient):
        category = texts.CATEGORIES.get((response.instrument, response.category), "")
        score = (f"{number_format(response.total.normalize())} "
                 f"{texts.SHORT_SCALE[response.instrument]}"
                 if response.total is not None else gettext("no score"))
        yield Event(
            at=response.submitted_at or response.started_at, kind="questionnaires",
            title=f"{texts.TITLES[response.instrument]}: {score}",
            details=tuple(str(x) for x in (category, response.get_timepoint_display()) if x),
        )
