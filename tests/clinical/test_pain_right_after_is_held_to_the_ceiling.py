"""SPEC C1 refinement (Silbernagel 2007): pain right after the activity is held to the same
ceiling as pain during."""

from __future__ import annotations

from battrerygg.clinical.pain_monitoring import Session, assess, within_limits


def test_pain_after_in_high_risk_above_baseline_is_reduce():
    result = assess(Session(baseline=2, during=4, at_24h=2, after=7))
    assert result.zone.value == "acceptable"
    assert result.provoked_during is False
    assert result.provoked_after is True
    assert result.advice.value == "reduce"


def test_pain_after_at_the_ceiling_is_within_limits():
    assert assess(Session(baseline=2, during=4, at_24h=2, after=5)).advice.value == "keep"


def test_pain_after_known_at_once_needs_no_24_hour_value():
    assert assess(Session(baseline=2, during=3, at_24h=None, after=6)).advice.value == "reduce"


def test_pain_after_not_above_a_high_baseline_does_not_provoke():
    assert assess(Session(baseline=7, during=5, at_24h=7, after=7)).advice.value == "keep"


def test_a_previous_session_with_high_pain_after_blocks_increase():
    good = Session(baseline=2, during=3, at_24h=2, after=3)
    sore_after = Session(baseline=2, during=3, at_24h=2, after=6)
    assert within_limits(sore_after) is False
    assert assess(good, [good, sore_after]).advice.value == "keep"
    assert assess(good, [good, good]).advice.value == "increase"


def test_unknown_pain_after_judges_pain_during_only():
    assert assess(Session(baseline=2, during=4, at_24h=2)).advice.value == "keep"
