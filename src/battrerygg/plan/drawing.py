"""Geometry of the balance scale and the check-in history chart, drawn as SVG by
templates (no JavaScript). Numbers are SVG user units; angles are degrees."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from battrerygg.clinical.balance import Ratings, Tilt, tilt

SCALE_W, SCALE_H = 420, 250
PIVOT = (210.0, 84.0)
HALF_BEAM = 130.0
MAX_ANGLE = 16.0


def angle_of(ratings: Ratings) -> float:
    """How far the beam turns, in degrees; positive = the loads side (right) goes down.

    Level when the rule says balanced (SPEC C3), else 6° plus 2° per point of difference
    between the means, at most 16°, so the drawing never contradicts the text.
    """
    which = tilt(ratings)
    if which is Tilt.BALANCED:
        return 0.0
    difference = abs(float(ratings.mean_load - ratings.mean_capacity))
    size = min(MAX_ANGLE, 6.0 + 2.0 * difference)
    return size if which is Tilt.LOADS_HEAVIER else -size


@dataclass
class Pan:
    """A pan hanging from one end of the beam, holding a block as high as the side's mean."""

    x: float  # beam end
    y: float
    pan_y: float  # the pan's rim
    block_h: float
    block_y: float
    mean: Fraction


@dataclass
class Scale:
    width: int
    height: int
    pivot_x: float
    pivot_y: float
    angle: float
    beam: tuple[float, float, float, float]
    capacity: Pan
    loads: Pan
    tilt: Tilt


def scale(ratings: Ratings) -> Scale:
    """The balance scale for one check-in: capacity on the left, loads on the right."""
    angle = angle_of(ratings)
    rad = math.radians(angle)
    dx, dy = HALF_BEAM * math.cos(rad), HALF_BEAM * math.sin(rad)
    px, py = PIVOT

    def pan(x: float, y: float, mean: Fraction) -> Pan:
        rim = y + 70
        height = float(mean) * 5.0  # 0–10 → 0–50
        return Pan(round(x, 1), round(y, 1), round(rim, 1), round(height, 1),
                   round(rim - height, 1), mean)

    return Scale(
        width=SCALE_W, height=SCALE_H, pivot_x=px, pivot_y=py, angle=round(angle, 1),
        beam=(round(px - dx, 1), round(py - dy, 1), round(px + dx, 1), round(py + dy, 1)),
        capacity=pan(px - dx, py - dy, ratings.mean_capacity),
        loads=pan(px + dx, py + dy, ratings.mean_load),
        tilt=tilt(ratings),
    )


CHART_W, CHART_H = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 20, 20, 40


@dataclass
class HistoryPoint:
    x: float
    y_capacity: float
    y_load: float
    day: date
    label: str = ""  # shown under the axis; empty when it would crowd its neighbours


@dataclass
class History:
    width: int = CHART_W
    height: int = CHART_H
    left: int = LEFT
    right_x: int = CHART_W - RIGHT
    bottom_y: int = CHART_H - BOTTOM
    points: list[HistoryPoint] = field(default_factory=list)
    capacity_path: str = ""
    load_path: str = ""
    y_ticks: list[tuple[float, int]] = field(default_factory=list)


LABEL_GAP = 76.0
"""Least distance between two date labels, in SVG units."""


def _y(value: Fraction) -> float:
    return round(TOP + (10 - float(value)) * (CHART_H - TOP - BOTTOM) / 10, 1)


def history(checkins: list[tuple[date, Ratings]]) -> History:
    """Mean capacity and mean load over time, x by date (input oldest first). The last
    check-in of a day stands for that day. Date labels are thinned so they never overlap
    (the newest is always labelled) and carry the year when the chart spans two years."""
    chart = History(y_ticks=[(_y(Fraction(v)), v) for v in range(0, 11, 2)])
    by_day = dict(checkins)  # later check-ins of a day replace earlier ones
    if not by_day:
        return chart
    days = sorted(by_day)
    first, last = days[0], days[-1]
    span = max(1, (last - first).days)
    plot_w = CHART_W - LEFT - RIGHT - 40
    for day in days:
        ratings = by_day[day]
        x = LEFT + 20 + (day - first).days * plot_w / span if last != first else CHART_W / 2
        chart.points.append(HistoryPoint(round(x, 1), _y(ratings.mean_capacity),
                                         _y(ratings.mean_load), day))
    with_year = first.year != last.year
    next_label_x = float("inf")
    for point in reversed(chart.points):
        if next_label_x - point.x >= LABEL_GAP:
            point.label = (f"{point.day.day}/{point.day.month}"
                           + (f" {point.day.year}" if with_year else ""))
            next_label_x = point.x
    chart.capacity_path = "M" + " L".join(f"{p.x} {p.y_capacity}" for p in chart.points)
    chart.load_path = "M" + " L".join(f"{p.x} {p.y_load}" for p in chart.points)
    return chart
