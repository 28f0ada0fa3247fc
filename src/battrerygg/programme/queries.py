"""Reads of prescriptions, always through the access layer.

``programme`` gives everything a page shows about a patient's prescriptions in a fixed
number of queries (three), whatever the number of prescriptions and sessions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Prefetch, QuerySet

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_read
from battrerygg.clinical.dosing import Suggestion, suggestion
from battrerygg.clinical.pain_monitoring import Assessment
from battrerygg.diary.models import ActivityEntry
from battrerygg.diary.queries import AssessedEntry, assess_all, limits_for
from battrerygg.patients.access import AccessDenied, check_read, visible_patients
from battrerygg.patients.models import Patient
from battrerygg.programme import library
from battrerygg.programme.models import DoseChange, Prescription

LATEST_SESSIONS = 3


def prescriptions(user: Any, patient: Patient, *, ended: bool = False) -> QuerySet[Prescription]:
    """The patient's prescriptions, oldest first: current ones, or with ended=True the
    ended ones. Raises AccessDenied when ``user`` may not see the patient."""
    check_read(user, patient, What.PROGRAMME)
    return Prescription.objects.filter(patient=patient, ended_at__isnull=not ended).order_by(
        "created_at", "pk"
    )


def prescription(user: Any, patient: Patient, prescription_id: int) -> Prescription:
    """One of ``patient``'s prescriptions by id, if ``user`` may see the patient. An id of
    another patient's prescription raises AccessDenied (shown as 404)."""
    found = (
        Prescription.objects.filter(
            pk=prescription_id, patient=patient, patient__in=visible_patients(user)
        )
        .select_related("patient", "patient__user")
        .first()
    )
    if found is None:
        raise AccessDenied
    record_read(actor=user, patient=patient, what=What.PROGRAMME_PRESCRIPTION, object_id=found.pk)
    return found


@dataclass(frozen=True)
class ProgrammeItem:
    """One prescription as the pages show it.

    exercise: the library entry in the reader's language (None if the slug left the
    library). sessions_this_week: sessions logged in the patient's current week (Monday to
    Sunday). latest: up to LATEST_SESSIONS latest sessions with their C1 assessment, newest
    first. assessment / suggestion: of the latest session (None before the first).
    history: the dose changes, oldest first. sessions_at_dose: sessions since the dose was
    last set.
    """

    prescription: Prescription
    exercise: library.Exercise | None
    sessions_this_week: int
    latest: list[AssessedEntry]
    assessment: Assessment | None
    suggestion: Suggestion | None
    history: list[DoseChange]
    sessions_at_dose: int

    @property
    def can_undo(self) -> bool:
        """Whether a dose change is in force that can be undone."""
        return sum(1 for change in self.history if change.undone_at is None) > 1


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week of ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def programme(
    user: Any, patient: Patient, *, now: datetime, language: str, ended: bool = False
) -> list[ProgrammeItem]:
    """The patient's prescriptions with sessions, C1 advice per exercise and suggestion.

    The C1 history of a session is the earlier sessions of the same prescription
    (``ActivityEntry.activity_key``), never other exercises. now: aware datetime; the week
    is the patient's local week. Raises AccessDenied.
    """
    items = list(
        prescriptions(user, patient, ended=ended).prefetch_related(
            Prefetch("dose_changes", queryset=DoseChange.objects.order_by("changed_at", "pk"))
        )
    )
    sessions: dict[int, list[ActivityEntry]] = defaultdict(list)
    for entry in ActivityEntry.objects.filter(
        patient=patient, prescription__in=[p.pk for p in items], deleted_at__isnull=True
    ).order_by("started_at", "pk"):
        if entry.prescription_id is not None:
            sessions[entry.prescription_id].append(entry)
    limits = limits_for(patient)
    monday, sunday = week_of(now.astimezone(patient.tz).date())
    out = []
    for item in items:
        logged = sessions[item.pk]
        assessed = assess_all(logged, limits)
        history = list(item.dose_changes.all())
        live = [change for change in history if change.undone_at is None]
        since = live[-1].changed_at if live else item.created_at
        at_dose = sum(1 for entry in logged if entry.started_at >= since)
        last = assessed[-1].assessment if assessed else None
        out.append(ProgrammeItem(
            prescription=item,
            exercise=library.exercise(language, item.exercise),
            sessions_this_week=sum(1 for e in logged if monday <= e.local_date <= sunday),
            latest=list(reversed(assessed[-LATEST_SESSIONS:])),
            assessment=last,
            suggestion=suggestion(last.advice if last else None, at_dose),
            history=history,
            sessions_at_dose=at_dose,
        ))
    return out


def latest_sessions(user: Any, patient: Patient, *, limit: int = 10) -> list[ActivityEntry]:
    """The patient's latest logged sessions of prescribed exercises, newest first, each
    with its prescription (for a timeline). Raises AccessDenied."""
    check_read(user, patient, What.PROGRAMME_SESSIONS)
    return list(
        ActivityEntry.objects.filter(
            patient=patient, prescription__isnull=False, deleted_at__isnull=True
        )
        .select_related("prescription")
        .order_by("-started_at", "-pk")[:limit]
    )


def exercise_titles(user: Any, patient: Patient, language: str) -> dict[int, str]:
    """{prescription id: its exercise's title in ``language``} for every prescription of
    ``patient`` (current and ended) whose exercise is in the library, in one query: for
    naming logged sessions, which are diary entries. Empty when ``user`` may not see the
    patient; a staff read outside a page's read scope that finds prescriptions is audited."""
    found = list(Prescription.objects.filter(
        patient=patient, patient__in=visible_patients(user)
    ).values_list("pk", "exercise"))
    if found:
        record_read(actor=user, patient=patient, what=What.PROGRAMME)
    titles = {pk: library.exercise(language, slug) for pk, slug in found}
    return {pk: exercise.title for pk, exercise in titles.items() if exercise is not None}
