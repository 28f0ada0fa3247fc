"""Reason 3: not settling after two weeks (SPEC C5), with both weekly means."""

from datetime import UTC, date, datetime, timedelta

import time_machine

from battrerygg.clinic.dashboard import Kind
from battrerygg.diary import queries as diary_queries
from tests.clinic.helpers import log, reasons

START = date(2026, 3, 9)  # the cast's episode start: day 1


def _noon(day: int) -> datetime:
    d = START + timedelta(days=day - 1)
    return datetime(d.year, d.month, d.day, 11, tzinfo=UTC)


def _two_weeks(patient, first: list[int], second: list[int]) -> None:
    for day, pain in enumerate(first + second, start=1):
        log(patient, _noon(day), baseline=pain, during=pain, at_24h=pain)


def test_flagged_from_day_14_when_the_second_week_is_not_lower(cast):
    _two_weeks(cast.patient, [5] * 7, [5, 5, 6, 5, 5, 5, 5])
    with time_machine.travel(_noon(13) + timedelta(hours=8), tick=False):
        assert reasons(cast.physio, _noon(13) + timedelta(hours=8), Kind.NOT_SETTLING) == {}
    now = _noon(14) + timedelta(hours=8)
    with time_machine.travel(now, tick=False):
        assert reasons(cast.physio, now, Kind.NOT_SETTLING) == {"Anna Exempel": [
            "Not settling after 14 days: mean pain 5.0 → 5.1 (not lower)"]}
        assert reasons(cast.physio, now, Kind.NOT_SETTLING, language="sv") == {"Anna Exempel": [
            "Inte bättre efter 14 dagar: snitt 5,0 → 5,1 (inte lägre)"]}


def test_a_lower_second_week_is_settling(cast):
    _two_weeks(cast.patient, [6] * 7, [5] * 7)
    now = _noon(14) + timedelta(hours=8)
    with time_machine.travel(now, tick=False):
        assert reasons(cast.physio, now, Kind.NOT_SETTLING) == {}


def test_each_day_counts_once(cast):
    # Week 1: one day with three entries of 9 and six days of 3: daily means 9,3,3,3,3,3,3
    # → 3.86; week 2: 4 every day → not settling, though the mean of the entries is lower.
    for _ in range(2):
        log(cast.patient, _noon(1) - timedelta(hours=2), baseline=9, during=2, at_24h=9)
    _two_weeks(cast.patient, [9] + [3] * 6, [4] * 7)
    now = _noon(14) + timedelta(hours=8)
    with time_machine.travel(now, tick=False):
        assert reasons(cast.physio, now, Kind.NOT_SETTLING) == {"Anna Exempel": [
            "Not settling after 14 days: mean pain 3.9 → 4.0 (not lower)"]}


def test_no_entries_in_the_last_week_means_nothing_to_compare(cast):
    _two_weeks(cast.patient, [5] * 7, [])
    now = _noon(16)
    with time_machine.travel(now, tick=False):
        assert reasons(cast.physio, now, Kind.NOT_SETTLING) == {}


def test_a_day_of_the_first_week_counts_whole_on_day_14(cast):
    # Day 7 (15 March, Stockholm, UTC+1) has an entry at 00:30 local (14 March 23:30 UTC)
    # with pain 1 and one at noon with pain 9: its mean is 5, like every other day, so the
    # episode is not settling (5.0 → 5.0), as the patient's own start page says too. The
    # day must not be read without its first entry (the last week's window, a day's margin
    # in UTC, starts inside it).
    _two_weeks(cast.patient, [5] * 6, [])
    log(cast.patient, datetime(2026, 3, 14, 23, 30, tzinfo=UTC), baseline=1, during=1)
    log(cast.patient, _noon(7), baseline=9, during=2)
    for day in range(8, 15):
        log(cast.patient, _noon(day), baseline=5, during=5, at_24h=5)
    now = _noon(14) + timedelta(hours=8)
    with time_machine.travel(now, tick=False):
        assert diary_queries.not_settling(cast.patient.user, cast.patient, START + timedelta(13))
        assert reasons(cast.physio, now, Kind.NOT_SETTLING) == {"Anna Exempel": [
            "Not settling after 14 days: mean pain 5.0 → 5.0 (not lower)"]}
