"""The pain-monitoring model (SPEC C1).

Pain is rated on the numeric rating scale (NRS), an integer 0–10. The highest pain during an
activity falls in one of three zones: safe (0–2), acceptable (3–5) or high risk (6–10)
(Thomeé R. A comprehensive treatment approach for patellofemoral pain syndrome in young
women. Phys Ther 1997;77:1690–1703). The rule as used with a 5/10 ceiling and a next-morning
check (Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J. Continued sports activity, using a
pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy.
Am J Sports Med 2007;35:897–906): during the activity pain stays within safe-to-acceptable,
and within 24 hours (by the next morning) it is back at the baseline measured before.

Refinements of the second clinical review (SPEC C1, turn 2):
- An activity that does not raise pain above the baseline is not provoking, whatever the
  zone: a patient whose resting pain is 7 and whose walk kept it at 6 is not told to do
  less (``provoking``); a baseline above the acceptable zone is a signal for the
  physiotherapist instead (``baseline_above_acceptable``).
- Pain right after the activity is held to the same ceiling as pain during (Silbernagel
  2007: pain after the activity is allowed to reach 5/10, like pain during).
- The 24-hour value is compared with the baseline of the activity's own entry (the pain
  the patient rated just before this activity: SPEC C1 "back at the baseline measured
  before the activity", Thomeé 1997), allowing a per-patient tolerance (default 0, the
  exact rule) that the physiotherapist sets when the patient's pain varies over the day
  (the value is asked at 07:00, the baseline may be an afternoon one): see
  ``back_to_baseline``.
- Morning pain rising week on week (Silbernagel 2007) is a signal for the physiotherapist
  (``morning_pain_rising``).

The programme's own cut-offs are not published, so the zone limits are configurable
(per clinic and per patient, with the tolerance per patient); ``DEFAULT_LIMITS`` are the
published ones with tolerance 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from statistics import fmean
from zoneinfo import ZoneInfo

NRS_MIN = 0
NRS_MAX = 10


class Zone(StrEnum):
    """Zone of the highest pain during an activity."""

    SAFE = "safe"  # NRS 0–2 by default
    ACCEPTABLE = "acceptable"  # NRS 3–5 by default
    HIGH_RISK = "high_risk"  # NRS 6–10 by default


class Advice(StrEnum):
    """What to do with the load of this activity next time."""

    REDUCE = "reduce"  # less duration, intensity or repetitions
    KEEP = "keep"  # same load
    INCREASE = "increase"  # increase gradually
    AWAIT_24H = "await_24h"  # the 24-hour value is needed first


# The largest 24-hour tolerance a physiotherapist may set: beyond two points a "return to
# baseline" would no longer say anything (this programme's bound, not a published one).
TOLERANCE_MAX = 2


@dataclass(frozen=True)
class ZoneLimits:
    """A patient's limits of the model: zone limits and the 24-hour tolerance, NRS integers.

    safe_max: 0–9; acceptable_max: safe_max+1 … 9. Anything above acceptable_max is
    high risk. follow_up_tolerance: 0–``TOLERANCE_MAX`` points the 24-hour value may lie
    above the baseline and still count as back (default 0: the published, exact rule).
    Raises ValueError when the limits are out of order or out of range.
    """

    safe_max: int = 2
    acceptable_max: int = 5
    follow_up_tolerance: int = 0

    def __post_init__(self) -> None:
        if not (NRS_MIN <= self.safe_max < self.acceptable_max < NRS_MAX):
            raise ValueError("zone limits must satisfy 0 <= safe_max < acceptable_max < 10")
        if (
            isinstance(self.follow_up_tolerance, bool)
            or not isinstance(self.follow_up_tolerance, int)
            or not 0 <= self.follow_up_tolerance <= TOLERANCE_MAX
        ):
            raise ValueError(f"the 24-hour tolerance must be an integer 0-{TOLERANCE_MAX}")

    def range_of(self, zone: Zone) -> tuple[int, int]:
        """The NRS values (lowest, highest; inclusive) of a zone under these limits."""
        if zone is Zone.SAFE:
            return NRS_MIN, self.safe_max
        if zone is Zone.ACCEPTABLE:
            return self.safe_max + 1, self.acceptable_max
        return self.acceptable_max + 1, NRS_MAX


DEFAULT_LIMITS = ZoneLimits()

# When the follow-up value is asked for: 24 hours after the activity ended, or the
# next morning if that comes first (Silbernagel 2007 checks pain the next morning).
NEXT_MORNING = time(7, 0)
FOLLOW_UP_AFTER = timedelta(hours=24)


def validate_nrs(value: object, name: str = "pain") -> int:
    """Return ``value`` as an NRS score, an integer 0–10.

    Raises ValueError when the value is missing (None or ""), not an integer (floats,
    strings and booleans are refused, even 4.0) or outside 0–10.
    """
    if value is None or value == "":
        raise ValueError(f"{name} is required")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an integer 0-10")
    if not NRS_MIN <= value <= NRS_MAX:
        raise ValueError(f"{name} must be an integer 0-10")
    return value


def zone_of(pain_during: int, limits: ZoneLimits = DEFAULT_LIMITS) -> Zone:
    """Zone of the highest pain during an activity.

    pain_during: NRS, integer 0–10. Raises ValueError outside that range.
    Source: Thomeé 1997 (zones); Silbernagel et al. 2007.
    """
    validate_nrs(pain_during, "pain during")
    if pain_during <= limits.safe_max:
        return Zone.SAFE
    if pain_during <= limits.acceptable_max:
        return Zone.ACCEPTABLE
    return Zone.HIGH_RISK


def back_to_baseline(baseline: int, at_24h: int | None, tolerance: int = 0) -> bool | None:
    """Is pain 24 hours after the activity back at (or below) the baseline before it?

    baseline: the NRS the patient rated just before *this* activity (its own entry's
    baseline); at_24h: NRS 24 hours later or the next morning (``follow_up_due_at``), None
    when not yet given → None; both integers 0–10. tolerance: points (0–``TOLERANCE_MAX``)
    the 24-hour value may lie above the baseline and still count as back, set per patient
    by the physiotherapist (``ZoneLimits.follow_up_tolerance``); 0 is the exact rule.
    Back when at_24h ≤ baseline + tolerance; lower than baseline counts as back.
    Like for like: the reference is the rating taken before the same activity, not another
    entry's rating or a day's mean, so a verdict never changes because another entry was
    logged or deleted; the time of day can differ (a 15:00 baseline against a 07:00 value),
    which is what the tolerance is for when a patient's pain is regularly higher in the
    morning. Raises ValueError on invalid NRS values or tolerance.
    Source: SPEC C1 ("back at the baseline measured before the activity"; refinement: a
    like-for-like baseline and a per-patient tolerance); Thomeé 1997; Silbernagel et al.
    2007 (the check the next morning).
    """
    validate_nrs(baseline, "baseline pain")
    if isinstance(tolerance, bool) or not isinstance(tolerance, int) or not (
        0 <= tolerance <= TOLERANCE_MAX
    ):
        raise ValueError(f"the 24-hour tolerance must be an integer 0-{TOLERANCE_MAX}")
    if at_24h is None:
        return None
    validate_nrs(at_24h, "pain at 24 hours")
    return at_24h <= baseline + tolerance


@dataclass(frozen=True)
class Session:
    """One logged activity, as the model needs it.

    baseline: NRS before the activity; during: highest NRS during it; at_24h: NRS 24 hours
    later (or the next morning), None while not given; after: NRS right after the
    activity, None when not known (then only pain during is held to the ceiling). All
    integers 0–10.
    """

    baseline: int
    during: int
    at_24h: int | None = None
    after: int | None = None

    def __post_init__(self) -> None:
        validate_nrs(self.baseline, "baseline pain")
        validate_nrs(self.during, "pain during")
        if self.at_24h is not None:
            validate_nrs(self.at_24h, "pain at 24 hours")
        if self.after is not None:
            validate_nrs(self.after, "pain right after")


def provokes(baseline: int, pain: int, limits: ZoneLimits = DEFAULT_LIMITS) -> bool:
    """Did this pain (during, or right after) rise above the baseline into the high-risk zone?

    baseline, pain: NRS integers 0–10. True when pain > limits.acceptable_max (the 5/10
    ceiling by default) and pain > baseline. A pain in the high-risk zone that is not above
    the baseline (resting pain 7, pain during a walk 6) does not provoke: the activity did
    not make the pain worse. Raises ValueError on invalid NRS values.
    Source: ceiling: Thomeé 1997, Silbernagel et al. 2007; "not above the baseline is not
    provoking": SPEC C1 refinement (second clinical review).
    """
    validate_nrs(baseline, "baseline pain")
    return zone_of(pain, limits) is Zone.HIGH_RISK and pain > baseline


def provoking(session: Session, limits: ZoneLimits = DEFAULT_LIMITS) -> bool:
    """Did the activity provoke pain: during it, or right after it (``provokes``)?

    Pain right after is held to the same ceiling as pain during (Silbernagel et al. 2007);
    when it is not known (None) only pain during is judged. Both must rise above the
    baseline to count (SPEC C1 refinement).
    """
    return provokes(session.baseline, session.during, limits) or (
        session.after is not None and provokes(session.baseline, session.after, limits)
    )


def within_limits(session: Session, limits: ZoneLimits = DEFAULT_LIMITS) -> bool:
    """True when the activity did not provoke pain (``provoking``: during and right after
    not raised above the baseline into the high-risk zone) and pain was back at baseline
    within 24 h (``back_to_baseline`` with the patient's tolerance).

    A session whose 24-hour value is not yet known is not (yet) within limits.
    """
    return not provoking(session, limits) and (
        back_to_baseline(session.baseline, session.at_24h, limits.follow_up_tolerance) is True
    )


# How many sessions in a row, this one included, must be within limits before the
# load is increased. The programme's rule: this session and the two before it (SPEC C1).
SESSIONS_BEFORE_INCREASE = 3


@dataclass(frozen=True)
class Assessment:
    """Result of the pain-monitoring model for one session.

    zone: the zone of pain during (shown as it is, even when not provoking). back_to_baseline:
    the 24-hour rule, None while the value is missing. advice: what to do next time.
    provoked_during / provoked_after: pain during / right after rose above the baseline
    into the high-risk zone (``provokes``); the advice is "reduce" when either is True.
    """

    zone: Zone
    back_to_baseline: bool | None
    advice: Advice
    provoked_during: bool = False
    provoked_after: bool = False

    @property
    def provoking(self) -> bool:
        """The activity provoked pain (during or right after)."""
        return self.provoked_during or self.provoked_after


def assess(
    session: Session,
    previous_same_activity: Sequence[Session] = (),
    limits: ZoneLimits = DEFAULT_LIMITS,
) -> Assessment:
    """Zone, 24-hour result and advice for a session (SPEC C1 with its refinements).

    session: the session to judge. previous_same_activity: earlier sessions of the same
    activity, most recent first (only the first two are looked at). limits: the patient's
    zone limits and 24-hour tolerance.
    Advice: pain during or right after raised above the baseline into the high-risk zone
    (``provoking``), or not back to baseline at 24 h (with the tolerance) → reduce; 24-h
    value not yet given → await_24h (provoked pain is known at once: reduce); within limits,
    and the two sessions before of the same activity within limits too → increase; else
    keep. An activity that does not raise pain above the baseline is within limits whatever
    the zone (resting pain 7, during 6, next morning 7 → keep).
    Raises ValueError on invalid NRS values.
    Source: Thomeé 1997; Silbernagel et al. 2007 (pain after held to the ceiling); the
    programme's progression rule and the refinements of the second clinical review (SPEC C1).
    """
    zone = zone_of(session.during, limits)
    during = provokes(session.baseline, session.during, limits)
    after = session.after is not None and provokes(session.baseline, session.after, limits)
    back = back_to_baseline(session.baseline, session.at_24h, limits.follow_up_tolerance)
    if during or after or back is False:
        advice = Advice.REDUCE
    elif back is None:
        advice = Advice.AWAIT_24H
    else:
        window = list(previous_same_activity[: SESSIONS_BEFORE_INCREASE - 1])
        if len(window) == SESSIONS_BEFORE_INCREASE - 1 and all(
            within_limits(s, limits) for s in window
        ):
            advice = Advice.INCREASE
        else:
            advice = Advice.KEEP
    return Assessment(
        zone=zone, back_to_baseline=back, advice=advice, provoked_during=during,
        provoked_after=after,
    )


def follow_up_due_at(activity_end: datetime, tz: ZoneInfo) -> datetime:
    """When to ask for the 24-hour value: 24 h after the activity or the next morning.

    activity_end: an aware datetime (any zone). tz: the patient's time zone, in which
    "the next morning" (07:00 on the following calendar day) is meant. Returns an aware
    datetime in ``tz``: the earlier of activity_end + 24 h (elapsed time) and the next
    morning, computed with zoneinfo so that daylight-saving days are right.
    Raises ValueError for a naive datetime.
    Source: Silbernagel et al. 2007 (pain the next morning); SPEC C1 (within 24 hours).
    """
    if activity_end.tzinfo is None or activity_end.utcoffset() is None:
        raise ValueError("activity_end must be timezone-aware")
    local_end = activity_end.astimezone(tz)
    next_morning = datetime.combine(
        local_end.date() + timedelta(days=1), NEXT_MORNING, tzinfo=tz
    )
    # Elapsed time: add in UTC (aware arithmetic within one zone is wall-clock time).
    after_24h = (activity_end.astimezone(UTC) + FOLLOW_UP_AFTER).astimezone(tz)
    return min(next_morning, after_24h)


def baseline_above_acceptable(baseline: int, limits: ZoneLimits = DEFAULT_LIMITS) -> bool:
    """Is the pain before an activity already above the acceptable zone (high risk)?

    baseline: NRS before the activity, integer 0–10; limits: the patient's zone limits.
    True when baseline > limits.acceptable_max (6 or more with the published limits).
    Such a patient is not told to do less of an activity that does not raise their pain
    (see ``provoking``): a high resting pain is a signal for the physiotherapist instead
    (SPEC C1 refinement, turn 2). Raises ValueError on an invalid NRS value.
    Source: SPEC C1 refinement (second clinical review); zones: Thomeé 1997.
    """
    validate_nrs(baseline, "baseline pain")
    return baseline > limits.acceptable_max


# "Pain and stiffness not increasing from week to week" (Silbernagel et al. 2007). The size
# of a rise worth a signal and the ratings a week needs are this programme's choices (not
# published): one whole NRS point, so that the rounding noise of means is not a rise, and
# three mornings a week, so that one bad morning is not a week.
MORNING_RISE_MIN = 1.0
MORNINGS_PER_WEEK_MIN = 3
MORNING_WINDOW_DAYS = 7


def weekly_morning_means(
    mornings: Iterable[tuple[date, int]], today: date, weeks: int = 2
) -> list[float | None]:
    """Mean morning pain of the last ``weeks`` 7-day windows ending ``today``, oldest first.

    mornings: (local date, NRS 0–10) pairs of pain rated in the morning (in the diary: the
    24-hour values, asked at 07:00 the next morning, ``follow_up_due_at``), several a day
    allowed: each day counts once, as the mean of its ratings. today: the local date the
    last window ends on (inclusive). weeks ≥ 2. A window with fewer than
    ``MORNINGS_PER_WEEK_MIN`` days rated gives None (too few to judge).
    Raises ValueError for an invalid rating or weeks < 2.
    Source: Silbernagel et al. 2007 (week-to-week rule); window sizes: this programme's.
    """
    if weeks < 2:
        raise ValueError("weeks must be at least 2")
    by_day: dict[date, list[int]] = {}
    for day, pain in mornings:
        by_day.setdefault(day, []).append(validate_nrs(pain, "morning pain"))
    out: list[float | None] = []
    for back in range(weeks - 1, -1, -1):
        end = today - timedelta(days=back * MORNING_WINDOW_DAYS)
        start = end - timedelta(days=MORNING_WINDOW_DAYS - 1)
        days = [fmean(v) for d, v in by_day.items() if start <= d <= end]
        out.append(fmean(days) if len(days) >= MORNINGS_PER_WEEK_MIN else None)
    return out


def morning_pain_rising(
    weekly_morning_means: Sequence[float | None], min_rise: float = MORNING_RISE_MIN
) -> bool:
    """Is morning pain rising week on week? A signal for the physiotherapist (SPEC C1).

    weekly_morning_means: mean morning NRS (0–10) of consecutive 7-day windows, oldest
    first (``weekly_morning_means``); None for a window with too few ratings. True when the
    most recent week's mean is at least ``min_rise`` (default one NRS point) above the week
    before's; False when either of the two is None or there are fewer than two weeks.
    Raises ValueError for a mean outside 0–10 or a min_rise ≤ 0.
    Source: Silbernagel et al. 2007 (pain and stiffness not allowed to increase from week to
    week); the one-point size of a rise is this programme's choice.
    """
    if min_rise <= 0:
        raise ValueError("min_rise must be positive")
    for mean in weekly_morning_means:
        if mean is not None and not NRS_MIN <= mean <= NRS_MAX:
            raise ValueError("mean pain must be within 0-10")
    if len(weekly_morning_means) < 2:
        return False
    before, last = weekly_morning_means[-2], weekly_morning_means[-1]
    if before is None or last is None:
        return False
    # Means of whole NRS values: rounding away float noise keeps 4.1 - 3.1 a full point.
    return round(last - before, 9) >= min_rise
