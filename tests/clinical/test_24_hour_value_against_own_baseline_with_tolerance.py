"""SPEC C1 refinement: the 24-hour value is compared with the baseline of the activity's own
entry (the pain rated just before it), with a per-patient tolerance, default 0."""

from __future__ import annotations

import pytest

from battrerygg.clinical.pain_monitoring import (
    TOLERANCE_MAX,
    Session,
    ZoneLimits,
    assess,
    back_to_baseline,
)


def test_default_is_the_exact_rule():
    assert back_to_baseline(3, 3) is True
    assert back_to_baseline(3, 4) is False
    assert ZoneLimits().follow_up_tolerance == 0


def test_a_tolerance_of_one_accepts_one_point_above():
    assert back_to_baseline(3, 4, tolerance=1) is True
    assert back_to_baseline(3, 5, tolerance=1) is False


def test_morning_stiff_patient_with_tolerance_keeps_instead_of_reduce():
    # Afternoon baseline 3, asked at 07:00 the next morning: 4.
    session = Session(baseline=3, during=4, at_24h=4, after=3)
    assert assess(session).advice.value == "reduce"
    tolerant = ZoneLimits(follow_up_tolerance=1)
    result = assess(session, limits=tolerant)
    assert result.back_to_baseline is True
    assert result.advice.value == "keep"


def test_the_tolerance_counts_for_the_sessions_before_too():
    tolerant = ZoneLimits(follow_up_tolerance=1)
    one_above = Session(baseline=3, during=4, at_24h=4)
    assert assess(one_above, [one_above, one_above], tolerant).advice.value == "increase"


def test_missing_24_hour_value_is_unknown_whatever_the_tolerance():
    assert back_to_baseline(3, None, tolerance=2) is None


@pytest.mark.parametrize("bad", [-1, TOLERANCE_MAX + 1, 1.0, True])
def test_tolerance_out_of_range_is_refused(bad):
    with pytest.raises(ValueError):
        back_to_baseline(3, 3, tolerance=bad)
    with pytest.raises(ValueError):
        ZoneLimits(follow_up_tolerance=bad)
