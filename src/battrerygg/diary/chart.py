"""Geometry of the diary's pain chart, drawn as SVG by a template (no JavaScript).

Pain (NRS 0–10) over time: the pain-monitoring zones shaded across the plot, the baseline
pain before each activity as a line, the highest pain during each activity as a dot in its
zone's colour, and the 24-hour value as a ring. Dates on the x axis are local dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from battrerygg.clinical.pain_monitoring import Zone, ZoneLimits
from battrerygg.diary.queries import AssessedEntry

WIDTH = 720
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 44, 34, 26, 40
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


@dataclass
class Band:
    zone: str
    y: float
    height: float


@dataclass
class Point:
    x: float
    y_baseline: float
    y_during: float
    y_24h: float | None
    zone: str
    entry: AssessedEntry


@dataclass
class Tick:
    pos: float
    label: str
    day: date | None = None


@dataclass
class Chart:
    """Everything the template needs. Empty ``points`` means nothing to draw."""

    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    plot_w: int = PLOT_W
    plot_h: int = PLOT_H
    bottom_y: int = TOP + PLOT_H
    bands: list[Band] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    baseline_path: str = ""
    first: date | None = None
    last: date | None = None


def y_of(pain: float) -> float:
    """Vertical position of an NRS value in the plot (0 at the bottom)."""
    return round(TOP + (10 - pain) * PLOT_H / 10, 1)


def build(items: list[AssessedEntry], limits: ZoneLimits, tz: ZoneInfo) -> Chart:
    """Chart geometry for chronologically ordered, assessed diary entries."""
    chart = Chart()
    # Zone bands: each covers its NRS values, from v - 0.5 to v + 0.5, clipped to 0–10.
    for zone in Zone:
        low, high = limits.range_of(zone)
        top = y_of(min(10, high + 0.5))
        bottom = y_of(max(0, low - 0.5))
        chart.bands.append(Band(zone.value, top, round(bottom - top, 1)))
    chart.y_ticks = [Tick(y_of(v), str(v)) for v in range(0, 11, 2)]
    if not items:
        return chart
    first_day = items[0].entry.local_date
    last_day = items[-1].entry.local_date
    start = datetime.combine(first_day, time(0), tzinfo=tz)
    end = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=tz)
    span = (end - start).total_seconds()

    def x_of(moment: datetime) -> float:
        return round(LEFT + (moment - start).total_seconds() / span * PLOT_W, 1)

    days = (last_day - first_day).days + 1
    step = max(1, -(-days // 6))
    day = first_day
    while day <= last_day:
        noon = datetime.combine(day, time(12), tzinfo=tz)
        chart.x_ticks.append(Tick(x_of(noon), day.isoformat(), day))
        day += timedelta(days=step)
    path = []
    for item in items:
        e = item.entry
        x = x_of(e.started_at.astimezone(tz))
        chart.points.append(
            Point(
                x=x,
                y_baseline=y_of(e.pain_baseline),
                y_during=y_of(e.pain_during),
                y_24h=y_of(e.pain_24h) if e.pain_24h is not None else None,
                zone=item.assessment.zone.value,
                entry=item,
            )
        )
        path.append(f"{'M' if not path else 'L'}{x},{y_of(e.pain_baseline)}")
    chart.baseline_path = " ".join(path)
    chart.first, chart.last = first_day, last_day
    return chart
