"""Which of a physiotherapist's patients need attention, and why (SPEC T5, C7).

The dashboard shows a physiotherapist the patients whose own records say that someone
should look (SPEC T5). Each reason is a rule on plain values, below, and each rule asks the
module that owns the clinical question rather than answering it again: zones and the 24-hour
rule come from ``pain_monitoring`` (SPEC C1), the course of the episode from ``course``
(SPEC C5), the follow-up schedule from ``instruments.schedule`` (SPEC P8) and the urgency of a
red-flag answer from ``red_flags`` (SPEC C2). The kinds, in order of priority:

1. ``RED_FLAG`` — a red-flag check sent in the current episode whose outcome is not
   self-care (SPEC C2: the outcome prompts contact with care), not yet reviewed.
2. ``NEGATIVE_EMOTIONS`` — the latest balance check-in of the episode rates negative
   emotions very high (``balance.very_high_negative_emotions``: 8–10 of 10; SPEC C3, T5).
   Second because it is about the person, not the back: the patient is pointed to their
   health centre and 1177, and the physiotherapist should know at once.
3. ``LOAD`` — twice or more (``LOAD_SIGNALS_NEEDED``) within ``LOAD_WINDOW`` = 7 days an
   activity that provoked pain (during it or right after it, raised above the baseline
   into the high-risk zone: ``pain_monitoring.provoking``, as the diary judges it), or not
   back to baseline 24 hours after it (with the patient's tolerance) (SPEC T5
   "repeatedly"; zones: Thomeé 1997; the next-morning rule: Silbernagel et al. 2007;
   SPEC C1 refinements of the second review). A 24-hour value not yet given says nothing
   about the 24-hour rule, so such an entry counts only when it provoked pain (known at
   once, SPEC C1).
4. ``HIGH_BASELINE`` — within ``LOAD_WINDOW`` an activity began with pain above the
   acceptable zone (SPEC C1 refinement: a baseline above the acceptable zone is a signal
   for the physiotherapist; ``pain_monitoring.baseline_above_acceptable`` with the
   patient's limits). Once is enough: the patient's resting pain is already beyond what the model
   accepts during activity, whatever the advice for the activity says.
5. ``MORNING_PAIN_RISING`` — the next-morning pain is rising week on week (SPEC C1;
   Silbernagel et al. 2007: pain and stiffness in the morning should not increase from
   week to week): the mean of the last 7 days' morning values is at least
   ``pain_monitoring.MORNING_RISE_MIN`` = 1 point higher than the mean of the 7 days
   before, each week with at least ``MORNING_MIN_DAYS`` = 3 days with a value.
6. ``NOT_SETTLING`` — SPEC C5 (``course.judge`` on ``course.week_means`` of the daily mean
   pain before activity): from day 14, the last 7 days' mean is not lower than the first
   7 days', with enough days rated in both and more than a little pain (``course``).
7. ``OVERDUE`` — a scheduled questionnaire not sent ``GRACE_DAYS`` = 7 days after its due
   date while its window is still open (after the window closes it is missed and no longer
   answerable: the physiotherapist assigns a new one if needed), or an assigned
   questionnaire not sent 7 days after its date.
8. ``SILENT`` — nothing logged in the diary for ``SILENT_DAYS`` = 7 days, since the last
   entry, or since the episode began when nothing was ever logged.

Only an open episode that has begun has signals. The thresholds of T5 ("repeatedly", "a
week") are this programme's choices, stated here as named constants: the programme's own
cut-offs are not published (SPEC C1), and the 7-day grace period leaves the patient a week,
as the reminders do, before the physiotherapist is asked to act.

A rule returns a plain-value signal: its kind, ``since`` (when it began; orders the list,
oldest first), ``latest`` (the newest evidence it rests on; a review at or after it hides
it) and the figures a sentence needs. Sentences are the interface's business.

Review (SPEC C7). "Mark as reviewed" at an instant hides a signal while its newest evidence
is not later than the review. Newest evidence: the newest unreviewed red-flag check (a
reviewed check is never counted again); the newest time a counted entry was logged or its
24-hour value given (for a high baseline: the newest such entry logged); the latest
check-in for negative emotions; for questionnaires the day the newest one became overdue;
for states that go on (morning pain rising, not settling, silence) the start of the current
week of it, so a review hides them for a week, after which they show again if still true.

Order (SPEC C7). Severity first: an emergency red-flag answer before everything, then the
other red-flag outcomes in the order of ``red_flags.PRECEDENCE``; then the kind's priority;
then the oldest signal; then the name. Patients with nothing shown come after, by name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import IntEnum
from typing import ClassVar, NamedTuple

from battrerygg.clinical import balance, course, pain_monitoring
from battrerygg.clinical.instruments import schedule
from battrerygg.clinical.pain_monitoring import (
    DEFAULT_LIMITS,
    Session,
    ZoneLimits,
    back_to_baseline,
    baseline_above_acceptable,
    provoking,
)
from battrerygg.clinical.red_flags import PRECEDENCE, Outcome

# The programme's thresholds (its own cut-offs are not published, SPEC C1; see above).
LOAD_WINDOW = timedelta(days=7)  # SPEC T5 "repeatedly": counted over the last week
LOAD_SIGNALS_NEEDED = 2  # SPEC T5 "repeatedly": twice within LOAD_WINDOW
GRACE_DAYS = 7  # SPEC T5 "overdue": the patient has a week (reminders repeat weekly)
SILENT_DAYS = 7  # SPEC T5 "no activity logged for a week"
# Morning pain rising (Silbernagel 2007's weekly rule): the thresholds are the
# pain-monitoring model's (``pain_monitoring.MORNINGS_PER_WEEK_MIN``, ``MORNING_RISE_MIN``).
MORNING_MIN_DAYS = pain_monitoring.MORNINGS_PER_WEEK_MIN


class Kind(IntEnum):
    """A reason for attention; the value is its priority (1 = most urgent)."""

    RED_FLAG = 1
    NEGATIVE_EMOTIONS = 2
    LOAD = 3
    HIGH_BASELINE = 4
    MORNING_PAIN_RISING = 5
    NOT_SETTLING = 6
    OVERDUE = 7
    SILENT = 8


# ---------------------------------------------------------------------------------------
# Inputs: plain values


@dataclass(frozen=True)
class OpenEpisode:
    """A patient's open episode seen at one instant.

    start: the local date the episode began (day 1). now: the instant of judging, aware.
    tz: the patient's time zone, in which dates are meant. Raises ValueError for a naive now.
    """

    start: date
    now: datetime
    tz: tzinfo

    def __post_init__(self) -> None:
        if self.now.tzinfo is None or self.now.utcoffset() is None:
            raise ValueError("now must be timezone-aware")

    @property
    def today(self) -> date:
        """The patient's local date at ``now``."""
        return self.now.astimezone(self.tz).date()

    @property
    def day(self) -> int:
        """Day of the episode at ``now`` (the start date is day 1; ≤ 0 before it)."""
        return (self.today - self.start).days + 1

    @property
    def begun(self) -> bool:
        """True from the start date on (an episode planned for later has no signals)."""
        return self.today >= self.start


