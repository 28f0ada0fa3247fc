"""The check-in history chart: one point per day, date labels that never overlap."""

from __future__ import annotations

from datetime import date, timedelta

from battrerygg.clinical.balance import Capacity, Load, Ratings
from battrerygg.plan.drawing import LABEL_GAP, history


def ratings(capacity: int, load: int) -> Ratings:
    return Ratings(capacity=dict.fromkeys(Capacity, capacity), loads=dict.fromkeys(Load, load))


def test_a_year_of_daily_checkins_has_readable_labels():
    start = date(2025, 11, 28)
    chart = history([(start + timedelta(days=n), ratings(n % 11, 5)) for n in range(366)])
    labelled = [p for p in chart.points if p.label]
    assert len(chart.points) == 366
    assert all(b.x - a.x >= LABEL_GAP for a, b in zip(labelled, labelled[1:], strict=False))
    assert labelled[-1].day == date(2026, 11, 28)
    assert labelled[-1].label == "28/11 2026"  # two years on the chart: the year is shown
    assert 5 <= len(labelled) <= 10


def test_the_last_checkin_of_a_day_stands_for_it():
    day = date(2026, 3, 9)
    chart = history([(day, ratings(2, 8)), (day, ratings(6, 3))])
    assert len(chart.points) == 1
    assert chart.points[0].label == "9/3"
    assert chart.points[0].y_capacity < chart.points[0].y_load  # capacity 6 is higher up
