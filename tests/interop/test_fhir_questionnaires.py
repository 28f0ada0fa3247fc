"""SPEC T7: every instrument exports as a FHIR R4 Questionnaire and every response as a
QuestionnaireResponse that fhir.resources.R4B accepts; each answer's linkId exists in its
Questionnaire and its value type matches the item type."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from battrerygg.clinical.instruments import REGISTRY
from battrerygg.interop import fhir
from battrerygg.proms import services
from tests.proms.helpers import answer, odi_answers, startback_answers
from tests.proms.wording import sample_wording

VALUE_OF_TYPE = {"choice": "valueCoding", "integer": "valueInteger", "string": "valueString"}
EXAMPLES = {
    "nrs_back": {"pain": "6"},
    "nrs_leg": {"pain": "2"},
    "startback": startback_answers([1, 0, 1, 1, 1, 1, 0, 0], "moderately"),
    "odi": odi_answers([3, 1, 2, 2, 3, 2, 2, None, 2, 1]),
    "psfs": {"a1": "Sitta i bilen", "a1_score": "4", "a2_score": "6"},
    "orebro": {"o1": "3_6m", **{f"o{n}": "5" for n in range(2, 11)}},
    "pseq": {f"p{n}": "4" for n in range(1, 11)},
}
LOINC = {"startback": "91349-1", "odi": "97908-8", "nrs_back": "72514-3", "nrs_leg": "72514-3"}


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("instrument_id", list(REGISTRY))
def test_questionnaire_parses(db, instrument_id, language):
    resource = fhir.questionnaire(REGISTRY[instrument_id], language)
    parsed = Questionnaire.model_validate(resource)
    assert parsed.status == "active"
    assert [i.linkId for i in parsed.item] == list(REGISTRY[instrument_id].link_ids)
    if instrument_id in LOINC:
        codes = [c.code for c in (parsed.code or [])] + [
            c.code for i in parsed.item for c in (i.code or [])]
        assert LOINC[instrument_id] in codes


def test_installed_wording_is_exported_with_its_holder(db):
    services.install_wording([sample_wording("pseq")])
    resource = fhir.questionnaire(REGISTRY["pseq"], "sv")
    assert resource["item"][0]["text"] == "Påhittad fråga p1 om zebror"
    assert resource["copyright"] == "Testlicens AB"
    Questionnaire.model_validate(resource)


@time_machine.travel(datetime(2026, 3, 9, 12, tzinfo=UTC), tick=False)  # baseline window
def test_every_response_parses_and_matches_its_questionnaire(cast):
    p = cast.patient
    day = date(2026, 3, 9)
    responses = []
    for instrument_id, answers in EXAMPLES.items():
        if instrument_id in ("psfs", "orebro", "pseq"):
            task = services.assign_questionnaire(p, instrument_id, day, actor=cast.physio)
            responses.append(answer(p, instrument_id, answers, day=day, timepoint="assigned",
                                    assignment=task))
        else:
            responses.append(answer(p, instrument_id, answers, day=day))
    half = services.assign_questionnaire(p, "odi", day, actor=cast.physio)
    responses.append(answer(p, "odi", {"pain_intensity": "2"}, day=day,
                            timepoint="assigned", assignment=half, submit=False))
    checked = 0
    for found in responses:
        resource = fhir.questionnaire_response(found)
        parsed = QuestionnaireResponse.model_validate(resource)
        assert "19121212" not in str(resource)  # no personnummer leaves
        questionnaire = fhir.questionnaire(REGISTRY[found.instrument])
        types = {i["linkId"]: i["type"] for i in questionnaire["item"]}
        assert parsed.questionnaire.startswith(questionnaire["url"])
        for item in resource["item"]:
            assert item["linkId"] in types
            (value_key,) = item["answer"][0].keys()
            assert value_key == VALUE_OF_TYPE[types[item["linkId"]]]
            if value_key == "valueCoding":
                codes = {o["valueCoding"]["code"] for i in questionnaire["item"]
                         if i["linkId"] == item["linkId"] for o in i["answerOption"]}
                assert item["answer"][0]["valueCoding"]["code"] in codes
            checked += 1
    assert checked == sum(len(a) for a in EXAMPLES.values()) + 1
    assert fhir.questionnaire_response(responses[-1])["status"] == "in-progress"
    assert fhir.questionnaire_response(responses[0])["status"] == "completed"
