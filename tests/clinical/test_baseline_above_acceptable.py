"""SPEC C1 refinement: a resting pain above the acceptable zone is a physiotherapist's signal."""

from __future__ import annotations

import pytest

from battrerygg.clinical.pain_monitoring import ZoneLimits, baseline_above_acceptable


@pytest.mark.parametrize(("baseline", "above"), [(0, False), (5, False), (6, True), (7, True),
                                                 (10, True)])
def test_with_the_published_limits(baseline, above):
    assert baseline_above_acceptable(baseline) is above


def test_follows_the_patients_own_limits():
    assert baseline_above_acceptable(5, ZoneLimits(1, 4)) is True
    assert baseline_above_acceptable(6, ZoneLimits(2, 7)) is False


@pytest.mark.parametrize("bad", [-1, 11, 4.5, None, "", True])
def test_invalid_pain_is_refused(bad):
    with pytest.raises(ValueError):
        baseline_above_acceptable(bad)
