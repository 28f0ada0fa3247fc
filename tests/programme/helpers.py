"""Set-up helpers for the programme tests (through the services, as the product does)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from battrerygg.diary.models import ActivityKind
from battrerygg.diary.services import ActivityInput, record_activity, record_follow_up
from battrerygg.programme.services import PrescriptionInput, prescribe

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # a Friday


def give(physio, patient, exercise="backenlyft", level=1, sets=2, repetitions=8, minutes=None,
         per_week=3, now=NOW - timedelta(days=14)):
    """Prescribe an exercise; returns the prescription."""
    if minutes is not None:
        sets = repetitions = None
    item, _ = prescribe(
        physio, patient,
        PrescriptionInput(exercise=exercise, level=level, sets=sets, repetitions=repetitions,
                          minutes=minutes, frequency_per_week=per_week),
        submission_key=uuid.uuid4(), now=now,
    )
    return item


def session(patient, prescription, day: date, baseline=3, during=3, at_24h=3, hour=8,
            kind=ActivityKind.PROGRAMME_EXERCISE):
    """Log a session of a prescription (prescription None: a plain diary entry of ``kind``)."""
    entry, _ = record_activity(
        patient,
        ActivityInput(kind=kind, local_date=day, local_time=time(hour, 0), minutes=10,
                      pain_baseline=baseline, pain_during=during, pain_after=baseline,
                      prescription_id=prescription.pk if prescription else None),
        submission_key=uuid.uuid4(), now=NOW,
    )
    if at_24h is not None:
        record_follow_up(entry, at_24h, now=NOW)
    return entry
