"""FHIR R4 Questionnaire and QuestionnaireResponse of our questionnaires (SPEC T7).

Codes are bound here, in one place: LOINC panels where they exist (STarT Back 91349-1,
ODI 97908-8, NRS 72514-3), our own code system per instrument for answer codes. The
resources are plain dicts shaped like FHIR; the tests validate them with
``fhir.resources.R4B``. No personnummer leaves through these: the subject is a reference
to our patient resource id only.

Item text: the installed official wording in ``language`` when the clinic has it, else our
own wording (NRS, PSFS) or the construct description (licensed instruments).
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.instruments.base import Instrument, ItemType
from battrerygg.proms import display, queries
from battrerygg.proms.models import Response

BASE = "https://battrerygg.se/fhir"
LOINC = "http://loinc.org"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
ITEM_TYPES = {ItemType.CHOICE: "choice", ItemType.INTEGER: "integer",
              ItemType.STRING: "string"}


def fhir_id(instrument: Instrument) -> str:
    """FHIR ids allow letters, digits, '-' and '.': nrs_back → nrs-back."""
    return instrument.id.replace("_", "-")


def questionnaire_url(instrument: Instrument) -> str:
    return f"{BASE}/Questionnaire/{fhir_id(instrument)}"


def answer_system(instrument: Instrument) -> str:
    return f"{BASE}/CodeSystem/{fhir_id(instrument)}-answers"


def questionnaire(instrument: Instrument, language: str = "sv") -> dict[str, Any]:
    """The instrument's definition as a Questionnaire resource."""
    with translation.override(language):
        wording = queries.wording(instrument, language)
        items = []
        for view in display.all_items(instrument, wording):
            item = view.item
            entry: dict[str, Any] = {
                "linkId": item.link_id,
                "text": view.text,
                "type": ITEM_TYPES[item.type],
                "required": item.required,
            }
            if instrument.id.startswith("nrs_"):
                entry["code"] = [{"system": LOINC, "code": "72514-3"}]
            if item.type is ItemType.CHOICE:
                entry["answerOption"] = [
                    {
                        "valueCoding": {"system": answer_system(instrument), "code": code,
                                        "display": label},
                        "extension": [{"url": ORDINAL,
                                       "valueDecimal": float(item.option(code).value)}],
                    }
                    for code, label in view.options
                ]
            elif item.type is ItemType.INTEGER:
                entry["extension"] = [
                    {"url": MIN_VALUE, "valueInteger": item.min_value},
                    {"url": MAX_VALUE, "valueInteger": item.max_value},
                ]
            elif item.type is ItemType.STRING:
                entry["maxLength"] = 200
            items.append(entry)
        resource: dict[str, Any] = {
            "resourceType": "Questionnaire",
            "id": fhir_id(instrument),
            "url": questionnaire_url(instrument),
            "version": instrument.version,
            "title": str(display.title_of(instrument, wording)),
            "status": "active",
            "language": language,
            "subjectType": ["Patient"],
            "item": items,
        }
        if instrument.loinc:
            resource["code"] = [{"system": LOINC, "code": instrument.loinc}]
        if wording is not None:
            resource["copyright"] = wording.licence_holder
        return resource


def questionnaire_response(found: Response) -> dict[str, Any]:
    """A response as a QuestionnaireResponse (completed when sent, else in-progress)."""
    instrument = REGISTRY[found.instrument]
    answers = []
    for item in instrument.items:
        value = found.answers.get(item.link_id)
        if not value:
            continue
        if item.type is ItemType.CHOICE:
            answer: dict[str, Any] = {"valueCoding": {
                "system": answer_system(instrument), "code": value}}
        elif item.type is ItemType.INTEGER:
            answer = {"valueInteger": int(value)}
        else:
            answer = {"valueString": value}
        answers.append({"linkId": item.link_id, "answer": [answer]})
    authored = found.submitted_at or found.updated_at
    return {
        "resourceType": "QuestionnaireResponse",
        "id": f"response-{found.pk}",
        "questionnaire": f"{questionnaire_url(instrument)}|{instrument.version}",
        "status": "completed" if found.submitted else "in-progress",
        "subject": {"reference": f"Patient/patient-{found.patient_id}"},
        "authored": authored.isoformat(),
        "item": answers,
    }
