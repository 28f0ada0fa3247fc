"""SPEC T5, C7: the dashboard's attention rules on plain values, with right answers.

Kinds, counts, since/latest, means, what a review hides and the order of patients; the
sentences are the interface's (tests/clinic/test_dashboard_*.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from battrerygg.clinical import attention
from battrerygg.clinical.attention import (
    AssignedQuestionnaire,
    DailyPain,
    DiaryEntry,
    Evidence,
    Kind,
    LateQuestionnaire,
    LoadSignal,
    NotSettlingSignal,
    OpenEpisode,
    OverdueSignal,
    RedFlagAnswer,
    RedFlagSignal,
    SilentSignal,
)
from battrerygg.clinical.instruments.schedule import Timepoint
from battrerygg.clinical.pain_monitoring import ZoneLimits
from battrerygg.clinical.red_flags import Outcome

TZ = ZoneInfo("Europe/Stockholm")
START = date(2026, 3, 9)  # day 1
NOW = datetime(2026, 3, 30, 10, 0, tzinfo=UTC)  # day 22 (12:00 in Stockholm, summer time)
EPISODE = OpenEpisode(START, NOW, TZ)
MINUTE = timedelta(minutes=1)


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=TZ).astimezone(UTC)


def entry(started: datetime, *, baseline: int = 3, during: int = 4, at_24h: int | None = None,
          logged: datetime | None = None) -> DiaryEntry:
    """An entry logged an hour after it started; a 24-hour value given a day after."""
    return DiaryEntry(started, logged or started + timedelta(hours=1), baseline, during, at_24h,
                      started + timedelta(days=1) if at_24h is not None else None)


# --- the episode ------------------------------------------------------------------------

def test_the_episode_day_and_today_are_the_patients_local_ones():
    late_evening = OpenEpisode(START, datetime(2026, 3, 9, 23, 30, tzinfo=UTC), TZ)
    assert (late_evening.today, late_evening.day) == (date(2026, 3, 10), 2)
    assert (EPISODE.today, EPISODE.day, EPISODE.begun) == (date(2026, 3, 30), 22, True)
    assert OpenEpisode(START, midnight(START) - MINUTE, TZ).begun is False


def test_a_naive_now_is_refused():
    with pytest.raises(ValueError):
        OpenEpisode(START, datetime(2026, 3, 30, 10, 0), TZ)  # noqa: DTZ001


def test_an_episode_not_begun_has_no_signals():
    planned = OpenEpisode(date(2026, 4, 1), NOW, TZ)
    assert attention.signals(Evidence(planned)) == []


# --- 1. red flags -----------------------------------------------------------------------

def test_a_check_needing_care_is_a_signal_and_self_care_is_not():
    at = NOW - timedelta(days=1)
    checks = [RedFlagAnswer(at, Outcome.SEEK_CARE_SOON),
              RedFlagAnswer(at + MINUTE, Outcome.SELF_CARE)]
    assert attention.red_flag(checks, EPISODE) == RedFlagSignal(
        since=at, latest=at, checks=1, most_urgent=Outcome.SEEK_CARE_SOON)
    assert attention.red_flag([RedFlagAnswer(at, Outcome.SELF_CARE)], EPISODE) is None


def test_several_checks_are_counted_and_the_most_urgent_named():
    first, second = NOW - timedelta(days=3), NOW - timedelta(days=1)
    checks = [RedFlagAnswer(second, Outcome.CONTACT_PHYSIOTHERAPIST),
              RedFlagAnswer(first, Outcome.EMERGENCY)]
    assert attention.red_flag(checks, EPISODE) == RedFlagSignal(
        since=first, latest=second, checks=2, most_urgent=Outcome.EMERGENCY)


def test_a_check_before_the_episodes_first_local_day_does_not_count():
    before = RedFlagAnswer(midnight(START) - MINUTE, Outcome.EMERGENCY)  # 8 March, 23:59
    at_start = RedFlagAnswer(midnight(START), Outcome.EMERGENCY)  # 9 March, 00:00 local
    assert attention.red_flag([before], EPISODE) is None
    assert attention.red_flag([before, at_start], EPISODE).checks == 1


def test_a_reviewed_check_is_not_counted_again_even_at_the_same_instant():
    at = NOW - timedelta(days=2)
    checks = [RedFlagAnswer(at, Outcome.EMERGENCY)]
    assert attention.red_flag(checks, EPISODE, reviewed_at=at) is None
    assert attention.red_flag(checks, EPISODE, reviewed_at=at - MINUTE).checks == 1
    newer = [*checks, RedFlagAnswer(at + timedelta(hours=1), Outcome.SEEK_CARE_SOON)]
    assert attention.red_flag(newer, EPISODE, reviewed_at=at) == RedFlagSignal(
        since=at + timedelta(hours=1), latest=at + timedelta(hours=1), checks=1,
        most_urgent=Outcome.SEEK_CARE_SOON)


# --- 2. load ----------------------------------------------------------------------------

def test_twice_in_the_high_risk_zone_is_a_signal_once_is_not():
    one, two = NOW - timedelta(days=2), NOW - timedelta(days=1)
    entries = [entry(one, during=7), entry(two, during=6), entry(NOW - MINUTE, during=3)]
    assert attention.load(entries, NOW) == LoadSignal(
        since=one, latest=two + timedelta(hours=1), entries=2, high_risk=2, not_back=0)
    assert attention.load(entries[:1] + entries[2:], NOW) is None


def test_the_window_is_the_last_7_days_exactly():
    edge = entry(NOW - timedelta(days=7), during=8)  # exactly 7 days ago: out
    inside = entry(NOW - timedelta(days=7) + MINUTE, during=8)
    at_now = entry(NOW, during=8)
    future = entry(NOW + MINUTE, during=8)
    assert attention.load([edge, at_now, future], NOW) is None
    signal = attention.load([edge, inside, at_now, future], NOW)
    assert (signal.entries, signal.since) == (2, inside.started_at)


def test_not_back_to_baseline_counts_beside_the_high_risk_zone():
    not_back = entry(NOW - timedelta(days=3), baseline=2, during=4, at_24h=4)
    high = entry(NOW - timedelta(days=2), baseline=3, during=8, at_24h=3)
    assert attention.load([high, not_back], NOW) == LoadSignal(
        since=not_back.started_at, latest=NOW - timedelta(days=1),  # high's 24-h value
        entries=2, high_risk=1, not_back=1)


def test_an_entry_both_high_and_not_back_counts_once_in_each_figure():
    both = entry(NOW - timedelta(days=3), baseline=2, during=8, at_24h=5)
    high = entry(NOW - timedelta(days=2), during=7)
    assert attention.load([both, high], NOW) == LoadSignal(
        since=both.started_at, latest=high.logged_at, entries=2, high_risk=2, not_back=1)
    assert attention.load([both], NOW) is None


def test_a_missing_24_hour_value_counts_only_in_the_high_risk_zone():
    waiting = entry(NOW - timedelta(days=2), baseline=2, during=5)  # acceptable, no 24-h value
    high_waiting = entry(NOW - timedelta(days=1), baseline=2, during=6)
    back = entry(NOW - timedelta(days=4), baseline=3, during=5, at_24h=3)  # equal is back
    lower = entry(NOW - timedelta(days=5), baseline=3, during=5, at_24h=1)
    assert attention.load([waiting, back, lower, high_waiting], NOW) is None
    assert attention.load([waiting, high_waiting, high_waiting], NOW).entries == 2


def test_the_newest_evidence_is_the_latest_logging_or_24_hour_value():
    first = entry(NOW - timedelta(days=4), baseline=2, during=4, at_24h=5)  # given 3 days ago
    second = entry(NOW - timedelta(days=5), during=9, logged=NOW - timedelta(days=5))
    signal = attention.load([first, second], NOW)
    assert signal.since == second.started_at
    assert signal.latest == NOW - timedelta(days=3)


def test_the_patients_limits_decide_the_zone():
    entries = [entry(NOW - timedelta(days=2), during=7), entry(NOW - timedelta(days=1), during=7)]
    assert attention.load(entries, NOW, ZoneLimits(3, 7)) is None
    assert attention.load(entries, NOW, ZoneLimits(1, 4)).high_risk == 2


# --- 3. not settling (C5) ---------------------------------------------------------------

def _days(first: list[float], last: list[float]) -> list[DailyPain]:
    return [DailyPain(START + timedelta(days=i), pain) for i, pain in enumerate(first + last)]


def _on_day(day: int) -> OpenEpisode:
    local_evening = datetime.combine(START + timedelta(days=day - 1), datetime.min.time(),
                                     tzinfo=TZ).replace(hour=20)
    return OpenEpisode(START, local_evening.astimezone(UTC), TZ)


def test_not_settling_from_day_14_with_both_means():
    daily = _days([5] * 7, [5, 5, 6, 5, 5, 5, 5])
    assert attention.not_settling(_on_day(13), daily[:13]) is None
    signal = attention.not_settling(_on_day(14), daily)
    assert signal == NotSettlingSignal(
        since=midnight(date(2026, 3, 22)), latest=midnight(date(2026, 3, 16)), episode_day=14,
        first_week_mean=5.0, last_week_mean=pytest.approx(36 / 7))


def test_equal_weeks_are_not_settling_and_a_lower_week_is_settling():
    assert attention.not_settling(_on_day(14), _days([4] * 7, [4] * 7)).last_week_mean == 4.0
    assert attention.not_settling(_on_day(14), _days([6] * 7, [5.9] * 7)) is None


def test_nothing_to_compare_is_no_signal():
    assert attention.not_settling(_on_day(16), _days([5] * 7, [])) is None
    assert attention.not_settling(_on_day(16), []) is None


def test_a_day_given_twice_counts_once():
    daily = _days([5] * 7, [5] * 7)
    signal = attention.not_settling(_on_day(14), daily + daily[7:])
    assert (signal.first_week_mean, signal.last_week_mean) == (5.0, 5.0)


def test_little_pain_or_too_few_days_is_no_signal():
    # SPEC C5 refinements (course.PAIN_FLOOR, course.MIN_DAYS; refinements.json COR01-02).
    assert attention.not_settling(_on_day(14), _days([0] * 7, [0] * 7)) is None
    assert attention.not_settling(_on_day(14), _days([1] * 7, [2] * 7)) is None
    few = [DailyPain(START, 6.0), DailyPain(START + timedelta(days=13), 6.5)]
    assert attention.not_settling(_on_day(14), few) is None


def test_the_last_week_moves_with_today():
    signal = attention.not_settling(_on_day(20), _days([3] * 7, [2] * 6 + [3] * 7))
    assert signal.episode_day == 20
    assert signal.latest == midnight(START + timedelta(days=13))  # days 14-20
    assert (signal.first_week_mean, signal.last_week_mean) == (3.0, 3.0)


# --- 4. questionnaires overdue ----------------------------------------------------------

BASELINE = ("nrs_back", "nrs_leg", "startback", "odi")


def _at(day: date) -> OpenEpisode:
    return OpenEpisode(START, datetime(day.year, day.month, day.day, 12, tzinfo=UTC), TZ)


def test_the_grace_period_edge():
    assert attention.overdue(_at(date(2026, 3, 16)), set()) is None  # due 9 March + 7 days
    signal = attention.overdue(_at(date(2026, 3, 17)), set())
    assert signal == OverdueSignal(
        since=midnight(date(2026, 3, 17)), latest=midnight(date(2026, 3, 17)),
        late=tuple(LateQuestionnaire(i, Timepoint.BASELINE, START) for i in BASELINE))


def test_sent_ones_are_not_overdue_and_a_closed_window_is_missed_not_overdue():
    sent = {("nrs_back", "baseline"), ("nrs_leg", "baseline"), ("startback", "baseline")}
    signal = attention.overdue(_at(date(2026, 3, 20)), sent)
    assert [q.instrument for q in signal.late] == ["odi"]
    assert attention.overdue(_at(date(2026, 3, 20)), sent | {("odi", "baseline")}) is None
    assert len(attention.overdue(_at(date(2026, 4, 8)), set()).late) == 4  # closes 8 April
    assert attention.overdue(_at(date(2026, 4, 9)), set()) is None


def test_an_assignment_is_overdue_7_days_after_its_date_until_sent():
    everything = {(i, "baseline") for i in BASELINE}
    assigned = [AssignedQuestionnaire("nrs_back", date(2026, 4, 20))]
    assert attention.overdue(_at(date(2026, 4, 27)), everything, assigned) is None
    assert attention.overdue(_at(date(2026, 4, 28)), everything, assigned) == OverdueSignal(
        since=midnight(date(2026, 4, 28)), latest=midnight(date(2026, 4, 28)),
        late=(LateQuestionnaire("nrs_back", Timepoint.ASSIGNED, date(2026, 4, 20)),))
    done = [AssignedQuestionnaire("nrs_back", date(2026, 4, 20), sent=True)]
    assert attention.overdue(_at(date(2026, 4, 28)), everything, done) is None


def test_the_earliest_due_comes_first_and_sets_since():
    assigned = [AssignedQuestionnaire("odi", date(2026, 3, 1))]  # before the episode began
    signal = attention.overdue(_at(date(2026, 3, 20)), set(), assigned)
    assert signal.late[0] == LateQuestionnaire("odi", Timepoint.ASSIGNED, date(2026, 3, 1))
    assert (signal.since, signal.latest) == (midnight(date(2026, 3, 9)),
                                             midnight(date(2026, 3, 17)))


# --- 5. silence -------------------------------------------------------------------------

def test_exactly_7_days_after_the_last_entry():
    last = NOW - timedelta(days=7)
    assert attention.silent(OpenEpisode(START, NOW - MINUTE, TZ), last) is None
    assert attention.silent(EPISODE, last) == SilentSignal(
        since=NOW, latest=NOW, days=7, last_logged=last)


def test_never_logged_counts_from_the_episodes_first_midnight():
    assert attention.silent(EPISODE, None) == SilentSignal(
        since=midnight(START) + timedelta(days=7), latest=midnight(START) + timedelta(days=21),
        days=21, last_logged=None)


def test_latest_is_the_start_of_the_current_week_of_silence():
    last = NOW - timedelta(days=15)
    signal = attention.silent(EPISODE, last)
    assert (signal.days, signal.since, signal.latest) == (
        15, last + timedelta(days=7), last + timedelta(days=14))


# --- all rules, review and order (C7) ---------------------------------------------------

def test_signals_come_by_kind():
    evidence = Evidence(
        EPISODE,
        red_flag_checks=(RedFlagAnswer(NOW - timedelta(days=1), Outcome.EMERGENCY),),
        entries=(entry(NOW - timedelta(days=2), during=9), entry(NOW - timedelta(days=1),
                                                                 during=9)),
        daily_pain=tuple(_days([5] * 7, [5] * 15)),
        last_logged=NOW - timedelta(days=8),
    )
    assert [s.kind for s in attention.signals(evidence)] == [
        Kind.RED_FLAG, Kind.LOAD, Kind.NOT_SETTLING, Kind.OVERDUE, Kind.SILENT]


def test_a_review_hides_evidence_up_to_its_instant_inclusive():
    silence = attention.silent(EPISODE, NOW - timedelta(days=8))
    assert attention.hidden_by(silence, silence.latest) is True  # the same instant
    assert attention.hidden_by(silence, silence.latest - MINUTE) is False
    assert attention.hidden_by(silence, None) is False


def test_review_splits_shown_from_hidden_by_kind():
    reviewed = NOW - timedelta(hours=1)
    load = attention.load([entry(NOW - timedelta(days=2), during=9),
                           entry(NOW - timedelta(minutes=30), during=9, logged=NOW)], NOW)
    silence = attention.silent(EPISODE, NOW - timedelta(days=8))
    shown, hidden = attention.review([silence, load], reviewed)
    assert (shown, hidden) == ([load], [silence])
    assert attention.review([silence, load], None) == ([load, silence], [])


def test_ongoing_silence_shows_again_a_week_after_the_review():
    reviewed = NOW
    last = NOW - timedelta(days=7)
    for days, hidden in ((6, True), (7, False)):
        later = OpenEpisode(START, NOW + timedelta(days=days), TZ)
        assert attention.hidden_by(attention.silent(later, last), reviewed) is hidden


def test_the_red_flag_rule_and_the_review_agree_at_the_same_instant():
    at = NOW - timedelta(days=1)
    sent = frozenset((i, "baseline") for i in BASELINE)
    evidence = Evidence(EPISODE, red_flag_checks=(RedFlagAnswer(at, Outcome.EMERGENCY),),
                        sent=sent, last_logged=NOW - timedelta(hours=2), reviewed_at=at)
    assert attention.signals(evidence) == []
    earlier = Evidence(EPISODE, red_flag_checks=evidence.red_flag_checks, sent=sent,
                       last_logged=evidence.last_logged, reviewed_at=at - MINUTE)
    found = attention.signals(earlier)
    assert [s.kind for s in found] == [Kind.RED_FLAG]
    assert attention.review(found, at - MINUTE) == (found, [])


def _red(outcome: Outcome, days_ago: int) -> RedFlagSignal:
    at = NOW - timedelta(days=days_ago)
    return RedFlagSignal(since=at, latest=at, checks=1, most_urgent=outcome)


def test_an_emergency_comes_before_an_older_seek_care_soon():
    patients = {
        "Older Soon": [_red(Outcome.SEEK_CARE_SOON, 5)],
        "Newer Emergency": [_red(Outcome.EMERGENCY, 1)],
        "Contact Physio": [_red(Outcome.CONTACT_PHYSIOTHERAPIST, 9)],
    }
    order = sorted(patients, key=lambda name: attention.order_key(patients[name], name))
    assert order == ["Newer Emergency", "Older Soon", "Contact Physio"]
    assert [attention.severity(patients[n][0]) for n in order] == [0, 2, 3]


def test_seek_care_today_comes_between_emergency_and_an_older_seek_care_soon():
    """SPEC C2 turn 2 and C7: severity first, 'today' between emergency and 'soon',
    whatever the age of the signal or the name."""
    patients = {
        "Aaron Soon": [_red(Outcome.SEEK_CARE_SOON, 9)],
        "Bea Today": [_red(Outcome.SEEK_CARE_TODAY, 1)],
        "Cilla Emergency": [_red(Outcome.EMERGENCY, 0)],
        "Dan Load": [attention.load([entry(NOW - timedelta(days=2), during=9),
                                     entry(NOW - timedelta(days=1), during=9)], NOW)],
        "Ebba Physio": [_red(Outcome.CONTACT_PHYSIOTHERAPIST, 20)],
    }
    order = sorted(patients, key=lambda name: attention.order_key(patients[name], name))
    assert order == ["Cilla Emergency", "Bea Today", "Aaron Soon", "Ebba Physio", "Dan Load"]


def test_kind_then_oldest_then_name_then_the_quiet_by_name():
    silence_old = attention.silent(EPISODE, NOW - timedelta(days=12))
    silence_new = attention.silent(EPISODE, NOW - timedelta(days=9))
    load = attention.load([entry(NOW - timedelta(days=2), during=9),
                           entry(NOW - timedelta(days=1), during=9)], NOW)
    patients = {
        "bertil": [silence_new], "Anna": [silence_new], "Cecilia": [silence_old],
        "David": [load, silence_old], "Erik": [_red(Outcome.CONTACT_PHYSIOTHERAPIST, 0)],
        "fanny": [], "Ellen": [],
    }
    order = sorted(patients, key=lambda name: attention.order_key(patients[name], name))
    assert order == ["Erik", "David", "Cecilia", "Anna", "bertil", "Ellen", "fanny"]
    assert attention.severity(load) == attention.severity(silence_old) == 5  # after 5 outcomes


def test_entries_given_as_one_with_times_count_as_many():
    """An adapter may give entries with the same pains as one (``times``): the load signal
    is the same as for the entries one by one."""
    now = datetime(2026, 3, 20, 12, tzinfo=UTC)
    first = now - timedelta(days=3)
    one_by_one = [
        attention.DiaryEntry(start, start + timedelta(minutes=5), 2, 7)
        for start in (first + timedelta(hours=i) for i in range(3))
    ]
    grouped = [attention.DiaryEntry(first, first + timedelta(hours=2, minutes=5), 2, 7, times=3)]
    assert attention.load(grouped, now) == attention.load(one_by_one, now)
    assert attention.load(grouped, now).entries == 3
    assert attention.load([grouped[0]._replace(times=1)], now) is None


def test_daily_means_of_counts_equal_the_means_of_the_ratings():
    from battrerygg.clinical import course

    day = date(2026, 3, 1)
    assert course.daily_means_of_counts([(day, 2, 3), (day, 6, 1)]) == course.daily_means(
        [(day, 2), (day, 2), (day, 2), (day, 6)]) == {day: 3.0}
    with pytest.raises(ValueError):
        course.daily_means_of_counts([(day, 2, 0)])


# --- negative emotions (C3), a high baseline (C1), morning pain rising (C1) --------------

def _checkin(day: date, rating: int) -> attention.CheckIn:
    return attention.CheckIn(midnight(day) + timedelta(hours=9), day, rating)


@pytest.mark.parametrize("rating,shown", [(7, False), (8, True), (10, True)])
def test_very_high_negative_emotions_in_the_latest_checkin(rating, shown):
    found = attention.negative_emotions(EPISODE, _checkin(date(2026, 3, 28), rating))
    assert (found is not None) is shown
    if shown:
        assert found == attention.NegativeEmotionsSignal(
            since=midnight(date(2026, 3, 28)) + timedelta(hours=9),
            latest=midnight(date(2026, 3, 28)) + timedelta(hours=9),
            rating=rating, day=date(2026, 3, 28))


def test_a_checkin_before_the_episode_or_none_is_no_signal():
    assert attention.negative_emotions(EPISODE, _checkin(START - timedelta(days=1), 10)) is None
    assert attention.negative_emotions(EPISODE, None) is None
    with pytest.raises(ValueError):
        attention.negative_emotions(EPISODE, _checkin(START, 11))


def test_a_baseline_above_the_acceptable_zone_once_is_a_signal():
    high = entry(NOW - timedelta(days=2), baseline=6, during=5, at_24h=6)
    found = attention.high_baseline([entry(NOW - timedelta(days=3)), high], NOW)
    assert found == attention.HighBaselineSignal(
        since=high.started_at, latest=high.logged_at, entries=1, highest=6, acceptable_max=5)
    # At the top of the acceptable zone, or older than 7 days: nothing.
    assert attention.high_baseline([entry(NOW - timedelta(days=1), baseline=5)], NOW) is None
    assert attention.high_baseline([entry(NOW - timedelta(days=7), baseline=8)], NOW) is None


def test_the_patients_limits_decide_a_high_baseline():
    entries = [entry(NOW - timedelta(days=1), baseline=6, during=2),
               entry(NOW - timedelta(days=2), baseline=7, during=2)._replace(times=3)]
    assert attention.high_baseline(entries, NOW, ZoneLimits(3, 7)) is None
    found = attention.high_baseline(entries, NOW, ZoneLimits(2, 4))
    assert (found.entries, found.highest, found.acceptable_max) == (4, 7, 4)


def _mornings(previous: list[float | None], this: list[float | None]) -> list[DailyPain]:
    """Daily morning pain of days 9-15 and 16-22 of the episode (None: no value)."""
    days = previous + this
    return [DailyPain(START + timedelta(days=8 + i), pain) for i, pain in enumerate(days)
            if pain is not None]


def test_morning_pain_rising_week_on_week():
    found = attention.morning_pain_rising(EPISODE, _mornings([2] * 7, [2, 2, 2, 3, 4, 4, 4]))
    week = midnight(date(2026, 3, 24))  # days 16-22: 24-30 March
    assert found == attention.MorningPainSignal(
        since=week, latest=week, previous_mean=2.0, this_mean=3.0, previous_days=7,
        this_days=7)


def test_morning_pain_not_rising_or_too_few_mornings_is_no_signal():
    assert attention.morning_pain_rising(EPISODE, _mornings([3] * 7, [3] * 7)) is None
    # A rise of less than one point (2.0 -> 2.86) is noise, not a rise.
    assert attention.morning_pain_rising(EPISODE, _mornings([2] * 7, [3] * 6 + [2])) is None
    assert attention.morning_pain_rising(  # 3.1 -> 4.1 is a full point, floats or not
        EPISODE, _mornings([3.1] * 7, [4.1] * 7)) is not None
    assert attention.morning_pain_rising(EPISODE, _mornings([4] * 7, [3] * 7)) is None
    few = [None] * 5 + [1, 1]  # two mornings only in the week before
    assert attention.morning_pain_rising(EPISODE, _mornings(few, [4] * 7)) is None
    three = [None] * 4 + [1, 1, 1]
    assert attention.morning_pain_rising(EPISODE, _mornings(three, [4] * 7)) is not None


def test_morning_pain_before_the_episode_does_not_count():
    early = OpenEpisode(START, midnight(START + timedelta(days=9)) + timedelta(hours=12), TZ)
    before = [DailyPain(START - timedelta(days=i), 0) for i in range(1, 8)]
    week_one = [DailyPain(START + timedelta(days=i), 1) for i in range(3)]
    this = [DailyPain(START + timedelta(days=i), 3) for i in range(4, 10)]
    assert attention.morning_pain_rising(early, before + this) is None
    assert attention.morning_pain_rising(early, before + week_one + this) is not None


def test_the_new_kinds_come_in_their_order():
    assert [k.name for k in Kind] == [
        "RED_FLAG", "NEGATIVE_EMOTIONS", "LOAD", "HIGH_BASELINE", "MORNING_PAIN_RISING",
        "NOT_SETTLING", "OVERDUE", "SILENT"]
    evidence = Evidence(
        episode=EPISODE, latest_checkin=_checkin(date(2026, 3, 29), 9),
        entries=(entry(NOW - timedelta(days=1), baseline=7, during=7, at_24h=9),
                 entry(NOW - timedelta(days=2), during=7)),
        morning_pain=tuple(_mornings([2] * 7, [4] * 7)),
        last_logged=NOW - timedelta(days=1),
    )
    assert [s.kind for s in attention.signals(evidence)] == [  # baseline questionnaires: late
        Kind.NEGATIVE_EMOTIONS, Kind.LOAD, Kind.HIGH_BASELINE, Kind.MORNING_PAIN_RISING,
        Kind.OVERDUE]
