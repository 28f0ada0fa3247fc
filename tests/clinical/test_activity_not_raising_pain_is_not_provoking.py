"""SPEC C1 refinement: an activity that does not raise pain above the baseline is not
provoking, whatever the zone (a patient with high resting pain is not told to do less of
what does not worsen it)."""

from __future__ import annotations

import pytest

from battrerygg.clinical.pain_monitoring import (
    Session,
    ZoneLimits,
    assess,
    provokes,
    provoking,
    within_limits,
)


def test_resting_pain_7_walk_kept_it_at_6_and_7_next_day_is_keep():
    result = assess(Session(baseline=7, during=6, at_24h=7, after=6))
    assert result.zone.value == "high_risk"  # the zone is shown as it is
    assert result.provoking is False
    assert result.advice.value == "keep"


def test_pain_equal_to_a_high_baseline_does_not_provoke():
    assert provokes(7, 7) is False
    assert provokes(6, 6) is False


@pytest.mark.parametrize(("baseline", "pain"), [(7, 8), (5, 6), (0, 10)])
def test_rising_above_the_baseline_into_high_risk_provokes(baseline, pain):
    assert provokes(baseline, pain) is True
    assert assess(Session(baseline, pain, at_24h=baseline)).advice.value == "reduce"


def test_rising_above_the_baseline_within_the_acceptable_zone_is_within_limits():
    # Rising from 1 to 5 is allowed: the ceiling is the acceptable zone (Thomeé 1997).
    assert provokes(1, 5) is False
    assert assess(Session(1, 5, at_24h=1)).advice.value == "keep"


def test_high_resting_pain_sessions_count_toward_increase():
    calm = Session(baseline=7, during=6, at_24h=7, after=6)
    assert within_limits(calm) is True
    assert assess(calm, [calm, calm]).advice.value == "increase"


def test_the_ceiling_follows_the_patients_limits():
    strict = ZoneLimits(safe_max=1, acceptable_max=3)
    assert provoking(Session(baseline=2, during=4), strict) is True
    assert provoking(Session(baseline=4, during=4), strict) is False


def test_a_provoking_session_is_reduce_before_its_24_hour_value():
    result = assess(Session(baseline=6, during=8, at_24h=None))
    assert result.advice.value == "reduce"
    assert result.provoked_during is True
