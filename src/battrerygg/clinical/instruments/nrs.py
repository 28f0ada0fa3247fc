"""Numeric rating scale (NRS) of back pain and of leg pain (SPEC C4).

One item: an integer 0 (no pain) to 10 (worst imaginable pain); the score is the answer.
No answer, no score. Source: the 11-point NRS as recommended for low back pain outcome
measurement (Dworkin RH et al., IMMPACT, Pain 2005;113:9–19; Ostelo RWJG et al., Spine
2008;33:90–94 for the clinically important change, see ``change``).
LOINC 72514-3 (Pain severity - 0-10 verbal numeric rating [Score] - Reported).
Licence: the NRS is in the public domain; the question is in our own words (sv, en).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from battrerygg.clinical.instruments.base import (
    Instrument,
    Item,
    ItemType,
    Licence,
    Result,
    Scorer,
)

NRS_MIN = 0
NRS_MAX = 10
LOINC = "72514-3"


def validate(value: object) -> int:
    """An NRS value: an integer 0–10 (not a bool, not a float). Raises ValueError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("NRS is an integer 0-10")
    if not NRS_MIN <= value <= NRS_MAX:
        raise ValueError("NRS is an integer 0-10")
    return value


def _scorer(link_id: str) -> Scorer:
    def score(answers: Mapping[str, str]) -> Result:
        answer = answers.get(link_id)
        if not answer:
            return Result(total=None, missing_reason="incomplete")
        return Result(total=Decimal(validate(int(answer))), answered=1)

    return score


def _instrument(id_: str, name: str) -> Instrument:
    link_id = "pain"
    return Instrument(
        id=id_, version="1", name=name, licence=Licence.OWN,
        items=(Item(link_id, ItemType.INTEGER, min_value=NRS_MIN, max_value=NRS_MAX),),
        scorer=_scorer(link_id), max_total=NRS_MAX, loinc=LOINC, change_measure="NRS",
    )


BACK = _instrument("nrs_back", "NRS")
LEG = _instrument("nrs_leg", "NRS")
