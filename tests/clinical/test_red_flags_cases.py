"""SPEC C2: every case of ../shared/cases/red_flags.json through the clinical core, and the
outcome of each sign alone, named by the situation.

The shared vectors predate turn 2 of C2 ("pain after an accident or fall" and "fever or
feeling generally ill" are now "seek care today", not "within a few days"): the one
vector whose expectation the refinement changes is mapped here, with its reason, and
must still be at least as urgent as the vector says (never less).
"""

from __future__ import annotations

import pytest

from battrerygg.clinical.red_flags import (
    OUTCOME_OF_SIGN,
    PRECEDENCE,
    SOURCE_OF_SIGN,
    Outcome,
    Sign,
    more_urgent,
    needs_care,
    outcome_of,
    signs_for,
)
from tests.shared import load_case_file

DATA = load_case_file("red_flags.json")

# case id → (the outcome after turn 2, why)
REFINED = {
    "RF05": (Outcome.SEEK_CARE_TODAY,
             "SPEC C2 turn 2: pain after an accident or fall is 'seek care today'"),
}

TURN_2_SIGNS = {
    "high_energy_trauma", "new_sexual_dysfunction", "one_leg_or_foot_weak_or_numb",
    "first_onset_after_50", "weakened_immunity_or_injected_drugs", "inflammatory_back_pain",
}


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["id"] for c in DATA["cases"]])
def test_case(case):
    got = outcome_of(case["input"])
    expected = Outcome(case["expected"])
    if case["id"] in REFINED:
        assert got is REFINED[case["id"]][0]
        assert not more_urgent(expected, got)  # refined upwards, never down
    else:
        assert got is expected


def test_every_answer_key_is_a_sign_and_only_turn_2_signs_are_new():
    assert set(DATA["answer_keys"]) <= {s.value for s in Sign}
    assert {s.value for s in Sign} - set(DATA["answer_keys"]) == TURN_2_SIGNS


def test_every_sign_leads_to_its_outcome_alone():
    for outcome in Outcome:
        for sign in signs_for(outcome):
            assert outcome_of({sign.value: True}) is outcome
    assert signs_for(Outcome.SELF_CARE) == ()


def test_seek_care_today_sits_between_emergency_and_soon():
    assert PRECEDENCE == (Outcome.EMERGENCY, Outcome.SEEK_CARE_TODAY, Outcome.SEEK_CARE_SOON,
                          Outcome.CONTACT_PHYSIOTHERAPIST, Outcome.SELF_CARE)


@pytest.mark.parametrize(("situation", "sign", "expected"), [
    # turn 2: a delay of days is too long
    ("fever or feeling generally ill with the back pain", "fever_or_generally_ill",
     Outcome.SEEK_CARE_TODAY),
    ("pain after an ordinary accident or fall", "after_accident_or_fall",
     Outcome.SEEK_CARE_TODAY),
    ("pain after a traffic accident or a fall from a height", "high_energy_trauma",
     Outcome.EMERGENCY),
    ("new marked weakness or numbness in one leg or foot", "one_leg_or_foot_weak_or_numb",
     Outcome.SEEK_CARE_TODAY),
    ("new sexual dysfunction (possible cauda equina)", "new_sexual_dysfunction",
     Outcome.EMERGENCY),
    ("first back pain after about 50", "first_onset_after_50", Outcome.SEEK_CARE_SOON),
    ("weakened immune defence or injected drugs", "weakened_immunity_or_injected_drugs",
     Outcome.SEEK_CARE_SOON),
    ("morning stiffness easing with movement, onset before about 45",
     "inflammatory_back_pain", Outcome.SEEK_CARE_SOON),
    # unchanged
    ("a leg getting weaker and weaker", "worsening_leg_or_foot_weakness", Outcome.EMERGENCY),
    ("earlier cancer", "history_of_cancer", Outcome.SEEK_CARE_SOON),
    ("not settling after two weeks", "not_settling_after_two_weeks",
     Outcome.CONTACT_PHYSIOTHERAPIST),
])
def test_each_situation_alone(situation, sign, expected):
    assert outcome_of({sign: True}) is expected, situation


def test_fever_with_weakened_immune_defence_is_today_and_trauma_with_a_fall_is_emergency():
    assert outcome_of({"fever_or_generally_ill": True,
                       "weakened_immunity_or_injected_drugs": True}) is Outcome.SEEK_CARE_TODAY
    assert outcome_of({"after_accident_or_fall": True,
                       "high_energy_trauma": True}) is Outcome.EMERGENCY


def test_every_sign_has_an_outcome_and_a_source():
    assert set(OUTCOME_OF_SIGN) == set(Sign) == set(SOURCE_OF_SIGN)
    assert all(SOURCE_OF_SIGN[s].strip() for s in Sign)


def test_needs_care_is_emergency_today_and_soon():
    assert [o for o in Outcome if needs_care(o)] == [
        Outcome.EMERGENCY, Outcome.SEEK_CARE_TODAY, Outcome.SEEK_CARE_SOON]


def test_false_answers_are_no():
    assert outcome_of({s.value: False for s in Sign}) is Outcome.SELF_CARE


@pytest.mark.parametrize("answers", [{"headache": True}, {"history_of_cancer": "yes"}])
def test_bad_answers_are_refused(answers):
    with pytest.raises(ValueError):
        outcome_of(answers)
