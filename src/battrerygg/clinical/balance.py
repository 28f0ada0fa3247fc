"""The balance between the back's capacity and the loads on it (SPEC P4, C3).

The programme teaches back health as a balance: on one side the back's capacity (posture,
strength, flexibility/mobility, general fitness), on the other the physical and mental loads
(physical load — too much or too little —, negative emotions, everyday stress, worrying
thoughts about the back). Pain comes with imbalance; treatment raises capacity and lowers
loads (BättreRygg patient leaflet; the biopsychosocial load–capacity model, e.g. O'Sullivan
P et al., Phys Ther 2018;98:408–423 on cognitive functional therapy).

This is a teaching model, not a validated instrument (SPEC C3): the numbers help the patient
see where to start, they do not measure anything clinically. Ratings are NRS-like integers
0–10 where 10 is "a great deal" of the factor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class Capacity(StrEnum):
    """Capacity factors, in the order the leaflet lists them (also the tie-break order)."""

    POSTURE = "posture"
    STRENGTH = "strength"
    FLEXIBILITY = "flexibility"  # flexibility and mobility
    FITNESS = "fitness"  # general fitness


class Load(StrEnum):
    """Loads on the back, in the order the leaflet lists them (also the tie-break order)."""

    PHYSICAL = "physical"  # too much or too little physical load
    NEGATIVE_EMOTIONS = "negative_emotions"
    STRESS = "stress"  # everyday stress
    WORRYING_THOUGHTS = "worrying_thoughts"  # worrying thoughts about the back


class Tilt(StrEnum):
    """Which way the balance tips (SPEC C3)."""

    LOADS_HEAVIER = "loads_heavier"
    BALANCED = "balanced"
    CAPACITY_GREATER = "capacity_greater"


class Action(StrEnum):
    """What to work on: capacity work raises a factor, load work lowers one (SPEC C3)."""

    POSTURE_WORK = "posture_work"
    STRENGTH_WORK = "strength_work"
    FLEXIBILITY_WORK = "flexibility_work"
    FITNESS_WORK = "fitness_work"
    CHANGE_PHYSICAL_LOAD = "change_physical_load"
    HANDLE_EMOTIONS = "handle_emotions"
    REDUCE_STRESS = "reduce_stress"
    CHANGE_THOUGHTS = "change_thoughts"


ACTION_OF: Mapping[Capacity | Load, Action] = {
    Capacity.POSTURE: Action.POSTURE_WORK,
    Capacity.STRENGTH: Action.STRENGTH_WORK,
    Capacity.FLEXIBILITY: Action.FLEXIBILITY_WORK,
    Capacity.FITNESS: Action.FITNESS_WORK,
    Load.PHYSICAL: Action.CHANGE_PHYSICAL_LOAD,
    Load.NEGATIVE_EMOTIONS: Action.HANDLE_EMOTIONS,
    Load.STRESS: Action.REDUCE_STRESS,
    Load.WORRYING_THOUGHTS: Action.CHANGE_THOUGHTS,
}
"""SPEC C3: capacity factors map to posture, strength, flexibility and fitness work; loads
to changing physical load, handling negative emotions, reducing stress, changing thoughts."""

TILT_THRESHOLD = Fraction(1)
"""SPEC C3: the balance tips when one side's mean exceeds the other's by 1 point or more."""

RATING_MIN, RATING_MAX = 0, 10


def validate_rating(value: object) -> int:
    """A rating: integer 0–10 (bool is refused). Raises ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"a rating must be an integer 0–10, not {value!r}")
    if not RATING_MIN <= value <= RATING_MAX:
        raise ValueError(f"a rating must be 0–10, not {value}")
    return value


@dataclass(frozen=True)
class Ratings:
    """One balance check-in: every capacity factor and every load rated 0–10.

    capacity: {Capacity: int 0–10}, all four factors. loads: {Load: int 0–10}, all four.
    Raises ValueError when a factor is missing, unknown or out of range.
    """

    capacity: Mapping[Capacity, int]
    loads: Mapping[Load, int]

    def __post_init__(self) -> None:
        for given, kind in ((self.capacity, Capacity), (self.loads, Load)):
            keys = set(given)
            expected = set(kind)
            if keys != expected:
                raise ValueError(
                    f"{kind.__name__} ratings must be exactly {sorted(expected)}, "
                    f"got {sorted(str(k) for k in keys)}"
                )
            for value in given.values():
                validate_rating(value)

    @property
    def mean_capacity(self) -> Fraction:
        """Mean of the four capacity ratings, exact (0–10)."""
        return Fraction(sum(self.capacity.values()), len(self.capacity))

    @property
    def mean_load(self) -> Fraction:
        """Mean of the four load ratings, exact (0–10)."""
        return Fraction(sum(self.loads.values()), len(self.loads))