@dataclass(frozen=True)
class RedFlagAnswer:
    """One red-flag check: when it was sent (aware) and its outcome (SPEC C2)."""

    at: datetime
    outcome: Outcome


class DiaryEntry(NamedTuple):
    """One diary entry of an activity (a NamedTuple: a page builds thousands; immutable).

    started_at: when the activity began; logged_at: when it was entered (aware instants).
    pain_baseline, pain_during: NRS 0–10 before and during the activity. pain_24h: NRS 0–10
    24 hours later (or the next morning), None while not given; pain_24h_at: when it was
    given. pain_after: NRS 0–10 right after the activity, None when not given. Invalid NRS
    values raise ValueError in the rules (pain_monitoring).
    times: how many entries this stands for (≥ 1). An adapter may give entries with the
    same pains as one, so that the rules' work does not grow with the number of entries:
    started_at is then the earliest start, logged_at and pain_24h_at the latest.
    """

    started_at: datetime
    logged_at: datetime
    pain_baseline: int
    pain_during: int
    pain_24h: int | None = None
    pain_24h_at: datetime | None = None
    times: int = 1
    pain_after: int | None = None


class DailyPain(NamedTuple):
    """The mean pain before activity (NRS 0–10) of one local day's diary entries (a
    NamedTuple, like ``DiaryEntry``)."""

    day: date
    mean: float


