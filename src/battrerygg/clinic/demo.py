"""Demo patients for the physiotherapist's dashboard: one per reason for attention.

Made-up people (the names are clearly fictional, the e-mails on example.se), created through
the services as the product does. ``load`` is harmless to run again: a patient who already
exists is left as they are.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from battrerygg.accounts.models import Clinic, User
from battrerygg.clinical.balance import Capacity, Load, Ratings
from battrerygg.clinical.instruments import REGISTRY, schedule
from battrerygg.clinical.instruments.base import ItemType, Licence
from battrerygg.diary.services import ActivityInput, record_activity, record_follow_up
from battrerygg.patients.models import CareRelation, Patient
from battrerygg.patients.services import register_patient
from battrerygg.plan.services import record_checkin
from battrerygg.proms.services import save_answer, start_response, submit_response
from battrerygg.redflags.services import record_red_flag_check

PASSWORD = "BattreRygg-demo-2026"
DEMO_ZONE = ZoneInfo("Europe/Stockholm")  # the patients' time zone (the default)


def _log(patient: Patient, now: datetime, day: date, *, baseline: int = 3, during: int = 3,
         at_24h: int | None = None, hour: int = 10) -> None:
    """One walk on ``day`` at ``hour`` (local); the 24-hour value when given and due."""
    entry, _ = record_activity(
        patient,
        ActivityInput(kind="walking", local_date=day, local_time=time(hour, 0), minutes=20,
                      pain_baseline=baseline, pain_during=during, pain_after=baseline),
        submission_key=uuid.uuid4(), now=now,
    )
    if at_24h is not None and entry.follow_up_due_at <= now:
        record_follow_up(entry, at_24h, now=now)


def _baseline_questionnaires(patient: Patient, physio: User, start: date, now: datetime) -> None:
    """Send the baseline questionnaires on the episode's first day (licensed ones entered
    by the physiotherapist from paper, the others by the patient), with middling answers."""
    for instrument_id in schedule.BASELINE_INSTRUMENTS:
        instrument = REGISTRY[instrument_id]
        who = physio if instrument.licence is Licence.LICENSED else patient.user
        response, _ = start_response(patient, instrument_id, "baseline", actor=who, today=start)
        for item in instrument.items:
            if item.type is ItemType.CHOICE:
                save_answer(response, item.link_id, item.options[1].code, actor=who)
            elif item.type is ItemType.INTEGER:
                save_answer(response, item.link_id, str(min(item.max_value, 4)), actor=who)
        submit_response(response, submission_key=uuid.uuid4(), actor=who, now=now)


def _red_flag(patient: Patient, physio: User, today: date, now: datetime) -> None:
    for days_ago in (4, 2, 1):
        _log(patient, now, today - timedelta(days=days_ago), at_24h=3)
    record_red_flag_check(patient, {"both_legs_numb_tingling_or_weak": True},
                          submission_key=uuid.uuid4())


def _load(patient: Patient, physio: User, today: date, now: datetime) -> None:
    _log(patient, now, today - timedelta(days=3), during=7, at_24h=3)  # high-risk zone
    _log(patient, now, today - timedelta(days=2), baseline=3, during=4, at_24h=5)  # not back
    _log(patient, now, today - timedelta(days=1), at_24h=3)


def _not_settling(patient: Patient, physio: User, today: date, now: datetime) -> None:
    start = today - timedelta(days=15)
    _baseline_questionnaires(patient, physio, start, now)
    for offset in range(15):  # days 1-15 of the episode; the mean rises from 4.0 to 4.3
        pain = 4 if offset < 7 else (5 if offset % 3 == 0 else 4)  # within the zones
        _log(patient, now, start + timedelta(days=offset), baseline=pain, during=3,
             at_24h=4)  # the mornings stay at 4: not rising


def _negative_emotions(patient: Patient, physio: User, today: date, now: datetime) -> None:
    for days_ago in (4, 2, 1):
        _log(patient, now, today - timedelta(days=days_ago), at_24h=3)
    ratings = Ratings(capacity={c: 5 for c in Capacity},
                      loads={x: 9 if x is Load.NEGATIVE_EMOTIONS else 5 for x in Load})
    record_checkin(patient, local_date=today - timedelta(days=1), ratings=ratings, today=today,
                   submission_key=uuid.uuid4())


def _high_baseline(patient: Patient, physio: User, today: date, now: datetime) -> None:
    for days_ago in (4, 2):
        _log(patient, now, today - timedelta(days=days_ago), at_24h=3)
    # Pain 7 before the walk, above the acceptable zone (0-5); within limits during it.
    _log(patient, now, today - timedelta(days=1), baseline=7, during=5, at_24h=6)


def _morning_pain_rising(patient: Patient, physio: User, today: date, now: datetime) -> None:
    start = today - timedelta(days=12)
    _baseline_questionnaires(patient, physio, start, now)
    for offset in range(12):  # days 1-12: next-morning pain 2 in one week, 3 in the next
        day = start + timedelta(days=offset)
        _log(patient, now, day, baseline=4, during=3, at_24h=2 if day < today - timedelta(6)
             else 3)


def _overdue(patient: Patient, physio: User, today: date, now: datetime) -> None:
    for days_ago in (6, 4, 2, 1):
        _log(patient, now, today - timedelta(days=days_ago), at_24h=3)


def _silent(patient: Patient, physio: User, today: date, now: datetime) -> None:
    start = today - timedelta(days=12)
    _baseline_questionnaires(patient, physio, start, now)
    for offset in (1, 2, 3):
        _log(patient, now, start + timedelta(days=offset), at_24h=3)


# reason → (e-mail, name, days since the episode began, how their story is told)
PATIENTS: dict[str, tuple[str, str, int, Callable[[Patient, User, date, datetime], None]]] = {
    "red_flag": ("greta.pahittad@example.se", "Greta Påhittad", 5, _red_flag),
    "negative_emotions": ("lena.paditt@example.se", "Lena Pådiktad", 5, _negative_emotions),
    "load": ("harald.latsas@example.se", "Harald Låtsas", 6, _load),
    "high_baseline": ("mats.uppdiktad@example.se", "Mats Uppdiktad", 6, _high_baseline),
    "morning_pain_rising": ("nora.fantasi@example.se", "Nora Fantasi", 12,
                            _morning_pain_rising),
    "not_settling": ("ingrid.exempelsson@example.se", "Ingrid Exempelsson", 15, _not_settling),
    "overdue": ("jonas.fiktiv@example.se", "Jonas Fiktiv", 10, _overdue),
    "silent": ("karin.dikt@example.se", "Karin Dikt", 12, _silent),
}


def load(*, now: datetime, clinic: Clinic, physio: User) -> dict[str, str]:
    """Create the dashboard's demo patients in ``physio``'s care at ``clinic``.

    now: an aware datetime (the demo's present). Returns {reason: patient's full name} with
    the reasons of clinic.dashboard.Kind in lower case (red_flag, negative_emotions, load,
    high_baseline, morning_pain_rising, not_settling, overdue, silent): the patient who
    should show that reason (and no more urgent one).
    Idempotent: a patient whose e-mail exists already is skipped.
    """
    out = {}
    for reason, (email, name, days, story) in PATIENTS.items():
        out[reason] = name
        if User.objects.filter(email=email).exists():
            continue
        today = now.astimezone(DEMO_ZONE).date()
        patient = register_patient(email=email, password=PASSWORD, full_name=name,
                                   clinic=clinic, episode_start=today - timedelta(days=days),
                                   created_by=physio)
        CareRelation.objects.get_or_create(physiotherapist=physio, patient=patient,
                                           clinic=clinic)
        story(patient, physio, today, now)
    return out

