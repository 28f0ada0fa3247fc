"""SPEC C5: every case of ../shared/cases/course.json and of refinements.json "course"
(COR*), and the daily-pain helper."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from battrerygg.clinical.course import (
    MIN_DAYS,
    NotSettling,
    WeekMeans,
    not_settling,
    not_settling_from_pain,
)
from tests.shared import load_case_file

DATA = load_case_file("course.json")
REFINED = load_case_file("refinements.json")["course"]
CASES = DATA["cases"] + REFINED
FULL = {"first_week_days": 7, "last_week_days": 7}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    given = case["input"]
    # course.json (CO*) gives no day counts: its means are of the first and the last 7
    # days, so both windows are full (the refinements' COR* give the counts).
    days = {key: given.get(key, 7) for key in FULL}
    result = not_settling(given["episode_day"], given["first_week_mean"],
                          given["last_week_mean"], **days)
    assert result is case["expected"]["not_settling"]


def test_from_daily_pain():
    start = date(2026, 3, 9)
    flat = [(start + timedelta(days=d), 6) for d in range(21)]
    assert not_settling_from_pain(start, start + timedelta(days=20), flat) == NotSettling(
        21, 6.0, 6.0, 7, 7)
    easing = [(start + timedelta(days=d), 6 if d < 7 else 3) for d in range(21)]
    assert not_settling_from_pain(start, start + timedelta(days=20), easing) is None
    assert not_settling_from_pain(start, start + timedelta(days=20), flat[:7]) is None


@pytest.mark.parametrize("args", [(0, 5.0, 5.0, 7, 7), (15, 11.0, 5.0, 7, 7),
                                  (15, 5.0, -1.0, 7, 7), (15, 5.0, 5.0, 8, 7),
                                  (15, 5.0, 5.0, 7, -1)])
def test_bad_input(args):
    day, first, last, first_days, last_days = args
    with pytest.raises(ValueError):
        not_settling(day, first, last, first_week_days=first_days, last_week_days=last_days)


def test_day_14_is_the_first_day_judged():
    # From day 14 on (cases/course.json rule): days 1-7 and 8-14 are two full weeks.
    assert not_settling(13, 6.0, 6.0, **FULL) is False
    assert not_settling(14, 6.0, 6.0, **FULL) is True


@pytest.mark.parametrize("first,last,expected", [
    (0.0, 0.0, False), (1.0, 1.0, False), (1.5, 2.0, False),  # little pain: at most 2
    (2.0, 2.1, True), (0.0, 3.0, True),  # rising above the safe zone is not settling
])
def test_pain_floor(first, last, expected):
    assert not_settling(21, first, last, **FULL) is expected


@pytest.mark.parametrize("first_days,last_days,expected", [
    (MIN_DAYS, MIN_DAYS, True), (MIN_DAYS - 1, 7, False), (7, MIN_DAYS - 1, False),
])
def test_enough_days_in_each_window(first_days, last_days, expected):
    assert not_settling(21, 6.0, 6.0, first_week_days=first_days,
                        last_week_days=last_days) is expected


def test_days_rated_are_counted_from_the_diary():
    start = date(2026, 3, 9)
    # Week 1 rated on 3 days only, week 3 every day: too few days to judge.
    sparse = [(start + timedelta(days=d), 6) for d in (0, 2, 4)]
    sparse += [(start + timedelta(days=d), 6) for d in range(14, 21)]
    assert not_settling_from_pain(start, start + timedelta(days=20), sparse) is None
    sparse.append((start + timedelta(days=6), 6))
    assert not_settling_from_pain(start, start + timedelta(days=20), sparse) == NotSettling(
        21, 6.0, 6.0, 4, 7)


def test_each_day_counts_once():
    start = date(2026, 3, 9)
    # Week 1: one rating of 4 a day. Week 2: six days at 3, one day with five ratings of 9.
    ratings = [(start + timedelta(days=d), 4) for d in range(7)]
    ratings += [(start + timedelta(days=d), 3) for d in range(7, 13)]
    ratings += [(start + timedelta(days=13), 9)] * 5
    # Per day: (6 × 3 + 9) / 7 = 3.86 < 4 → settling. Per rating it would be 5.18 ≥ 4.
    assert not_settling_from_pain(start, start + timedelta(days=13), ratings) is None


def test_week_means_of_daily_means():
    from battrerygg.clinical.course import week_means

    start = date(2026, 3, 9)
    daily = {start + timedelta(days=d): (6.0 if d < 7 else 3.5) for d in range(21)}
    daily[start - timedelta(days=1)] = 10.0  # before the episode: ignored
    assert week_means(start, start + timedelta(days=20), daily) == WeekMeans(6.0, 3.5, 7, 7)
    assert week_means(start, start + timedelta(days=13), {start: 4.0}) is None
    with pytest.raises(ValueError):
        week_means(start, start - timedelta(days=1), daily)


def test_daily_means_count_each_day_once():
    from datetime import date

    from battrerygg.clinical.course import daily_means

    day1, day2 = date(2026, 3, 1), date(2026, 3, 2)
    assert daily_means([(day1, 2), (day2, 5), (day1, 4), (day1, 6)]) == {day1: 4.0, day2: 5.0}
    assert daily_means([]) == {}
    with pytest.raises(ValueError):
        daily_means([(day1, 11)])
