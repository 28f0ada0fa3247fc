"""Local-time helpers (battrerygg.localtime) on the days the clocks change in Stockholm."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import time_machine

from battrerygg.localtime import at_noon, exists_locally, local_date, midnight

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_a_time_skipped_by_the_spring_change_does_not_exist():
    assert not exists_locally(datetime(2026, 3, 29, 2, 30, tzinfo=STOCKHOLM))
    assert exists_locally(datetime(2026, 3, 29, 3, 30, tzinfo=STOCKHOLM))
    assert exists_locally(datetime(2026, 3, 29, 1, 59, tzinfo=STOCKHOLM))


def test_a_time_repeated_by_the_autumn_change_exists():
    assert exists_locally(datetime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM))
    assert exists_locally(datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=STOCKHOLM))


def test_midnight_and_noon_are_instants_in_utc_of_the_local_day():
    assert midnight(date(2026, 3, 29), STOCKHOLM) == datetime(2026, 3, 28, 23, tzinfo=UTC)
    assert midnight(date(2026, 3, 30), STOCKHOLM) == datetime(2026, 3, 29, 22, tzinfo=UTC)
    assert at_noon(date(2026, 3, 29), STOCKHOLM) == datetime(2026, 3, 29, 10, tzinfo=UTC)
    assert at_noon(date(2026, 1, 5), STOCKHOLM).tzinfo is UTC


def test_the_local_date_is_the_date_in_the_zone_at_that_instant():
    late_evening_utc = datetime(2026, 6, 30, 22, 30, tzinfo=UTC)  # 00:30 on 1 July in Stockholm
    assert local_date(STOCKHOLM, late_evening_utc) == date(2026, 7, 1)
    assert local_date(UTC, late_evening_utc) == date(2026, 6, 30)
    with time_machine.travel(late_evening_utc, tick=False):
        assert local_date(STOCKHOLM) == date(2026, 7, 1)
