"""Demo group sessions: an education session later today (or tomorrow) with a couple of
places left, a series of supervised group training, and a past education session with
attendance.
Everything goes through the services; running it again changes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from battrerygg.groups import services
from battrerygg.groups.models import SessionKind

_NAMESPACE = uuid.UUID("6f1b7f0e-3c55-4d3e-9a51-2f0d8c1b7a11")


def _at(now: datetime, tz: ZoneInfo, days: int, hour: int) -> datetime:
    day = now.astimezone(tz).date() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=tz)


def load(*, now: datetime, clinic: Any, physio: Any, patients: Sequence[Any]) -> None:
    """Create the demo sessions at ``clinic`` led by ``physio`` (who must have a care
    relation to each of ``patients``) and book the patients. now: aware datetime."""
    tz = ZoneInfo(clinic.timezone)

    def session(name: str, kind: str, title: str, days: int, hour: int, capacity: int,
                place: str = "", video_url: str = "", scheduled: datetime = now) -> Any:
        starts = _at(now, tz, days, hour)
        found, _created = services.schedule_session(
            physio, clinic,
            services.SessionInput(kind=kind, title=title, starts_at=starts,
                                  ends_at=starts + timedelta(minutes=90), capacity=capacity,
                                  leader=physio, place=place, video_url=video_url),
            now=scheduled,
            submission_key=uuid.uuid5(_NAMESPACE, f"{clinic.pk}-{name}"),
        )
        return found

    # Today at 14:00 when the demo is loaded in the morning (a physiotherapist's day can
    # include it), else 14:00 the next day.
    education_day = 0 if now.astimezone(tz).hour < 12 else 1
    education = session(
        "education", SessionKind.EDUCATION, "Ryggskola: smärta, aktivitet och balans",
        education_day, 14,
        capacity=len(patients) + 2, place="Vårdcentralen, samlingsrummet plan 2",
        video_url="https://video.example.se/ryggskola",
    )
    for patient in patients:
        services.book_patient(physio, education.pk, patient, now=now)
    for week in range(4):
        training = session(
            f"training-{week}", SessionKind.TRAINING, "Träning i grupp", 2 + 7 * week, 9,
            capacity=8, place="Vårdcentralen, träningssalen",
        )
        if patients:
            services.book_patient(physio, training.pk, patients[0], now=now)
    past = session(
        "education-past", SessionKind.EDUCATION, "Ryggskola: smärta, aktivitet och balans",
        -7, 14, capacity=10, place="Vårdcentralen, samlingsrummet plan 2",
        scheduled=now - timedelta(days=21),
    )
    bookings = [
        services.book_patient(physio, past.pk, patient, now=now - timedelta(days=14))[0]
        for patient in patients
    ]
    services.mark_attendance(
        physio, past.pk,
        {b.pk: ("yes" if i == 0 else "no") for i, b in enumerate(bookings)}, now=now,
    )
