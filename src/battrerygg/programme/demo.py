"""Demo data for the programme: a four-exercise programme with some logged sessions, built
so that each kind of suggestion shows (progress, keep, regress, await the 24-hour value)."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from typing import Any

from battrerygg.diary.models import ActivityKind
from battrerygg.diary.services import ActivityInput, record_activity, record_follow_up
from battrerygg.programme.models import Prescription
from battrerygg.programme.services import PrescriptionInput, prescribe

# exercise, level, (sets, repetitions) or minutes, times a week, notes,
# sessions: (days ago, minutes, baseline, during, after, 24 h or None)
PROGRAMME: list[tuple[Any, ...]] = [
    ("backenlyft", 1, (2, 8), None, 3, "Lugnt tempo, andas ut när du lyfter.",
     [(6, 10, 3, 3, 3, 3), (4, 10, 3, 4, 3, 3), (2, 10, 3, 3, 3, 2)]),
    ("katten-och-kon", 2, (2, 8), None, 5, "Gärna på morgonen när ryggen är stel.",
     [(3, 5, 4, 4, 3, 4), (1, 5, 4, 3, 3, 3)]),
    ("fyrfota-diagonal", 2, (2, 8), None, 3, "",
     [(5, 10, 3, 4, 4, 3), (2, 10, 3, 7, 5, 4)]),
    ("promenad", 2, None, 20, 4, "Rask takt, gärna med en kollega på lunchen.",
     [(1, 20, 2, 3, 2, None)]),
]


def load(*, now: datetime, physio: Any, patient: Any) -> None:
    """Give ``patient`` the demo programme prescribed by ``physio`` (who needs an active
    care relation to the patient) two weeks before ``now``, with sessions in the diary.
    Idempotent: does nothing when the patient already has prescriptions."""
    if Prescription.objects.filter(patient=patient).exists():
        return
    today = now.astimezone(patient.tz).date()
    start = now - timedelta(days=14)
    for slug, level, reps, minutes, per_week, notes, sessions in PROGRAMME:
        sets, repetitions = reps if reps else (None, None)
        item, _ = prescribe(
            physio, patient,
            PrescriptionInput(exercise=slug, level=level, sets=sets, repetitions=repetitions,
                              minutes=minutes, frequency_per_week=per_week, notes=notes),
            submission_key=uuid.uuid4(), now=start,
        )
        for days_ago, mins, before, during, after, at_24h in sessions:
            entry, _ = record_activity(
                patient,
                ActivityInput(
                    kind=ActivityKind.PROGRAMME_EXERCISE,
                    local_date=today - timedelta(days=days_ago),
                    local_time=time(7, 30) if at_24h is not None else time(18, 0),
                    minutes=mins,
                    pain_baseline=before, pain_during=during, pain_after=after,
                    sets=sets, repetitions=repetitions, prescription_id=item.pk,
                ),
                submission_key=uuid.uuid4(), now=now,
            )
            if at_24h is not None:
                record_follow_up(entry, at_24h, now=max(now, entry.follow_up_due_at))
