"""Set-up for group tests, through the services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.utils import translation

from battrerygg.groups import services

NOW = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)
START = datetime(2026, 4, 8, 12, 0, tzinfo=UTC)  # 14:00 in Stockholm (summer time)


def session_input(cast, **changes) -> services.SessionInput:
    values = {
        "kind": "education", "title": "Ryggskola", "starts_at": START,
        "ends_at": START + timedelta(minutes=90), "capacity": 2, "leader": cast.physio,
        "place": "Samlingsrummet", "video_url": "",
    }
    return services.SessionInput(**(values | changes))


def schedule(cast, *, actor=None, now=NOW, **changes):
    session, _created = services.schedule_session(
        actor or cast.physio, cast.clinic, session_input(cast, **changes), now=now)
    return session


def swedish(error: services.GroupError) -> str:
    with translation.override("sv"):
        return str(error.message)


def add_patient(cast, email: str, name: str):
    """Another patient of cast.physio at cast.clinic."""
    from datetime import date

    from battrerygg.patients.models import CareRelation
    from battrerygg.patients.services import register_patient

    patient = register_patient(email=email, password="Test-password-2026", full_name=name,
                               clinic=cast.clinic, episode_start=date(2026, 3, 9))
    CareRelation.objects.create(physiotherapist=cast.physio, patient=patient, clinic=cast.clinic)
    return patient


def book_both(cast, capacity: int):
    """A session with ``capacity`` places; Anna booked first, then Bertil:
    (session, anna's booking, bertil's booking)."""
    session = schedule(cast, capacity=capacity)
    anna, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    bertil, _ = services.book_patient(cast.physio, session.pk, cast.patient_b, now=NOW)
    return session, anna, bertil
