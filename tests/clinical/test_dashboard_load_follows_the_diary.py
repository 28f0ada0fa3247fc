"""The dashboard's load signal (C7) judges an entry as the diary does (C1, second review):
a high resting pain that the activity did not raise is not a load signal, pain right after
counts like pain during, and the patient's 24-hour tolerance applies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from battrerygg.clinical.attention import DiaryEntry, load
from battrerygg.clinical.pain_monitoring import ZoneLimits

NOW = datetime(2026, 3, 30, 10, 0, tzinfo=UTC)


def entries(**pains: int | None) -> list[DiaryEntry]:
    """Two entries of the last week with the same pains."""
    return [DiaryEntry(started_at=NOW - timedelta(days=d), logged_at=NOW - timedelta(days=d),
                       pain_baseline=pains["baseline"], pain_during=pains["during"],  # type: ignore[arg-type]
                       pain_24h=pains.get("at_24h"), pain_after=pains.get("after"))
            for d in (1, 2)]


def test_high_resting_pain_not_raised_by_a_walk_is_no_load_signal():
    # PMR01: baseline 7, during 6, after 6, back at 7 the next day: the diary says keep.
    assert load(entries(baseline=7, during=6, after=6, at_24h=7), NOW) is None


def test_pain_raised_into_the_high_risk_zone_is_a_load_signal():
    signal = load(entries(baseline=7, during=9, after=8, at_24h=7), NOW)
    assert signal is not None and signal.high_risk == 2


def test_pain_right_after_in_the_high_risk_zone_is_a_load_signal():
    # PMR02: during 4, right after 7 (baseline 2): reduce.
    signal = load(entries(baseline=2, during=4, after=7, at_24h=2), NOW)
    assert signal is not None and signal.high_risk == 2


def test_the_patients_24_hour_tolerance_applies():
    assert load(entries(baseline=2, during=3, at_24h=3), NOW) is not None
    assert load(entries(baseline=2, during=3, at_24h=3), NOW,
                ZoneLimits(follow_up_tolerance=1)) is None