@dataclass(frozen=True)
class CheckIn:
    """A balance check-in (SPEC C3): when it was sent (aware), its local date, and its
    rating of negative emotions (integer 0–10)."""

    at: datetime
    day: date
    negative_emotions: int


@dataclass(frozen=True)
class AssignedQuestionnaire:
    """A questionnaire the physiotherapist assigned from ``due`` (a local date); sent:
    True once the patient sent it."""

    instrument: str
    due: date
    sent: bool = False


@dataclass(frozen=True)
class Evidence:
    """Everything the rules look at for one patient with an open episode.

    limits: the zone limits in force for the patient (SPEC C1). red_flag_checks: the
    patient's checks (any outcome; those before the episode are ignored). entries: diary
    entries, at least those started within ``LOAD_WINDOW`` before ``episode.now`` (older
    ones are ignored). daily_pain: daily means covering at least the two C5 weeks (others
    ignored; one value a day, a repeated day keeps the last). sent: (instrument, timepoint)
    of the scheduled questionnaires sent in this episode, timepoint a
    ``schedule.Timepoint`` value. assigned: this episode's assigned questionnaires.
    last_logged: when the newest diary entry started, None if never. reviewed_at: the
    physiotherapist's latest review not undone, None if none. morning_pain: the daily mean
    of the next-morning (24-hour) pain by the activity's local date, covering at least the
    last 14 days (others ignored). latest_checkin: the patient's latest balance check-in,
    None if none (one before the episode is ignored).
    """

    episode: OpenEpisode
    limits: ZoneLimits = DEFAULT_LIMITS
    red_flag_checks: tuple[RedFlagAnswer, ...] = ()
    entries: tuple[DiaryEntry, ...] = ()
    daily_pain: tuple[DailyPain, ...] = ()
    sent: frozenset[tuple[str, str]] = frozenset()
    assigned: tuple[AssignedQuestionnaire, ...] = ()
    last_logged: datetime | None = None
    reviewed_at: datetime | None = None
    morning_pain: tuple[DailyPain, ...] = ()
    latest_checkin: CheckIn | None = None


# ---------------------------------------------------------------------------------------
# Outputs: signals with their figures


@dataclass(frozen=True)
class Signal:
    """A reason for attention. since: when it began (aware); latest: its newest evidence."""

    kind: ClassVar[Kind]
    since: datetime
    latest: datetime


@dataclass(frozen=True)
class RedFlagSignal(Signal):
    """checks: unreviewed checks in the episode that were not self-care (≥ 1);
    most_urgent: the most urgent of their outcomes. since/latest: the first and newest."""

    kind: ClassVar[Kind] = Kind.RED_FLAG
    checks: int
    most_urgent: Outcome


@dataclass(frozen=True)
class LoadSignal(Signal):
    """entries: entries counted (≥ ``LOAD_SIGNALS_NEEDED``); high_risk: of those, in the
    high-risk zone; not_back: of those, not back to baseline at 24 h (an entry may be both).
    since: the first counted entry's start; latest: the newest logging or 24-h value."""

    kind: ClassVar[Kind] = Kind.LOAD
    entries: int
    high_risk: int
    not_back: int


