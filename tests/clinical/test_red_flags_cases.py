"""SPEC C2: every case of ../shared/cases/red_flags.json through the clinical core."""

from __future__ import annotations

import pytest

from battrerygg.clinical.red_flags import Outcome, Sign, outcome_of, signs_for
from tests.shared import load_case_file

DATA = load_case_file("red_flags.json")


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["id"] for c in DATA["cases"]])
def test_case(case):
    assert outcome_of(case["input"]).value == case["expected"]


def test_every_answer_key_is_a_sign():
    assert {s.value for s in Sign} == set(DATA["answer_keys"])


def test_every_sign_leads_to_its_outcome_alone():
    for outcome in Outcome:
        for sign in signs_for(outcome):
            assert outcome_of({sign.value: True}) is outcome
    assert signs_for(Outcome.SELF_CARE) == ()


def test_false_answers_are_no():
    assert outcome_of({key: False for key in DATA["answer_keys"]}) is Outcome.SELF_CARE


@pytest.mark.parametrize("answers", [{"headache": True}, {"history_of_cancer": "yes"}])
def test_bad_answers_are_refused(answers):
    with pytest.raises(ValueError):
        outcome_of(answers)
