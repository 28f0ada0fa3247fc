"""SPEC C1: every case of ../shared/cases/pain_monitoring.json, and the refinements of the
second clinical review (refinements.json "pain_monitoring", PMR01–PMR04), through the
clinical core. The refined rule must give every earlier case its old answer too."""

from __future__ import annotations

import pytest

from battrerygg.clinical.pain_monitoring import (
    Session,
    ZoneLimits,
    assess,
    back_to_baseline,
    zone_of,
)
from tests.shared import load_case_file

DATA = load_case_file("pain_monitoring.json")
REFINED = load_case_file("refinements.json")["pain_monitoring"]


def _assess(given):
    session = Session(given["baseline"], given["during"], given["at_24h"], given["after"])
    # Cases list earlier sessions oldest first; the core takes them most recent first.
    # Earlier sessions give no pain right after (None: only pain during is judged).
    previous = [
        Session(p["baseline"], p["during"], p["at_24h"], p.get("after"))
        for p in reversed(given["previous_same_activity"])
    ]
    return assess(session, previous)


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["id"] for c in DATA["cases"]])
def test_case(case):
    result = _assess(case["input"])
    assert result.zone.value == case["expected"]["zone"]
    assert result.back_to_baseline == case["expected"]["back_to_baseline"]
    assert result.advice.value == case["expected"]["advice"]


@pytest.mark.parametrize("case", REFINED, ids=[c["id"] for c in REFINED])
def test_refined_case(case):
    result = _assess(case["input"])
    for key, value in case["expected"].items():
        found = getattr(result, key)
        assert getattr(found, "value", found) == value, case["source"]


@pytest.mark.parametrize("case", DATA["invalid"], ids=[c["id"] for c in DATA["invalid"]])
def test_invalid(case):
    given = case["input"]
    with pytest.raises(ValueError) as raised:
        Session(given["baseline"], given["during"], given["at_24h"])
    if "required" in case["expected"]:
        assert "required" in str(raised.value)
    else:
        assert "integer 0-10" in str(raised.value)


def test_advice_values_are_the_documented_ones():
    from battrerygg.clinical.pain_monitoring import Advice

    assert {a.value for a in Advice} == set(DATA["advice_values"])


@pytest.mark.parametrize(("pain", "zone"), [(0, "safe"), (2, "safe"), (3, "acceptable"),
                                            (5, "acceptable"), (6, "high_risk"), (10, "high_risk")])
def test_zone_edges(pain, zone):
    assert zone_of(pain).value == zone


def test_limits_are_configurable():
    strict = ZoneLimits(safe_max=1, acceptable_max=3)
    assert zone_of(4, strict).value == "high_risk"
    assert zone_of(2, strict).value == "acceptable"


@pytest.mark.parametrize(("safe", "acceptable"), [(5, 5), (6, 3), (-1, 3), (2, 10)])
def test_bad_limits_are_refused(safe, acceptable):
    with pytest.raises(ValueError):
        ZoneLimits(safe, acceptable)


def test_booleans_and_floats_are_not_nrs():
    with pytest.raises(ValueError):
        zone_of(True)
    with pytest.raises(ValueError):
        back_to_baseline(3, 4.0)


def test_only_the_two_previous_sessions_count():
    good = Session(2, 2, 2)
    bad = Session(2, 8, 2)
    # Most recent first: two good sessions before; an older bad one no longer counts.
    assert assess(good, [good, good, bad]).advice.value == "increase"
    assert assess(good, [good, bad, good]).advice.value == "keep"
    assert assess(good, [good]).advice.value == "keep"
    # A previous session still waiting for its 24-hour value is not within limits.
    assert assess(good, [Session(2, 2, None), good]).advice.value == "keep"


def test_zone_ranges_cover_the_scale_once():
    from battrerygg.clinical.pain_monitoring import Zone

    for limits in (ZoneLimits(), ZoneLimits(1, 4), ZoneLimits(0, 8)):
        values = [v for zone in Zone for v in range(limits.range_of(zone)[0],
                                                     limits.range_of(zone)[1] + 1)]
        assert values == list(range(11))
        assert all(zone_of(v, limits) is zone for zone in Zone
                   for v in range(limits.range_of(zone)[0], limits.range_of(zone)[1] + 1))