@dataclass(frozen=True)
class NegativeEmotionsSignal(Signal):
    """rating: negative emotions in the latest check-in (≥ 8); day: its local date.
    since, latest: when it was sent."""

    kind: ClassVar[Kind] = Kind.NEGATIVE_EMOTIONS
    rating: int
    day: date


@dataclass(frozen=True)
class HighBaselineSignal(Signal):
    """entries: entries of the last 7 days that began above the acceptable zone (≥ 1);
    highest: the highest such baseline (NRS); acceptable_max: the top of the patient's
    acceptable zone. since: the first such entry's start; latest: the newest logging."""

    kind: ClassVar[Kind] = Kind.HIGH_BASELINE
    entries: int
    highest: int
    acceptable_max: int


@dataclass(frozen=True)
class MorningPainSignal(Signal):
    """previous_mean, this_mean: mean next-morning pain (NRS) of the 7 days before and of
    the last 7 days (the second at least a point higher); previous_days, this_days: days
    with a value (≥ ``MORNING_MIN_DAYS``). since, latest: the start of the last 7 days."""

    kind: ClassVar[Kind] = Kind.MORNING_PAIN_RISING
    previous_mean: float
    this_mean: float
    previous_days: int
    this_days: int


@dataclass(frozen=True)
class NotSettlingSignal(Signal):
    """episode_day: day of the episode (≥ 14); first_week_mean, last_week_mean: NRS means
    (the last not lower). since: the start of day 14; latest: the start of the last week."""

    kind: ClassVar[Kind] = Kind.NOT_SETTLING
    episode_day: int
    first_week_mean: float
    last_week_mean: float


@dataclass(frozen=True)
class LateQuestionnaire:
    """A questionnaire not sent in time: instrument id, timepoint (a ``schedule.Timepoint``),
    and the local date it was due."""

    instrument: str
    timepoint: schedule.Timepoint
    due: date


@dataclass(frozen=True)
class OverdueSignal(Signal):
    """late: the overdue questionnaires, earliest due first (≥ 1). since/latest: the start
    of the day the first and the newest became overdue (due + ``GRACE_DAYS`` + 1 day)."""

    kind: ClassVar[Kind] = Kind.OVERDUE
    late: tuple[LateQuestionnaire, ...]


@dataclass(frozen=True)
class SilentSignal(Signal):
    """days: whole days without an entry (≥ ``SILENT_DAYS``); last_logged: the last entry's
    start, None when nothing was ever logged (counted from the episode's start). since: 7
    days after the last entry; latest: the start of the current week of silence."""

    kind: ClassVar[Kind] = Kind.SILENT
    days: int
    last_logged: datetime | None


# ---------------------------------------------------------------------------------------
# The rules


def start_of_day(day: date, tz: tzinfo) -> datetime:
    """Midnight at the start of local ``day`` in ``tz``, as an aware UTC instant."""
    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(UTC)


def red_flag(
    checks: Iterable[RedFlagAnswer], episode: OpenEpisode, reviewed_at: datetime | None = None
) -> RedFlagSignal | None:
    """Reason 1: red-flag answers that need care (SPEC C2, T5).

    Counts the checks sent on or after the episode's start date (local) whose outcome is
    not self-care and that were sent after ``reviewed_at`` (a reviewed check is never
    counted again). None when there is none. The most urgent outcome follows
    ``red_flags.PRECEDENCE`` (emergency first).
    """
    counted = sorted(
        (c for c in checks
         if c.outcome != Outcome.SELF_CARE
         and c.at.astimezone(episode.tz).date() >= episode.start
         and (reviewed_at is None or c.at > reviewed_at)),
        key=lambda c: c.at,
    )
    if not counted:
        return None
    worst = min((c.outcome for c in counted), key=PRECEDENCE.index)
    return RedFlagSignal(since=counted[0].at, latest=counted[-1].at, checks=len(counted),
                         most_urgent=worst)


