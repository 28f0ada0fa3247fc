"""Red flags: warning signs in low back pain and what to do (SPEC C2).

Sources: the BättreRygg patient leaflet; Finucane LM et al. International framework for red
flags for potential serious spinal pathologies. J Orthop Sports Phys Ther 2020;50:350–372;
NICE guideline NG59, Low back pain and sciatica in over 16s (2016, updated 2020); Swedish
regional guidance for primary care. Single red flags predict serious disease poorly
(Finucane 2020): an outcome prompts contact with care, it is never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Outcome(StrEnum):
    """The four outcomes, in order of precedence (most urgent first)."""

    EMERGENCY = "emergency"  # seek care now (emergency department, 112)
    SEEK_CARE_SOON = "seek_care_soon"  # contact the health centre soon (1177)
    CONTACT_PHYSIOTHERAPIST = "contact_physiotherapist"
    SELF_CARE = "self_care"


class Sign(StrEnum):
    """Warning signs asked about in the check; each maps to one outcome."""

    # Possible cauda equina syndrome or progressive neurological deficit (Finucane 2020).
    BLADDER_BOWEL_CONTROL = "bladder_bowel_control"
    SADDLE_NUMBNESS = "saddle_numbness"
    BOTH_LEGS_NUMB_TINGLING_OR_WEAK = "both_legs_numb_tingling_or_weak"
    WORSENING_LEG_OR_FOOT_WEAKNESS = "worsening_leg_or_foot_weakness"
    # Possible fracture, malignancy or infection (Finucane 2020; NICE NG59).
    AFTER_ACCIDENT_OR_FALL = "after_accident_or_fall"
    HISTORY_OF_CANCER = "history_of_cancer"
    OSTEOPOROSIS_OR_LONG_TERM_CORTISONE = "osteoporosis_or_long_term_cortisone"
    FEVER_OR_GENERALLY_ILL = "fever_or_generally_ill"
    UNEXPLAINED_WEIGHT_LOSS = "unexplained_weight_loss"
    CONSTANT_NIGHT_PAIN = "constant_night_pain"
    # The leaflet: help from a physiotherapist when it does not settle.
    NOT_SETTLING_AFTER_TWO_WEEKS = "not_settling_after_two_weeks"
    UNABLE_TO_PROGRESS_ALONE = "unable_to_progress_alone"


OUTCOME_OF_SIGN: Mapping[Sign, Outcome] = {
    Sign.BLADDER_BOWEL_CONTROL: Outcome.EMERGENCY,
    Sign.SADDLE_NUMBNESS: Outcome.EMERGENCY,
    Sign.BOTH_LEGS_NUMB_TINGLING_OR_WEAK: Outcome.EMERGENCY,
    Sign.WORSENING_LEG_OR_FOOT_WEAKNESS: Outcome.EMERGENCY,
    Sign.AFTER_ACCIDENT_OR_FALL: Outcome.SEEK_CARE_SOON,
    Sign.HISTORY_OF_CANCER: Outcome.SEEK_CARE_SOON,
    Sign.OSTEOPOROSIS_OR_LONG_TERM_CORTISONE: Outcome.SEEK_CARE_SOON,
    Sign.FEVER_OR_GENERALLY_ILL: Outcome.SEEK_CARE_SOON,
    Sign.UNEXPLAINED_WEIGHT_LOSS: Outcome.SEEK_CARE_SOON,
    Sign.CONSTANT_NIGHT_PAIN: Outcome.SEEK_CARE_SOON,
    Sign.NOT_SETTLING_AFTER_TWO_WEEKS: Outcome.CONTACT_PHYSIOTHERAPIST,
    Sign.UNABLE_TO_PROGRESS_ALONE: Outcome.CONTACT_PHYSIOTHERAPIST,
}

PRECEDENCE: tuple[Outcome, ...] = tuple(Outcome)


def outcome_of(answers: Mapping[str, bool]) -> Outcome:
    """The outcome of a red-flag check.

    answers: sign key (a ``Sign`` value) → True when the patient has that sign; keys left
    out or False count as "no". The most urgent outcome of any sign present wins
    (emergency > seek_care_soon > contact_physiotherapist > self_care); none → self_care.
    Raises ValueError for an unknown key or a non-boolean answer.
    Source: SPEC C2 (leaflet; Finucane 2020; NICE NG59).
    """
    present: set[Outcome] = set()
    for key, value in answers.items():
        try:
            sign = Sign(key)
        except ValueError:
            raise ValueError(f"unknown red-flag sign: {key!r}") from None
        if not isinstance(value, bool):
            raise ValueError(f"answer for {key!r} must be true or false")
        if value:
            present.add(OUTCOME_OF_SIGN[sign])
    for outcome in PRECEDENCE:
        if outcome in present:
            return outcome
    return Outcome.SELF_CARE


def signs_for(outcome: Outcome) -> tuple[Sign, ...]:
    """The signs that lead to ``outcome``, in the order they are asked."""
    return tuple(s for s in Sign if OUTCOME_OF_SIGN[s] is outcome)
