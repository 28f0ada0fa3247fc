"""Course of the episode: is it settling? (SPEC C5).

Most episodes of low back pain improve within 2–6 weeks, even untreated (the programme's
leaflet; da C Menezes Costa L et al. CMAJ 2012;184:E613–24). The programme's rule: from
day 14 of the episode on, the mean pain of the last 7 days is compared with the mean of the
first 7 days; when it is not lower, the episode is not settling — the patient is advised to
contact the physiotherapist and the physiotherapist's dashboard flags it.

Refinements (SPEC C5, turn 2; cases refinements.json "course"):
- **Pain floor.** A patient with little or no pain is not "not settling": the last week's
  mean must be above ``PAIN_FLOOR`` = 2, the top of the "safe" zone of the pain-monitoring
  model (Thomeé 1997; SPEC C1), the pain this programme already tells patients is fine to
  have. 0 → 0 or 1.5 → 2 is not flagged; 2 → 3 is.
- **Enough ratings.** Each window needs ratings on at least ``MIN_DAYS`` = 4 of its 7 days
  (more than half), so that one bad or good day cannot stand for a week (one day a window
  is too few, cases COR02). The number is this programme's choice (no source sets it): a
  majority of the window, since patients rate pain when they log an activity, not every
  day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import NamedTuple

from battrerygg.clinical.pain_monitoring import validate_nrs

# The first day judged: days 1-7 and 8-14 are two full, separate weeks (cases/course.json).
JUDGE_FROM_DAY = 14
WINDOW_DAYS = 7
PAIN_FLOOR = 2.0  # SPEC C5 refinement: top of the C1 safe zone (Thomeé 1997), see above
MIN_DAYS = 4  # SPEC C5 refinement: days with a rating in each window, a majority of 7


def not_settling(episode_day: int, first_week_mean: float, last_week_mean: float, *,
                 first_week_days: int, last_week_days: int) -> bool:
    """True when the episode is not settling.

    episode_day: days since the episode started (day 1 is the start date), integer ≥ 1.
    first_week_mean, last_week_mean: mean NRS (0–10) of the first and the last 7 days.
    first_week_days, last_week_days: how many days of each window have a rating (0–7).
    Returns False before day 14 (too early to judge: on day 14 the first week, days 1–7,
    and the last week, days 8–14, are two separate full weeks), when either window has
    fewer than ``MIN_DAYS`` days with a rating, or when the last week's mean is at or below
    ``PAIN_FLOOR`` (little pain); else True when the last week's mean is not lower.
    Raises ValueError for episode_day < 1, means outside 0–10 or day counts outside 0–7.
    """
    if episode_day < 1:
        raise ValueError("episode_day starts at 1")
    for mean in (first_week_mean, last_week_mean):
        if not 0 <= mean <= 10:
            raise ValueError("mean pain must be within 0-10")
    for days in (first_week_days, last_week_days):
        if not 0 <= days <= WINDOW_DAYS:
            raise ValueError("days with a rating must be within 0-7")
    if episode_day < JUDGE_FROM_DAY:
        return False
    if min(first_week_days, last_week_days) < MIN_DAYS or last_week_mean <= PAIN_FLOOR:
        return False
    return last_week_mean >= first_week_mean


class WeekMeans(NamedTuple):
    """The two C5 windows: mean of the daily means and the number of days with a rating."""

    first_mean: float
    last_mean: float
    first_days: int
    last_days: int


@dataclass(frozen=True)
class NotSettling:
    """The episode is not settling (SPEC C5), with the figures to say so.

    episode_day: day of the episode (≥ 14), i.e. how long it has been.
    first_week_mean, last_week_mean: NRS means (0–10; the last not lower, above the floor).
    first_week_days, last_week_days: days with a rating in each window (≥ ``MIN_DAYS``).
    """

    episode_day: int
    first_week_mean: float
    last_week_mean: float
    first_week_days: int
    last_week_days: int


def judge(episode_day: int, means: WeekMeans | None) -> NotSettling | None:
    """``not_settling`` on ``week_means``' result: the figures when not settling, else None
    (settling, too early, too few ratings, little pain, or nothing to compare)."""
    if means is None or not not_settling(
        episode_day, means.first_mean, means.last_mean,
        first_week_days=means.first_days, last_week_days=means.last_days,
    ):
        return None
    return NotSettling(episode_day, means.first_mean, means.last_mean, means.first_days,
                       means.last_days)


def week_means(
    episode_start: date, today: date, daily_means: Mapping[date, float]
) -> WeekMeans | None:
    """The means of the first and the last 7-day windows of daily mean pain.

    episode_start, today: local dates (today ≥ episode_start). daily_means: local date → that
    day's mean NRS (0–10), one value a day, so a day with many ratings weighs no more than a
    day with one; days outside both windows are ignored. The first window is the episode's
    days 1–7 (``episode_start`` … +6 days), the last the 7 days ending ``today`` (they
    overlap before day 14, when ``not_settling`` does not judge yet). Returns the two means
    and the number of days with a rating in each (``WeekMeans``), or None when either
    window has no day (nothing to compare).
    Raises ValueError when today is before episode_start.
    """
    if today < episode_start:
        raise ValueError("today is before the episode started")
    first_end = episode_start + timedelta(days=WINDOW_DAYS)
    last_start = today - timedelta(days=WINDOW_DAYS - 1)
    first = [mean for day, mean in daily_means.items() if episode_start <= day < first_end]
    last = [mean for day, mean in daily_means.items() if last_start <= day <= today]
    if not first or not last:
        return None
    return WeekMeans(fmean(first), fmean(last), len(first), len(last))


def daily_means(pain_by_day: Iterable[tuple[date, int]]) -> dict[date, float]:
    """Each local day's mean pain: C5 counts each day once, so a day with many ratings
    weighs no more than a day with one.

    pain_by_day: (local date, NRS 0–10) pairs, several a day allowed, in any order.
    Returns local date → the mean of that day's ratings. Raises ValueError for a rating
    that is not an integer 0–10.
    """
    return daily_means_of_counts((day, pain, 1) for day, pain in pain_by_day)


def daily_means_of_counts(counted: Iterable[tuple[date, int, int]]) -> dict[date, float]:
    """``daily_means`` of ratings given as (local date, NRS 0–10, how many ratings of that
    value that day, ≥ 1): the same means, from at most eleven values a day however many
    ratings there are. Raises ValueError for an invalid rating or a count below 1.
    """
    totals: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for day, pain, count in counted:
        validate_nrs(pain)
        if count < 1:
            raise ValueError("a count of ratings is at least 1")
        totals[day][0] += pain * count
        totals[day][1] += count
    return {day: total / count for day, (total, count) in totals.items()}


def not_settling_from_pain(
    episode_start: date, today: date, pain_by_day: Iterable[tuple[date, int]]
) -> NotSettling | None:
    """C5 from daily pain ratings.

    episode_start, today: local dates (today ≥ episode_start). pain_by_day: (local date,
    NRS 0–10) pairs, several a day allowed: each day counts once (the mean of its ratings),
    so a day with many ratings weighs no more than a day with one. Returns the figures
    (``NotSettling``: how long it has been, both means) when the episode is not settling,
    else None (settling, too early, too few ratings, little pain, or nothing to compare;
    ``judge`` of ``week_means`` of the daily means). Raises ValueError when today is
    before episode_start or a rating is invalid.
    """
    if today < episode_start:
        raise ValueError("today is before the episode started")
    episode_day = (today - episode_start).days + 1
    return judge(episode_day, week_means(episode_start, today, daily_means(pain_by_day)))
