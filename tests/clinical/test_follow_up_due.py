"""When the 24-hour value is asked for: 24 h on or the next morning, across DST."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from battrerygg.clinical.pain_monitoring import follow_up_due_at

STHLM = ZoneInfo("Europe/Stockholm")


def elapsed(start: datetime, end: datetime) -> timedelta:
    """Real elapsed time (same-zone aware subtraction in Python is wall-clock time)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


def test_evening_activity_is_asked_about_the_next_morning():
    end = datetime(2026, 3, 13, 18, 0, tzinfo=STHLM)
    assert follow_up_due_at(end, STHLM) == datetime(2026, 3, 14, 7, 0, tzinfo=STHLM)


def test_early_activity_is_asked_about_after_24_hours():
    end = datetime(2026, 3, 13, 6, 0, tzinfo=STHLM)
    assert follow_up_due_at(end, STHLM) == datetime(2026, 3, 14, 6, 0, tzinfo=STHLM)


def test_across_the_spring_change():
    # 2026-03-29 02:00 CET → 03:00 CEST. Activity ends 20:25 CET on the 28th.
    end = datetime(2026, 3, 28, 20, 25, tzinfo=STHLM)
    due = follow_up_due_at(end, STHLM)
    assert due == datetime(2026, 3, 29, 7, 0, tzinfo=STHLM)
    assert due.utcoffset() == timedelta(hours=2)
    assert elapsed(end, due) == timedelta(hours=9, minutes=35)  # one hour lost in the night


def test_24_hours_are_elapsed_time_across_the_change():
    end = datetime(2026, 3, 28, 5, 0, tzinfo=STHLM)  # CET
    due = follow_up_due_at(end, STHLM)
    assert elapsed(end, due) == timedelta(hours=24)
    assert (due.hour, due.utcoffset()) == (6, timedelta(hours=2))  # 06:00 CEST


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        follow_up_due_at(datetime(2026, 3, 28, 20, 0), STHLM)
