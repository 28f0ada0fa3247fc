"""SPEC C3: the balance check-ins of journey-anna-refined.json, and the edges of the rule."""

from __future__ import annotations

from fractions import Fraction

import pytest

from battrerygg.clinical.balance import (
    Action,
    Capacity,
    Load,
    Ratings,
    Tilt,
    emotions_very_high,
    heaviest_loads,
    needs_work,
    suggestions,
    tilt,
    weakest_capacities,
)
from tests.shared import load_case_file

CHECKINS = load_case_file("journey-anna-refined.json")["balance_checkins"]


def ratings_of(checkin: dict) -> Ratings:
    return Ratings(
        capacity={Capacity(k): v for k, v in checkin["capacity"].items()},
        loads={Load(k): v for k, v in checkin["loads"].items()},
    )


@pytest.mark.parametrize("checkin", CHECKINS, ids=[c["local_date"] for c in CHECKINS])
def test_journey_checkin_tilt(checkin):
    assert tilt(ratings_of(checkin)) == Tilt(checkin["expected_tilt"])


@pytest.mark.parametrize("checkin", CHECKINS, ids=[c["local_date"] for c in CHECKINS])
def test_journey_suggestions_name_weakest_and_heaviest(checkin):
    """Computed independently from the JSON: the two lowest capacities, two highest loads,
    of those that need work (capacity 6 or lower, load 4 or higher)."""
    capacity, loads = checkin["capacity"], checkin["loads"]
    low = [v for v in sorted(capacity.values()) if v <= 6][:2]
    high = [v for v in sorted(loads.values(), reverse=True) if v >= 4][:2]
    result = suggestions(ratings_of(checkin))
    assert [s.rating for s in result[:len(low)]] == low
    assert [s.rating for s in result[len(low):]] == high
    assert all(capacity[s.factor] == s.rating for s in result[:len(low)])
    assert all(loads[s.factor] == s.rating for s in result[len(low):])


def test_first_journey_checkin_in_detail():
    r = ratings_of(CHECKINS[0])  # capacity 4,3,5,3; loads 6,5,7,6
    assert weakest_capacities(r) == [Capacity.STRENGTH, Capacity.FITNESS]
    assert heaviest_loads(r) == [Load.STRESS, Load.PHYSICAL]  # 7, then 6 (tie: leaflet order)
    assert [s.action for s in suggestions(r)] == [
        Action.STRENGTH_WORK, Action.FITNESS_WORK, Action.REDUCE_STRESS,
        Action.CHANGE_PHYSICAL_LOAD,
    ]
    assert r.mean_capacity == Fraction(15, 4) and r.mean_load == 6


def test_ties_follow_the_leaflet_order():
    r = ratings_of(CHECKINS[1])  # capacity all 6
    assert weakest_capacities(r) == [Capacity.POSTURE, Capacity.STRENGTH]


def flat(capacity: int, loads: list[int]) -> Ratings:
    return Ratings(
        capacity=dict.fromkeys(Capacity, capacity), loads=dict(zip(Load, loads, strict=True))
    )


@pytest.mark.parametrize(
    ("capacity", "loads", "expected"),
    [
        (5, [6, 6, 6, 6], Tilt.LOADS_HEAVIER),  # exactly 1 point: tips
        (5, [6, 6, 6, 5], Tilt.BALANCED),  # 0.75 point
        (6, [5, 5, 5, 5], Tilt.CAPACITY_GREATER),
        (6, [5, 5, 5, 6], Tilt.BALANCED),
        (0, [0, 0, 0, 0], Tilt.BALANCED),
        (0, [10, 10, 10, 10], Tilt.LOADS_HEAVIER),
    ],
)
def test_threshold_of_one_point(capacity, loads, expected):
    assert tilt(flat(capacity, loads)) == expected


@pytest.mark.parametrize(
    "bad",
    [
        {"capacity": {Capacity.POSTURE: 11}},
        {"capacity": {Capacity.POSTURE: -1}},
        {"capacity": {Capacity.POSTURE: 4.5}},
        {"capacity": {Capacity.POSTURE: True}},
    ],
)
def test_ratings_outside_0_to_10_are_refused(bad):
    capacity = dict.fromkeys(Capacity, 5) | bad["capacity"]
    with pytest.raises(ValueError):
        Ratings(capacity=capacity, loads=dict.fromkeys(Load, 5))


def test_a_missing_factor_is_refused():
    with pytest.raises(ValueError, match="exactly"):
        Ratings(capacity={Capacity.POSTURE: 5}, loads=dict.fromkeys(Load, 5))


def test_no_suggestions_for_a_perfect_balance():
    assert suggestions(flat(10, [0, 0, 0, 0])) == []


def test_no_suggestions_when_every_factor_is_on_the_good_side():
    assert suggestions(flat(7, [3, 3, 3, 3])) == []


def test_only_the_factors_that_need_work_are_suggested():
    ratings = Ratings(
        capacity={Capacity.POSTURE: 9, Capacity.STRENGTH: 6, Capacity.FLEXIBILITY: 8,
                  Capacity.FITNESS: 7},
        loads={Load.PHYSICAL: 2, Load.NEGATIVE_EMOTIONS: 3, Load.STRESS: 4,
               Load.WORRYING_THOUGHTS: 1},
    )
    assert [(s.factor, s.action) for s in suggestions(ratings)] == [
        (Capacity.STRENGTH, Action.STRENGTH_WORK), (Load.STRESS, Action.REDUCE_STRESS),
    ]


def test_the_second_journey_checkin_suggests_two_capacities_and_one_load():
    r = ratings_of(CHECKINS[1])  # capacity all 6; loads 3, 3, 4, 2
    assert [s.factor for s in suggestions(r)] == [Capacity.POSTURE, Capacity.STRENGTH, Load.STRESS]


@pytest.mark.parametrize(
    ("factor", "rating", "expected"),
    [(Capacity.POSTURE, 6, True), (Capacity.POSTURE, 7, False), (Capacity.FITNESS, 0, True),
     (Load.STRESS, 3, False), (Load.STRESS, 4, True), (Load.PHYSICAL, 10, True)],
)
def test_needs_work_thresholds(factor, rating, expected):
    assert needs_work(factor, rating) is expected


def test_needs_work_refuses_a_rating_outside_the_scale():
    with pytest.raises(ValueError):
        needs_work(Load.STRESS, 11)


@pytest.mark.parametrize(("emotions", "expected"), [(7, False), (8, True), (10, True)])
def test_very_high_negative_emotions_from_8(emotions, expected):
    ratings = flat(5, [5, emotions, 5, 5])
    assert emotions_very_high(ratings) is expected
