"""Geometry of a questionnaire's scores over time, drawn as SVG by a template."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

WIDTH, HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 16, 40
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


@dataclass
class Point:
    x: float
    y: float
    day: date
    total: Decimal
    anchor: str = "middle"  # of the date label: the ends stay inside the picture


@dataclass
class Tick:
    pos: float
    label: str


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_x: int = LEFT + PLOT_W
    bottom_y: int = TOP + PLOT_H
    points: list[Point] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    path: str = ""


def build(values: list[tuple[date, Decimal]], max_total: int) -> Chart:
    """Scores (local date, total) in date order on a scale 0–max_total."""
    chart = Chart()

    def y_of(v: Decimal | int) -> float:
        return round(TOP + (1 - float(v) / max_total) * PLOT_H, 1)

    step = max_total // 5 if max_total >= 10 else 1
    chart.y_ticks = [Tick(y_of(v), str(v)) for v in range(0, max_total + 1, step)]
    if not values:
        return chart
    first, last = values[0][0], values[-1][0]
    span = max((last - first).days, 1)
    for day, total in values:
        x = LEFT + PLOT_W / 2 if first == last else LEFT + (day - first).days / span * PLOT_W
        chart.points.append(Point(round(x, 1), y_of(total), day, total))
    if len(chart.points) > 1:
        chart.points[0].anchor, chart.points[-1].anchor = "start", "end"
    chart.path = " ".join(
        f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(chart.points)
    )
    return chart
