"""SPEC P6: weekly goal progress counts the matching activities of one ISO week."""

from __future__ import annotations

from datetime import date

import pytest

from battrerygg.clinical.goals import LoggedActivity, Unit, progress, validate_target, week_start

MONDAY = date(2026, 3, 23)
LOG = [
    LoggedActivity("walking", date(2026, 3, 22), 30),  # Sunday before: not this week
    LoggedActivity("walking", date(2026, 3, 23), 20),  # Monday
    LoggedActivity("cycling", date(2026, 3, 25), 40),  # other kind
    LoggedActivity("walking", date(2026, 3, 29), 25),  # Sunday (the DST day)
    LoggedActivity("walking", date(2026, 3, 30), 15),  # next Monday
]


def test_minutes_of_matching_activities_in_the_week():
    result = progress("walking", Unit.MINUTES, 60, LOG, MONDAY)
    assert (result.done, result.target, result.met, result.percent) == (45, 60, False, 75)


def test_sessions_are_counted():
    result = progress("walking", Unit.SESSIONS, 2, LOG, MONDAY)
    assert (result.done, result.met, result.percent) == (2, True, 100)


def test_more_than_the_goal_caps_the_percentage():
    assert progress("cycling", Unit.MINUTES, 10, LOG, MONDAY).percent == 100


def test_week_start_is_monday():
    assert week_start(date(2026, 3, 29)) == MONDAY
    assert week_start(MONDAY) == MONDAY
    with pytest.raises(ValueError, match="Monday"):
        progress("walking", Unit.MINUTES, 60, LOG, date(2026, 3, 24))


@pytest.mark.parametrize(("unit", "target"), [
    (Unit.MINUTES, 0), (Unit.MINUTES, -5), (Unit.MINUTES, 10081), (Unit.SESSIONS, 51),
    (Unit.SESSIONS, 2.5), (Unit.SESSIONS, True),
])
def test_bad_targets(unit, target):
    with pytest.raises(ValueError):
        validate_target(unit, target)
