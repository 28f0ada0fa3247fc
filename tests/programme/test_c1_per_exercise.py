"""The C1 advice of an exercise session looks only at earlier sessions of the same
prescription, never at other exercises or other activities."""

from __future__ import annotations

from datetime import date

from battrerygg.clinical.dosing import Suggestion
from battrerygg.clinical.pain_monitoring import Advice
from battrerygg.diary import queries as diary_queries
from battrerygg.programme import queries, services

from .helpers import NOW, give, session


def _by_exercise(cast, user=None):
    items = queries.programme(user or cast.physio, cast.patient, now=NOW, language="sv")
    return {item.prescription.exercise: item for item in items}


def test_three_good_sessions_of_one_exercise_suggest_progress(cast):
    bridge = give(cast.physio, cast.patient)
    for day in (10, 12, 14):
        session(cast.patient, bridge, date(2026, 3, day))
    item = _by_exercise(cast)["backenlyft"]
    assert item.assessment.advice is Advice.INCREASE
    assert item.suggestion is Suggestion.PROGRESS


def test_other_exercises_do_not_count_as_the_same_activity(cast):
    bridge = give(cast.physio, cast.patient)
    cat = give(cast.physio, cast.patient, exercise="katten-och-kon")
    session(cast.patient, cat, date(2026, 3, 10))
    session(cast.patient, cat, date(2026, 3, 11))
    session(cast.patient, None, date(2026, 3, 12), kind="programme_exercise")  # not linked
    session(cast.patient, bridge, date(2026, 3, 14))
    items = _by_exercise(cast)
    assert items["backenlyft"].assessment.advice is Advice.KEEP  # its first session
    assert items["katten-och-kon"].assessment.advice is Advice.KEEP  # two so far
    # The diary's own view agrees: the same key per prescription.
    advice = {a.entry.pk: a.assessment.advice
              for a in diary_queries.assessed_entries(cast.patient.user, cast.patient)}
    assert list(advice.values()) == [Advice.KEEP, Advice.KEEP, Advice.KEEP, Advice.KEEP]


def test_high_risk_suggests_regress_and_missing_24h_suggests_waiting(cast):
    bridge = give(cast.physio, cast.patient)
    walk = give(cast.physio, cast.patient, exercise="promenad", minutes=20)
    session(cast.patient, bridge, date(2026, 3, 14), during=7)
    session(cast.patient, walk, date(2026, 3, 14), at_24h=None, hour=18)
    items = _by_exercise(cast)
    assert items["backenlyft"].suggestion is Suggestion.REGRESS
    assert items["promenad"].suggestion is Suggestion.AWAIT


def test_a_dose_just_raised_is_not_raised_again_on_old_sessions(cast):
    bridge = give(cast.physio, cast.patient)
    for day in (9, 10, 11):
        session(cast.patient, bridge, date(2026, 3, day))
    services.progress(cast.physio, bridge, version=1, now=NOW.replace(day=12))
    session(cast.patient, bridge, date(2026, 3, 13))
    item = _by_exercise(cast)["backenlyft"]
    assert item.assessment.advice is Advice.INCREASE  # C1 on the last three sessions
    assert item.sessions_at_dose == 1
    assert item.suggestion is Suggestion.KEEP  # but only one session at the new dose


def test_sessions_this_week_count_from_monday(cast):
    bridge = give(cast.physio, cast.patient)
    session(cast.patient, bridge, date(2026, 3, 15))  # Sunday of last week
    session(cast.patient, bridge, date(2026, 3, 16))  # Monday
    session(cast.patient, bridge, date(2026, 3, 19))
    item = _by_exercise(cast, cast.patient.user)["backenlyft"]
    assert item.sessions_this_week == 2
    assert [s.entry.local_date.day for s in item.latest] == [19, 16, 15]
