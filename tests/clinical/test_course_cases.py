"""SPEC C5: every case of ../shared/cases/course.json, and the daily-pain helper."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from battrerygg.clinical.course import not_settling, not_settling_from_pain
from tests.shared import load_case_file

DATA = load_case_file("course.json")


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["id"] for c in DATA["cases"]])
def test_case(case):
    given = case["input"]
    result = not_settling(given["episode_day"], given["first_week_mean"], given["last_week_mean"])
    assert result is case["expected"]["not_settling"]


def test_from_daily_pain():
    start = date(2026, 3, 9)
    flat = [(start + timedelta(days=d), 6) for d in range(21)]
    assert not_settling_from_pain(start, start + timedelta(days=20), flat) is True
    easing = [(start + timedelta(days=d), 6 if d < 7 else 3) for d in range(21)]
    assert not_settling_from_pain(start, start + timedelta(days=20), easing) is False
    assert not_settling_from_pain(start, start + timedelta(days=20), flat[:7]) is None


@pytest.mark.parametrize("args", [(0, 5.0, 5.0), (15, 11.0, 5.0), (15, 5.0, -1.0)])
def test_bad_input(args):
    with pytest.raises(ValueError):
        not_settling(*args)


def test_day_14_is_the_first_day_judged():
    # From day 14 on (cases/course.json rule): days 1-7 and 8-14 are two full weeks.
    assert not_settling(13, 6.0, 6.0) is False
    assert not_settling(14, 6.0, 6.0) is True


def test_each_day_counts_once():
    start = date(2026, 3, 9)
    # Week 1: one rating of 4 a day. Week 2: six days at 3, one day with five ratings of 9.
    ratings = [(start + timedelta(days=d), 4) for d in range(7)]
    ratings += [(start + timedelta(days=d), 3) for d in range(7, 13)]
    ratings += [(start + timedelta(days=13), 9)] * 5
    # Per day: (6 × 3 + 9) / 7 = 3.86 < 4 → settling. Per rating it would be 5.18 ≥ 4.
    assert not_settling_from_pain(start, start + timedelta(days=13), ratings) is False


def test_week_means_of_daily_means():
    from battrerygg.clinical.course import week_means

    start = date(2026, 3, 9)
    daily = {start + timedelta(days=d): (6.0 if d < 7 else 3.5) for d in range(21)}
    daily[start - timedelta(days=1)] = 10.0  # before the episode: ignored
    assert week_means(start, start + timedelta(days=20), daily) == (6.0, 3.5)
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
