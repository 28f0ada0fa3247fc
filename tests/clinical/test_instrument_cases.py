"""SPEC C4/C6: every case of startback.json, odi.json and other_instruments.json, and the
journey's baseline and 6-week values, through the clinical core."""

from __future__ import annotations

from decimal import Decimal

import pytest

from battrerygg.clinical.instruments import change, nrs, odi, pseq, psfs, startback
from battrerygg.clinical.instruments.base import AnswerError
from tests.shared import load_case_file

SB = load_case_file("startback.json")
OD = load_case_file("odi.json")
REFINED = load_case_file("refinements.json")
ODI_CASES = OD["cases"] + REFINED["odi"]
OTHER = load_case_file("other_instruments.json")
JOURNEY = load_case_file("journey-anna-refined.json")


@pytest.mark.parametrize("case", SB["cases"], ids=[c["id"] for c in SB["cases"]])
def test_startback_case(case):
    result = startback.score_items(case["input"]["items_1_8"], case["input"]["item9"])
    assert result.total == case["expected"]["total"]
    assert result.subscales["psychosocial"] == case["expected"]["psychosocial"]
    assert result.category == case["expected"]["risk"]


def test_startback_item9_options_are_the_cases():
    assert [o.code for o in startback.BOTHERSOME] == SB["item9_options"]


@pytest.mark.parametrize("case", ODI_CASES, ids=[c["id"] for c in ODI_CASES])
def test_odi_case(case):
    result = odi.score_sections(case["input"])
    expected = case["expected"]
    if "percent_exact" in expected:  # OD02: 16/45*100 = 35.555…; one decimal, half up
        assert result.total == Decimal("35.6")
    elif expected["percent"] is None:  # ODR02: no score, and why
        assert result.total is None and result.category is None
        assert result.missing_reason == expected["missing_reason"]
        return
    else:
        assert result.total == Decimal(str(expected["percent"]))
    assert result.category == expected["band"]
    assert result.missing_reason is None


def _other(prefix):
    return [c for c in OTHER["cases"] if c["id"].startswith(prefix)]


@pytest.mark.parametrize("case", _other("PS"), ids=[c["id"] for c in _other("PS")])
def test_psfs_case(case):
    if isinstance(case["expected"], str):
        with pytest.raises(AnswerError) as info:
            psfs.score_activities(case["input"])
        assert info.value.code == "no_activity"
    else:
        assert psfs.score_activities(case["input"]).total == Decimal(
            str(case["expected"]["score"]))


@pytest.mark.parametrize("case", _other("PE"), ids=[c["id"] for c in _other("PE")])
def test_pseq_case(case):
    if isinstance(case["expected"], str):
        with pytest.raises(AnswerError) as info:
            pseq.total_of(case["input"])
        assert info.value.code == "out_of_range"
    else:
        assert pseq.total_of(case["input"]).total == case["expected"]["total"]


@pytest.mark.parametrize("case", _other("NR"), ids=[c["id"] for c in _other("NR")])
def test_nrs_case(case):
    if case["expected"] == "error":
        with pytest.raises(ValueError):
            nrs.validate(case["input"])
        with pytest.raises(AnswerError):
            nrs.BACK.check_answer("pain", str(case["input"]))
    else:
        assert nrs.validate(case["input"]) == case["input"]
        assert nrs.BACK.score({"pain": str(case["input"])}).total == case["input"]


CHANGE_CASES = _other("CH") + REFINED["change"]


@pytest.mark.parametrize("case", CHANGE_CASES, ids=[c["id"] for c in CHANGE_CASES])
def test_change_case(case):
    i = case["input"]
    found = change.change(i["measure"], i["baseline"], i["follow_up"])
    assert found.important_improvement is case["expected"]["important_improvement"]
    if "worsened" in case["expected"]:  # refinements.json CHR*
        assert found.worsened is case["expected"]["worsened"]


def test_every_case_is_covered():
    prefixes = {c["id"][:2] for c in OTHER["cases"]}
    assert prefixes == {"PS", "PE", "NR", "CH"}


def test_journey_baseline_and_six_weeks():
    base, six = JOURNEY["baseline"], JOURNEY["follow_up_6_weeks"]
    sb = startback.score_items(base["startback"]["items_1_8"], base["startback"]["item9"])
    assert (sb.total, sb.subscales["psychosocial"], sb.category) == (
        base["startback"]["expected"]["total"], base["startback"]["expected"]["psychosocial"],
        base["startback"]["expected"]["risk"])
    before = odi.score_sections(base["odi"]["sections"])
    after = odi.score_sections(six["odi"]["sections"])
    assert before.total == Decimal(str(base["odi"]["expected"]["percent"]))
    assert before.category == base["odi"]["expected"]["band"]
    assert after.total == Decimal(str(six["odi"]["expected"]["percent"]))
    assert after.category == six["odi"]["expected"]["band"]
    expected = six["expected_change"]
    odi_change = change.change("ODI", before.total, after.total)
    assert odi_change.points == Decimal(str(expected["odi_points"]))
    assert odi_change.important_improvement is expected["odi_important_improvement"]
    nrs_change = change.change("NRS", base["nrs_back"], six["nrs_back"])
    assert nrs_change.points == expected["nrs_points"]
    assert nrs_change.important_improvement is expected["nrs_important_improvement"]