def tilt(ratings: Ratings, threshold: Fraction = TILT_THRESHOLD) -> Tilt:
    """Which way the balance tips (SPEC C3).

    loads_heavier when the mean load exceeds the mean capacity by ``threshold`` (1 point)
    or more; capacity_greater when the mean capacity exceeds the mean load by that much;
    balanced otherwise. Means are exact fractions, so 1 point is never lost to rounding.
    """
    difference = ratings.mean_load - ratings.mean_capacity
    if difference >= threshold:
        return Tilt.LOADS_HEAVIER
    if -difference >= threshold:
        return Tilt.CAPACITY_GREATER
    return Tilt.BALANCED


def weakest_capacities(ratings: Ratings, count: int = 2) -> list[Capacity]:
    """The ``count`` lowest-rated capacity factors, lowest first; ties in leaflet order."""
    order = list(Capacity)
    return sorted(order, key=lambda f: (ratings.capacity[f], order.index(f)))[:count]


def heaviest_loads(ratings: Ratings, count: int = 2) -> list[Load]:
    """The ``count`` highest-rated loads, heaviest first; ties in leaflet order."""
    order = list(Load)
    return sorted(order, key=lambda f: (-ratings.loads[f], order.index(f)))[:count]


CAPACITY_NEEDS_WORK_AT_MOST = 6
"""A capacity factor rated 6 or lower needs work: it has room to grow (0–10 scale).

Teaching-model choice, not from a source (SPEC C3 names no cut-off): a factor is worth a
suggestion when it sits on the weak side of the scale with a margin of one point past the
middle (5), so that a balance where everything is good shows no suggestions at all."""

LOAD_NEEDS_WORK_AT_LEAST = 4
"""A load rated 4 or higher needs work: it weighs on the back (0–10 scale).

Teaching-model choice, the mirror of CAPACITY_NEEDS_WORK_AT_MOST (10 − 6 = 4): a load of 0–3
is light and gets no suggestion."""

def needs_work(factor: Capacity | Load, rating: int) -> bool:
    """Whether a factor's rating (integer 0–10) is worth working on (teaching-model choice).

    Capacity: rating ≤ CAPACITY_NEEDS_WORK_AT_MOST (6). Load: rating ≥ LOAD_NEEDS_WORK_AT_LEAST
    (4). Raises ValueError for a rating outside 0–10.
    """
    validate_rating(rating)
    if isinstance(factor, Capacity):
        return rating <= CAPACITY_NEEDS_WORK_AT_MOST
    return rating >= LOAD_NEEDS_WORK_AT_LEAST


def emotions_very_high(ratings: Ratings) -> bool:
    """True when the check-in's negative emotions are very high
    (``very_high_negative_emotions``: 8 or more, derivation at
    ``VERY_HIGH_NEGATIVE_EMOTIONS``). The patient-side pages then point to the health
    centre and 1177; the physiotherapist's dashboard shows the same threshold (C7). It only
    decides where help is pointed to; it diagnoses nothing."""
    return very_high_negative_emotions(ratings.loads[Load.NEGATIVE_EMOTIONS])


@dataclass(frozen=True)
class Suggestion:
    """A factor to work on first and the kind of action that helps (SPEC C3)."""

    factor: Capacity | Load
    rating: int
    action: Action


def suggestions(ratings: Ratings) -> list[Suggestion]:
    """What to work on first (SPEC C3): of the factors that need work (``needs_work``), the two
    weakest capacity factors, then the two heaviest loads, each with its action.

    0–4 suggestions, capacity first; none when every factor is on the good side (capacity 7 or
    more, loads 3 or less). Ties in leaflet order.
    """
    chosen: list[Capacity | Load] = [
        *(f for f in weakest_capacities(ratings) if needs_work(f, ratings.capacity[f])),
        *(f for f in heaviest_loads(ratings) if needs_work(f, ratings.loads[f])),
    ]
    return [
        Suggestion(
            factor=f,
            rating=ratings.capacity[f] if isinstance(f, Capacity) else ratings.loads[f],
            action=ACTION_OF[f],
        )
        for f in chosen
    ]


VERY_HIGH_NEGATIVE_EMOTIONS = 8
"""A rating of negative emotions from 8 of 10 up is "very high" (SPEC C3 with T5: a signal
for the physiotherapist; the patient is pointed to their health centre and 1177).

Derivation: the balance is a teaching model, not a validated instrument (SPEC C3), so no
study gives a cut-off for this item. On 0–10 rating scales the top band ("severe") is
commonly placed from 7 (Serlin RC et al., Pain 1995;61:277–284, for pain); "very high" is
read as the ratings above that, 8–10, so that the signal points at the few patients who
rate their negative emotions near the top of the scale. A lower screen such as the Distress
Thermometer's 4 (NCCN; Roth AJ et al., Cancer 1998;82:1904–1908) asks for a validated
instrument and would put most patients in pain on the dashboard. This programme's choice;
to be confirmed by a clinician."""


def very_high_negative_emotions(rating: int) -> bool:
    """True when a rating of negative emotions (integer 0–10) is very high: at least
    ``VERY_HIGH_NEGATIVE_EMOTIONS`` (8). Raises ValueError for an invalid rating."""
    return validate_rating(rating) >= VERY_HIGH_NEGATIVE_EMOTIONS
