"""Reason 4: questionnaires overdue (due by the schedule + 7 days' grace, not sent)."""

from datetime import UTC, date, datetime

import time_machine

from battrerygg.clinic.dashboard import Kind
from battrerygg.proms import services
from tests.clinic.helpers import reasons
from tests.proms import helpers
from tests.proms.helpers import odi_answers, startback_answers


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def answer(patient, instrument, answers, *, day: date, **kwargs):
    with time_machine.travel(_at(day), tick=False):
        return helpers.answer(patient, instrument, answers, day=day, **kwargs)


def _overdue(user, day: date):
    with time_machine.travel(_at(day), tick=False):
        return reasons(user, _at(day), Kind.OVERDUE)


def test_grace_period_edge(cast):
    assert _overdue(cast.physio, date(2026, 3, 16)) == {}  # due 9 March + 7 days: not yet
    got = _overdue(cast.physio, date(2026, 3, 17))
    assert set(got) == {"Anna Exempel", "Bertil Exempel"}
    assert got["Anna Exempel"] == [
        "4 questionnaires overdue: Back pain over the last week, Leg pain over the last week, "
        "STarT Back: risk screening, "
        "Oswestry Disability Index (ODI) (start of the programme); the first due 9 March"]


def test_sent_questionnaires_are_not_overdue_and_a_closed_window_is_not_either(cast):
    day = date(2026, 3, 10)
    answer(cast.patient, "nrs_back", {"pain": "4"}, day=day)
    answer(cast.patient, "nrs_leg", {"pain": "2"}, day=day)
    answer(cast.patient, "startback", startback_answers([1, 0, 0, 0, 0, 0, 0, 0], "moderately"),
           day=day)
    got = _overdue(cast.physio, date(2026, 3, 20))
    assert len(got["Anna Exempel"]) == 1 and got["Anna Exempel"][0].startswith(
        "1 questionnaire overdue: Oswestry")
    answer(cast.patient, "odi", odi_answers([1] * 10), day=date(2026, 3, 21))
    assert "Anna Exempel" not in _overdue(cast.physio, date(2026, 3, 22))
    assert "Bertil Exempel" in _overdue(cast.physio, date(2026, 4, 8))  # window closes 8 April
    assert "Bertil Exempel" not in _overdue(cast.physio, date(2026, 4, 9))


def test_an_assigned_questionnaire_is_overdue_7_days_after_its_date(cast):
    with time_machine.travel(_at(date(2026, 4, 20)), tick=False):
        assignment = services.assign_questionnaire(cast.patient, "nrs_back", date(2026, 4, 20),
                                                   actor=cast.physio)
    assert _overdue(cast.physio, date(2026, 4, 27)) == {}
    assert _overdue(cast.physio, date(2026, 4, 28)) == {"Anna Exempel": [
        "1 questionnaire overdue: Back pain over the last week (from your physiotherapist); "
        "due 20 April"]}
    answer(cast.patient, "nrs_back", {"pain": "3"}, day=date(2026, 4, 28),
           timepoint="assigned", assignment=assignment)
    assert _overdue(cast.physio, date(2026, 4, 29)) == {}
