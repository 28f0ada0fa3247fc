"""Weekly goals for general fitness and their progress (SPEC P6).

The programme helps the patient get going with general fitness — walking, stairs, Nordic
walking, cycling, dance, swimming — in amounts chosen to fit everyday life (BättreRygg
patient leaflet; physical activity advice for low back pain: NICE NG59, 2016, 1.2.1 "consider
a group exercise programme … take people's specific needs, preferences and capabilities into
account"). A goal is a target per ISO week (Monday–Sunday, the patient's local dates), in
minutes or in sessions; progress is counted from the activities the patient logged that week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Unit(StrEnum):
    """What a weekly goal counts."""

    MINUTES = "minutes"  # total duration of matching activities, minutes
    SESSIONS = "sessions"  # number of matching activities


TARGET_LIMITS = {Unit.MINUTES: (1, 7 * 24 * 60), Unit.SESSIONS: (1, 50)}
"""Allowed weekly targets: minutes 1–10080 (a whole week), sessions 1–50."""


def validate_target(unit: Unit, target: object) -> int:
    """A weekly target: a positive integer within TARGET_LIMITS[unit]; ValueError otherwise."""
    low, high = TARGET_LIMITS[unit]
    if isinstance(target, bool) or not isinstance(target, int):
        raise ValueError(f"a target must be an integer, not {target!r}")
    if not low <= target <= high:
        raise ValueError(f"a {unit} target must be {low}–{high}, not {target}")
    return target


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week (weeks run Monday–Sunday, ISO 8601)."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class LoggedActivity:
    """An activity as the diary logged it: kind (diary activity kind), local date, minutes ≥ 1."""

    kind: str
    local_date: date
    minutes: int


@dataclass(frozen=True)
class Progress:
    """Progress towards one goal in one week. done, target: in the goal's unit (≥ 0)."""

    week: date  # Monday
    done: int
    target: int

    @property
    def met(self) -> bool:
        return self.done >= self.target

    @property
    def percent(self) -> int:
        """Share of the target reached, 0–100 (capped: more than the goal shows as 100)."""
        return min(100, (100 * self.done) // self.target) if self.target else 100


def progress(
    kind: str, unit: Unit, target: int, activities: Iterable[LoggedActivity], week: date
) -> Progress:
    """Progress of a weekly goal (activity ``kind``, ``unit``, ``target``) in the ISO week
    starting on ``week`` (a Monday; ValueError otherwise), from the patient's activities.

    Only activities of the goal's kind whose local date falls in that week count.
    """
    if week.weekday() != 0:
        raise ValueError(f"a week starts on a Monday, not {week:%A}")
    end = week + timedelta(days=7)
    matching = [a for a in activities if a.kind == kind and week <= a.local_date < end]
    done = sum(a.minutes for a in matching) if unit is Unit.MINUTES else len(matching)
    return Progress(week=week, done=done, target=validate_target(unit, target))
