"""Helpers for the dashboard tests: log entries through the services at chosen times and
read the dashboard's reasons as plain values."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

import time_machine
from django.utils import translation

from battrerygg.clinic.dashboard import Kind, signals
from battrerygg.diary.services import ActivityInput, record_activity, record_follow_up

NOW = datetime(2026, 3, 30, 10, 0, tzinfo=UTC)  # day 22 of the cast's episodes (9 March)


def log(patient, when: datetime, *, baseline: int = 3, during: int = 4, at_24h: int | None = None,
        kind: str = "walking"):
    """Log an activity started at ``when`` (aware) as if entered an hour later; with at_24h,
    the 24-hour value is given the next day."""
    local = when.astimezone(patient.tz)
    with time_machine.travel(when + timedelta(hours=1), tick=False):
        entry, _ = record_activity(
            patient,
            ActivityInput(kind=kind, local_date=local.date(),
                          local_time=time(local.hour, local.minute), minutes=20,
                          pain_baseline=baseline, pain_during=during, pain_after=baseline),
            submission_key=uuid.uuid4(), now=when + timedelta(hours=1),
        )
    if at_24h is not None:
        with time_machine.travel(when + timedelta(hours=24), tick=False):
            record_follow_up(entry, at_24h, now=when + timedelta(hours=24))
    return entry


def reasons(user, now: datetime = NOW, kind: Kind | None = None,
            language: str = "en") -> dict[str, list[str]]:
    """{patient name: [reason texts in ``language``]} of the patients with shown reasons (of
    ``kind``)."""
    out = {}
    with translation.override(language):  # sentences are made when read
        for item in signals(user, now):
            texts = [r.text for r in item.reasons if kind is None or r.kind is kind]
            if texts:
                out[item.name] = texts
    return out


def review(client, physio, patient, now: datetime = NOW):
    """``physio`` marks ``patient`` as reviewed through the dashboard at ``now``."""
    client.force_login(physio)
    with time_machine.travel(now, tick=False):
        return client.post("/clinic/", {"review": str(patient.ref)})


def also_in_care_of(colleague, patient, clinic) -> None:
    """Give ``colleague`` a care relation to ``patient`` too."""
    from battrerygg.patients.models import CareRelation

    CareRelation.objects.create(physiotherapist=colleague, patient=patient, clinic=clinic)
