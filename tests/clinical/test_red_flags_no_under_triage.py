"""SPEC C2, no under-triage: over every set of answers to the check (each of the
``len(Sign)`` questions yes or no: 2^18 = 262,144 sets, every one enumerated), the outcome
is never less urgent than the outcome of any sign answered yes on its own, and is exactly
the most urgent of them (self-care when none is yes). Counted: 0 under-triaged sets."""

from __future__ import annotations

from battrerygg.clinical.red_flags import (
    OUTCOME_OF_SIGN,
    PRECEDENCE,
    Outcome,
    Sign,
    outcome_of,
)

SIGNS = tuple(Sign)


def test_no_answer_set_is_under_triaged():
    rank = {o: PRECEDENCE.index(o) for o in Outcome}
    own = [rank[OUTCOME_OF_SIGN[s]] for s in SIGNS]
    self_care = rank[Outcome.SELF_CARE]
    under = wrong = 0
    total = 1 << len(SIGNS)
    for mask in range(total):
        answers = {s.value: bool(mask >> i & 1) for i, s in enumerate(SIGNS)}
        got = rank[outcome_of(answers)]
        most_urgent = min((own[i] for i in range(len(SIGNS)) if mask >> i & 1),
                          default=self_care)
        under += got > most_urgent
        wrong += got != most_urgent
    assert total == 262_144
    assert (under, wrong) == (0, 0)


def test_most_urgent_of_several_checks():
    from battrerygg.clinical.red_flags import Outcome, most_urgent

    assert most_urgent([]) is Outcome.SELF_CARE
    assert most_urgent([Outcome.SELF_CARE, Outcome.SEEK_CARE_TODAY,
                        Outcome.SEEK_CARE_SOON]) is Outcome.SEEK_CARE_TODAY
    for outcome in Outcome:
        assert most_urgent([Outcome.SELF_CARE, outcome, Outcome.SELF_CARE]) is outcome


# SPEC C2 with its turn-2 refinements, written out by hand: the enumeration above measures
# outcome_of against OUTCOME_OF_SIGN, so the table itself is checked here, independently.
SPEC_C2 = {
    "emergency": {"bladder_bowel_control", "saddle_numbness", "new_sexual_dysfunction",
                  "both_legs_numb_tingling_or_weak", "worsening_leg_or_foot_weakness",
                  "high_energy_trauma"},
    "seek_care_today": {"fever_or_generally_ill", "after_accident_or_fall",
                        "one_leg_or_foot_weak_or_numb"},
    "seek_care_soon": {"history_of_cancer", "osteoporosis_or_long_term_cortisone",
                       "unexplained_weight_loss", "constant_night_pain", "first_onset_after_50",
                       "weakened_immunity_or_injected_drugs", "inflammatory_back_pain"},
    "contact_physiotherapist": {"not_settling_after_two_weeks", "unable_to_progress_alone"},
}


def test_every_sign_maps_to_the_outcome_spec_c2_names():
    from battrerygg.clinical.red_flags import SOURCE_OF_SIGN

    found = {o.value: {s.value for s, m in OUTCOME_OF_SIGN.items() if m is o} for o in Outcome}
    assert {k: v for k, v in found.items() if v} == SPEC_C2
    assert all(SOURCE_OF_SIGN[s].strip() for s in SIGNS)  # each with its source