def load(
    entries: Iterable[DiaryEntry], now: datetime, limits: ZoneLimits = DEFAULT_LIMITS
) -> LoadSignal | None:
    """Reason 3: pain provoked or not back to baseline, ``LOAD_SIGNALS_NEEDED`` times or
    more among the entries started in ``(now - LOAD_WINDOW, now]`` (an entry counts
    ``times`` times).

    Each entry is judged as the diary judges it: ``pain_monitoring.provoking`` with
    ``limits`` (pain during or right after raised above the baseline into the high-risk
    zone; a high resting pain that the activity did not raise is not counted, SPEC C1
    refinement) and ``pain_monitoring.back_to_baseline`` with ``limits.follow_up_tolerance``
    (a missing 24-hour value is neither back nor not back). Returns None below the
    threshold. Source: SPEC T5, C1 (Thomeé 1997; Silbernagel et al. 2007).
    """
    high = not_back = 0
    counted: list[DiaryEntry] = []
    for entry in entries:
        if not now - LOAD_WINDOW < entry.started_at <= now:
            continue
        is_high = provoking(Session(baseline=entry.pain_baseline, during=entry.pain_during,
                                    after=entry.pain_after), limits)
        is_not_back = back_to_baseline(entry.pain_baseline, entry.pain_24h,
                                       limits.follow_up_tolerance) is False
        if is_high or is_not_back:
            high += is_high * entry.times
            not_back += is_not_back * entry.times
            counted.append(entry)
    total = sum(e.times for e in counted)
    if total < LOAD_SIGNALS_NEEDED:
        return None
    latest = max(max(e.logged_at, e.pain_24h_at or e.logged_at) for e in counted)
    return LoadSignal(since=min(e.started_at for e in counted), latest=latest, entries=total,
                      high_risk=high, not_back=not_back)


def negative_emotions(
    episode: OpenEpisode, latest_checkin: CheckIn | None
) -> NegativeEmotionsSignal | None:
    """Reason 2: the latest balance check-in rates negative emotions very high.

    Only a check-in on or after the episode's start date counts; the threshold is
    ``balance.very_high_negative_emotions`` (8–10 of 10, derivation there; SPEC C3, T5).
    Raises ValueError for an invalid rating.
    """
    if latest_checkin is None or latest_checkin.day < episode.start:
        return None
    if not balance.very_high_negative_emotions(latest_checkin.negative_emotions):
        return None
    return NegativeEmotionsSignal(since=latest_checkin.at, latest=latest_checkin.at,
                                  rating=latest_checkin.negative_emotions,
                                  day=latest_checkin.day)


def high_baseline(
    entries: Iterable[DiaryEntry], now: datetime, limits: ZoneLimits = DEFAULT_LIMITS
) -> HighBaselineSignal | None:
    """Reason 4: an activity of the last ``LOAD_WINDOW`` began with pain above the
    acceptable zone (``pain_monitoring.baseline_above_acceptable`` with ``limits``; an
    entry counts ``times`` times). SPEC C1 refinement: a baseline above the
    acceptable zone is a signal for the physiotherapist (zones: Thomeé 1997). None when
    there is none. Raises ValueError for an invalid NRS value.
    """
    counted = [e for e in entries
               if now - LOAD_WINDOW < e.started_at <= now
               and baseline_above_acceptable(e.pain_baseline, limits)]
    if not counted:
        return None
    return HighBaselineSignal(
        since=min(e.started_at for e in counted), latest=max(e.logged_at for e in counted),
        entries=sum(e.times for e in counted), highest=max(e.pain_baseline for e in counted),
        acceptable_max=limits.acceptable_max)


