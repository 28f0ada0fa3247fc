"""Priority order: red flags, load, not settling, overdue, silence; within a priority the
oldest signal first; patients without signals below, by name."""

import uuid
from datetime import timedelta

import time_machine

from battrerygg.clinic.dashboard import Kind, signals
from battrerygg.patients.models import CareRelation
from battrerygg.patients.services import register_patient
from battrerygg.redflags.services import record_red_flag_check
from tests.clinic.helpers import NOW, log


def _patient(cast, name):
    p = register_patient(email=f"{name.split()[0].lower()}@example.se", password=None,
                         full_name=name, clinic=cast.clinic,
                         episode_start=NOW.date() - timedelta(3))
    CareRelation.objects.create(physiotherapist=cast.physio, patient=p, clinic=cast.clinic)
    return p


def test_most_urgent_first_then_oldest_then_quiet_by_name(cast):
    # Anna and Bertil (episode 9 March): silent and overdue. Cecilia: a red flag today;
    # David: load twice; Erik and Fanny: nothing (new episodes, logged yesterday).
    cecilia, david = _patient(cast, "Cecilia Test"), _patient(cast, "David Test")
    fanny, erik = _patient(cast, "Fanny Test"), _patient(cast, "Erik Test")
    with time_machine.travel(NOW - timedelta(hours=1), tick=False):
        record_red_flag_check(cecilia, {"saddle_numbness": True}, submission_key=uuid.uuid4())
    log(david, NOW - timedelta(days=2), during=8)
    log(david, NOW - timedelta(days=1), during=8)
    for p in (cecilia, fanny, erik):
        log(p, NOW - timedelta(days=1))
    log(cast.patient_b, NOW - timedelta(days=12))  # Bertil's silence is newer than Anna's
    with time_machine.travel(NOW, tick=False):
        found = signals(cast.physio, NOW)
    assert [(i.name, [r.kind for r in i.reasons]) for i in found] == [
        ("Cecilia Test", [Kind.RED_FLAG]),
        ("David Test", [Kind.LOAD]),
        ("Anna Exempel", [Kind.OVERDUE, Kind.SILENT]),
        ("Bertil Exempel", [Kind.OVERDUE, Kind.SILENT]),
        ("Erik Test", []),
        ("Fanny Test", []),
    ]


def test_within_a_priority_the_oldest_signal_comes_first(cast):
    log(cast.patient, NOW - timedelta(days=9))
    log(cast.patient_b, NOW - timedelta(days=12))
    with time_machine.travel(NOW, tick=False):
        found = signals(cast.physio, NOW)
    # Both overdue since the same day (same episode start): the name decides; then silence.
    assert [i.name for i in found] == ["Anna Exempel", "Bertil Exempel"]
    silent = {i.name: [r for r in i.reasons if r.kind is Kind.SILENT][0].since for i in found}
    assert silent["Bertil Exempel"] < silent["Anna Exempel"]


def test_an_emergency_answer_comes_before_an_older_less_urgent_one(cast):
    """SPEC C7: severity first, then the oldest signal."""
    soon, urgent = _patient(cast, "Cecilia Test"), _patient(cast, "David Test")
    with time_machine.travel(NOW - timedelta(days=2), tick=False):
        record_red_flag_check(soon, {"history_of_cancer": True}, submission_key=uuid.uuid4())
    with time_machine.travel(NOW - timedelta(hours=1), tick=False):
        record_red_flag_check(urgent, {"saddle_numbness": True}, submission_key=uuid.uuid4())
    with time_machine.travel(NOW, tick=False):
        found = signals(cast.physio, NOW)
    assert [i.name for i in found[:2]] == ["David Test", "Cecilia Test"]


def test_seek_care_today_sits_between_emergency_and_an_older_seek_care_soon(cast):
    """SPEC C2 turn 2 and C7: emergency, then today, then soon, whatever the age of the
    answers (the soonest-needed care first)."""
    soon = _patient(cast, "Cecilia Test")
    today = _patient(cast, "David Test")
    urgent = _patient(cast, "Erik Test")
    with time_machine.travel(NOW - timedelta(days=3), tick=False):
        record_red_flag_check(soon, {"history_of_cancer": True}, submission_key=uuid.uuid4())
    with time_machine.travel(NOW - timedelta(days=2), tick=False):
        record_red_flag_check(today, {"fever_or_generally_ill": True},
                              submission_key=uuid.uuid4())
    with time_machine.travel(NOW - timedelta(hours=1), tick=False):
        record_red_flag_check(urgent, {"high_energy_trauma": True},
                              submission_key=uuid.uuid4())
    with time_machine.travel(NOW, tick=False):
        found = signals(cast.physio, NOW)
    assert [i.name for i in found[:3]] == ["Erik Test", "David Test", "Cecilia Test"]
