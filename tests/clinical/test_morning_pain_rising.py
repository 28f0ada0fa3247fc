"""SPEC C1 (Silbernagel 2007): morning pain rising week on week is a physiotherapist's signal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from battrerygg.clinical.pain_monitoring import morning_pain_rising, weekly_morning_means

TODAY = date(2026, 3, 22)


@pytest.mark.parametrize(
    ("means", "rising"),
    [
        ([3.0, 4.0], True),  # one full point up
        ([3.1, 4.1], True),  # a full point, whatever the float arithmetic says
        ([3.0, 3.5], False),  # half a point is noise of the mean
        ([4.0, 4.0], False),
        ([5.0, 3.0], False),  # falling
        ([2.0, 6.0, 5.0], False),  # only the latest step counts: it fell
        ([6.0, 2.0, 3.0], True),
        ([None, 5.0], False),  # a week with too few mornings is not judged
        ([3.0, None], False),
        ([4.0], False),
        ([], False),
    ],
)
def test_latest_week_against_the_week_before(means, rising):
    assert morning_pain_rising(means) is rising


def test_the_size_of_a_rise_is_configurable():
    assert morning_pain_rising([3.0, 3.5], min_rise=0.5) is True


@pytest.mark.parametrize("means", [[3.0, 11.0], [-0.5, 2.0]])
def test_means_outside_the_scale_are_refused(means):
    with pytest.raises(ValueError):
        morning_pain_rising(means)


def test_a_rise_must_be_positive():
    with pytest.raises(ValueError):
        morning_pain_rising([1.0, 2.0], min_rise=0)


def _days(first: date, pains: list[int]) -> list[tuple[date, int]]:
    return [(first + timedelta(days=i), p) for i, p in enumerate(pains)]


def test_weekly_means_are_two_seven_day_windows_ending_today():
    mornings = _days(TODAY - timedelta(days=13), [3] * 7 + [5] * 7)
    assert weekly_morning_means(mornings, TODAY) == [3.0, 5.0]
    assert morning_pain_rising(weekly_morning_means(mornings, TODAY)) is True


def test_each_day_counts_once():
    mornings = [(TODAY, 9), (TODAY, 9), (TODAY, 9), (TODAY - timedelta(days=1), 3),
                (TODAY - timedelta(days=2), 3)]
    # Three days: 9, 3, 3 → 5.0 (not the mean of the five ratings, 6.6).
    assert weekly_morning_means(mornings, TODAY)[-1] == 5.0


def test_a_week_with_fewer_than_three_mornings_is_not_judged():
    mornings = _days(TODAY - timedelta(days=13), [2] * 7)
    mornings += [(TODAY, 8), (TODAY - timedelta(days=1), 8)]
    assert weekly_morning_means(mornings, TODAY) == [2.0, None]
    assert morning_pain_rising(weekly_morning_means(mornings, TODAY)) is False


def test_days_outside_the_windows_are_ignored():
    mornings = _days(TODAY - timedelta(days=20), [10] * 7)
    mornings += _days(TODAY - timedelta(days=6), [4] * 7)
    assert weekly_morning_means(mornings, TODAY, weeks=3) == [10.0, None, 4.0]
    assert weekly_morning_means(mornings, TODAY) == [None, 4.0]


@pytest.mark.parametrize("bad", [11, -1, 2.5])
def test_invalid_ratings_are_refused(bad):
    with pytest.raises(ValueError):
        weekly_morning_means([(TODAY, bad)], TODAY)


def test_at_least_two_weeks():
    with pytest.raises(ValueError):
        weekly_morning_means([], TODAY, weeks=1)
