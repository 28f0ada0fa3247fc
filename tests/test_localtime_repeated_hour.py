"""The repeated hour of October (SPEC §1, issue 12): 02:00–03:00 on the last Sunday of
October happens twice in Stockholm, first in summer time (CEST, UTC+2), then in winter time
(CET, UTC+1). Which one the patient means is asked, never assumed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from battrerygg.localtime import at_wall_time, is_ambiguous, wall_time_instants

STOCKHOLM = ZoneInfo("Europe/Stockholm")
AUTUMN = date(2026, 10, 25)  # last Sunday of October 2026
SPRING = date(2026, 3, 29)


@pytest.mark.parametrize(("day", "at", "expected"), [
    (AUTUMN, time(2, 0), True),  # the first minute of the repeated hour
    (AUTUMN, time(2, 30), True),
    (AUTUMN, time(2, 59), True),
    (AUTUMN, time(1, 59), False),  # before it
    (AUTUMN, time(3, 0), False),  # after it (03:00 CET happens once)
    (SPRING, time(2, 30), False),  # skipped, not repeated
    (date(2026, 10, 18), time(2, 30), False),  # an ordinary Sunday
])
def test_only_the_repeated_hour_is_ambiguous(day, at, expected):
    assert is_ambiguous(datetime.combine(day, at, tzinfo=STOCKHOLM)) is expected


def test_half_past_two_in_october_is_two_instants_an_hour_apart_summer_first():
    summer, winter = wall_time_instants(AUTUMN, time(2, 30), STOCKHOLM)
    assert summer == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    assert winter == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET
    assert winter - summer == timedelta(minutes=60)
    assert at_wall_time(AUTUMN, time(2, 30), STOCKHOLM, second=False) == summer
    assert at_wall_time(AUTUMN, time(2, 30), STOCKHOLM, second=True) == winter


def test_the_repeated_hour_without_a_choice_is_refused_not_guessed():
    with pytest.raises(ValueError):
        at_wall_time(AUTUMN, time(2, 30), STOCKHOLM)


def test_skipped_and_ordinary_times():
    assert wall_time_instants(SPRING, time(2, 30), STOCKHOLM) == ()
    with pytest.raises(ValueError):
        at_wall_time(SPRING, time(2, 30), STOCKHOLM, second=False)
    ordinary = datetime(2026, 10, 25, 2, 0, tzinfo=UTC)  # 03:00 CET
    assert wall_time_instants(AUTUMN, time(3, 0), STOCKHOLM) == (ordinary,)
    assert at_wall_time(AUTUMN, time(3, 0), STOCKHOLM) == ordinary
    assert at_wall_time(AUTUMN, time(3, 0), STOCKHOLM, second=True) == ordinary  # ignored
