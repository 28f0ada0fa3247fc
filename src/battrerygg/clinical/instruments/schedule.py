"""The programme's follow-up schedule (SPEC P8): which questionnaires fall due when.

Timepoints are counted in calendar months from the episode's start date (the patient's
local date): baseline at the start, then 3, 6 and 12 months. A day that does not exist in
the target month moves to its last day (31 Aug + 6 months → 28/29 Feb).

Each timepoint is open for ``WINDOW_DAYS`` = 30 days from its due date (baseline: from the
start date), and then counts as missed: it no longer shows to the patient, so that an
answer given much later is not taken for a 3-month value. The choice of instruments
(our programme's, stated in docs/clinical-sources.md):
- baseline: NRS back pain, NRS leg pain, STarT Back (to stratify, SPEC T1) and ODI;
- follow-ups: NRS back pain, NRS leg pain and ODI (the outcomes of SPEC T6).
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

WINDOW_DAYS = 30


class Timepoint(StrEnum):
    BASELINE = "baseline"
    MONTH_3 = "3m"
    MONTH_6 = "6m"
    MONTH_12 = "12m"
    ASSIGNED = "assigned"  # given by the physiotherapist for a date of their choosing


MONTHS = {Timepoint.BASELINE: 0, Timepoint.MONTH_3: 3, Timepoint.MONTH_6: 6,
          Timepoint.MONTH_12: 12}
BASELINE_INSTRUMENTS = ("nrs_back", "nrs_leg", "startback", "odi")
FOLLOW_UP_INSTRUMENTS = ("nrs_back", "nrs_leg", "odi")


@dataclass(frozen=True)
class Due:
    """One questionnaire of one timepoint: open from ``due`` to ``closes`` (inclusive)."""

    timepoint: Timepoint
    instrument: str
    due: date
    closes: date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (clamped to the month's end)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan(episode_start: date) -> list[Due]:
    """Every scheduled questionnaire of an episode, in order (a new list each call)."""
    return list(_plan(episode_start))


@functools.lru_cache(maxsize=4096)
def _plan(episode_start: date) -> tuple[Due, ...]:
    # Cached: the dashboard asks for the plan of every patient on every page view, and
    # episodes that began on the same day share it (Due is frozen, the tuple immutable).
    out: list[Due] = []
    for timepoint, months in MONTHS.items():
        due = add_months(episode_start, months)
        names = BASELINE_INSTRUMENTS if timepoint is Timepoint.BASELINE else FOLLOW_UP_INSTRUMENTS
        closes = due + timedelta(days=WINDOW_DAYS)
        out += [Due(timepoint, name, due, closes) for name in names]
    return tuple(out)


def open_on(episode_start: date, today: date) -> list[Due]:
    """Scheduled questionnaires whose window includes ``today``."""
    return [d for d in plan(episode_start) if d.due <= today <= d.closes]


def is_open(episode_start: date, timepoint: Timepoint, instrument: str, today: date) -> bool:
    """True when this timepoint's questionnaire may be answered on ``today``."""
    return any(d.timepoint is timepoint and d.instrument == instrument
               for d in open_on(episode_start, today))