def morning_pain_rising(
    episode: OpenEpisode, morning_pain: Iterable[DailyPain]
) -> MorningPainSignal | None:
    """Reason 5: the next-morning pain is rising week on week (Silbernagel et al. 2007:
    pain and stiffness in the morning should not increase from week to week; SPEC C1).

    morning_pain: the day's mean next-morning (24-hour) pain, by the activity's local date,
    one value a day (a repeated day keeps the last). Compares the mean of the last 7 days
    (today and the 6 before) with the mean of the 7 days before them, days of the episode
    only; None unless both weeks have at least ``MORNING_MIN_DAYS`` days with a value and
    ``pain_monitoring.morning_pain_rising`` finds the last week's mean at least
    ``pain_monitoring.MORNING_RISE_MIN`` (one NRS point) higher. Raises ValueError for a
    mean outside 0–10.
    """
    today = episode.today
    this_start = today - timedelta(days=course.WINDOW_DAYS - 1)
    previous_start = this_start - timedelta(days=course.WINDOW_DAYS)
    by_day = {d.day: d.mean for d in morning_pain if d.day >= episode.start}
    for mean in by_day.values():
        if not 0 <= mean <= 10:
            raise ValueError("mean pain must be within 0-10")
    this = [m for day, m in by_day.items() if this_start <= day <= today]
    previous = [m for day, m in by_day.items() if previous_start <= day < this_start]
    if min(len(this), len(previous)) < MORNING_MIN_DAYS:
        return None
    this_mean, previous_mean = sum(this) / len(this), sum(previous) / len(previous)
    if not pain_monitoring.morning_pain_rising([previous_mean, this_mean]):
        return None
    week = start_of_day(this_start, episode.tz)
    return MorningPainSignal(since=week, latest=week, previous_mean=previous_mean,
                             this_mean=this_mean, previous_days=len(previous),
                             this_days=len(this))


def not_settling(episode: OpenEpisode, daily_pain: Iterable[DailyPain]) -> NotSettlingSignal | None:
    """Reason 6: the episode is not settling (SPEC C5).

    daily_pain: the day's mean pain before activity, one value a day (``course``: each day
    counts once). Returns None when ``course.judge`` of ``course.week_means`` finds nothing
    (settling, too early, too few days rated, little pain, or nothing to compare).
    """
    found = course.judge(episode.day, course.week_means(
        episode.start, episode.today, {d.day: d.mean for d in daily_pain}))
    if found is None:
        return None
    first_judged = episode.start + timedelta(days=course.JUDGE_FROM_DAY - 1)
    last_week = episode.today - timedelta(days=course.WINDOW_DAYS - 1)
    return NotSettlingSignal(
        since=start_of_day(first_judged, episode.tz),
        latest=start_of_day(last_week, episode.tz),
        episode_day=found.episode_day, first_week_mean=found.first_week_mean,
        last_week_mean=found.last_week_mean,
    )


def overdue(
    episode: OpenEpisode,
    sent: Collection[tuple[str, str]],
    assigned: Iterable[AssignedQuestionnaire] = (),
) -> OverdueSignal | None:
    """Reason 7: questionnaires not sent ``GRACE_DAYS`` after their due date.

    Scheduled ones (``schedule.plan`` of the episode) count from the day after due + grace
    up to the day their window closes, unless (instrument, timepoint) is in ``sent``;
    assigned ones count from the day after due + grace until sent. None when none is late.
    """
    grace = timedelta(days=GRACE_DAYS)
    today = episode.today
    late = [
        LateQuestionnaire(slot.instrument, slot.timepoint, slot.due)
        for slot in schedule.plan(episode.start)
        if slot.due + grace < today <= slot.closes
        and (slot.instrument, slot.timepoint.value) not in sent
    ]
    late += [
        LateQuestionnaire(a.instrument, schedule.Timepoint.ASSIGNED, a.due)
        for a in assigned if not a.sent and a.due + grace < today
    ]
    if not late:
        return None
    late.sort(key=lambda item: item.due)
    became = [start_of_day(item.due + grace + timedelta(days=1), episode.tz) for item in late]
    return OverdueSignal(since=min(became), latest=max(became), late=tuple(late))


def silent(episode: OpenEpisode, last_logged: datetime | None) -> SilentSignal | None:
    """Reason 8: nothing logged for ``SILENT_DAYS`` days or more.

    Counted from ``last_logged`` (the last entry's start), or from the start of the
    episode's first day when nothing was ever logged. Exactly 7 days counts.
    """
    began = last_logged if last_logged is not None else start_of_day(episode.start, episode.tz)
    quiet_for = episode.now - began
    week = timedelta(days=SILENT_DAYS)
    if quiet_for < week:
        return None
    return SilentSignal(since=began + week, latest=began + (quiet_for // week) * week,
                        days=quiet_for.days, last_logged=last_logged)


def signals(evidence: Evidence) -> list[Signal]:
    """Every reason for attention of one patient, by kind (shown and reviewed alike).

    Empty when the episode has not begun. Red-flag checks at or before
    ``evidence.reviewed_at`` are not counted (see ``red_flag``); the other signals are
    judged by ``review``.
    """
    episode = evidence.episode
    if not episode.begun:
        return []
    found: list[Signal | None] = [
        red_flag(evidence.red_flag_checks, episode, evidence.reviewed_at),
        negative_emotions(episode, evidence.latest_checkin),
        load(evidence.entries, episode.now, evidence.limits),
        high_baseline(evidence.entries, episode.now, evidence.limits),
        morning_pain_rising(episode, evidence.morning_pain),
        not_settling(episode, evidence.daily_pain),
        overdue(episode, evidence.sent, evidence.assigned),
        silent(episode, evidence.last_logged),
    ]
    return sorted((s for s in found if s is not None), key=lambda s: s.kind)


# ---------------------------------------------------------------------------------------
# Review and order (SPEC C7)


def hidden_by(signal: Signal, reviewed_at: datetime | None) -> bool:
    """True when a review at ``reviewed_at`` hides ``signal``: its newest evidence is not
    later than the review (evidence at the same instant is hidden). No review hides nothing."""
    return reviewed_at is not None and signal.latest <= reviewed_at


def review(
    found: Iterable[Signal], reviewed_at: datetime | None
) -> tuple[list[Signal], list[Signal]]:
    """(shown, hidden) of ``found`` under the latest review, each by kind (``hidden_by``)."""
    ordered = sorted(found, key=lambda s: s.kind)
    return ([s for s in ordered if not hidden_by(s, reviewed_at)],
            [s for s in ordered if hidden_by(s, reviewed_at)])


def severity(signal: Signal) -> int:
    """0 = most severe. A red flag ranks by its most urgent outcome in
    ``red_flags.PRECEDENCE`` (emergency 0, seek care today 1, seek care soon 2, contact the
    physiotherapist 3);
    every other signal comes after every red flag (``len(PRECEDENCE)``)."""
    if isinstance(signal, RedFlagSignal):
        return PRECEDENCE.index(signal.most_urgent)
    return len(PRECEDENCE)


_NO_SIGNAL = datetime.min.replace(tzinfo=UTC)


def order_key(shown: Sequence[Signal], name: str) -> tuple[int, int, int, datetime, str]:
    """Sort key of a patient on the dashboard (SPEC C7), ascending = first.

    shown: the patient's signals not hidden by a review; name: the patient's name (compared
    without case). Patients with signals come first, by their most urgent signal: severity,
    then kind priority, then the oldest (``since``), then the name; the others after, by
    name. Callers add their own last tie-breaker (e.g. a database id).
    """
    if not shown:
        return (1, 0, 0, _NO_SIGNAL, name.casefold())
    top = min(shown, key=lambda s: (severity(s), s.kind))
    return (0, severity(top), top.kind, top.since, name.casefold())
