"""The Keele STarT Back Screening Tool (SPEC C4, T1: risk stratification).

Structure: nine items. Items 1–8 are agree (1) / disagree (0). Item 9 (how bothersome the
back pain has been in the last two weeks) has five options and scores 1 only for "very
much" or "extremely". Total 0–9; the psychosocial subscale is items 5–9 (0–5).
Risk groups: total ≤ 3 → low; otherwise psychosocial ≥ 4 → high; otherwise medium.
Missing items: all nine are required; with any unanswered there is no score
(``missing_reason="incomplete"``), since the cut-offs assume a complete form.

Source: Hill JC, Dunn KM, Lewis M, et al. A primary care back pain screening tool:
identifying patient subgroups for initial treatment. Arthritis Rheum 2008;59:632–641.
Swedish version: Betten C, Sandell C, Hill JC, Gutke A. Cross-cultural adaptation and
validation of the Swedish STarT Back Screening Tool. Eur J Physiother 2015;17:29–36.
LOINC 91349-1 (panel).
Licence: © Keele University. The official wording is not shipped; a clinic installs it
under its licence (docs/questionnaire-wording.md). This module holds only the structure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import StrEnum

from battrerygg.clinical.instruments.base import (
    AnswerError,
    Instrument,
    Item,
    ItemType,
    Licence,
    Option,
    Result,
    Subscale,
    sum_of,
)


class Risk(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


LOW_MAX_TOTAL = 3  # total ≤ 3 → low risk
HIGH_MIN_PSYCHOSOCIAL = 4  # psychosocial ≥ 4 → high risk (when total ≥ 4)

AGREEMENT = (Option("agree", 1), Option("disagree", 0))
BOTHERSOME = (
    Option("not_at_all", 0),
    Option("slightly", 0),
    Option("moderately", 0),
    Option("very_much", 1),
    Option("extremely", 1),
)
AGREE_ITEMS = tuple(f"sb{n}" for n in range(1, 9))
PSYCHOSOCIAL = ("sb5", "sb6", "sb7", "sb8", "sb9")


def risk_of(total: int, psychosocial: int) -> Risk:
    """Risk group from the total (0–9) and the psychosocial subscale (0–5)."""
    if not (0 <= total <= 9 and 0 <= psychosocial <= 5 and psychosocial <= total):
        raise ValueError("STarT Back total is 0-9 and the psychosocial subscale 0-5")
    if total <= LOW_MAX_TOTAL:
        return Risk.LOW
    if psychosocial >= HIGH_MIN_PSYCHOSOCIAL:
        return Risk.HIGH
    return Risk.MEDIUM


def _score(answers: Mapping[str, str]) -> Result:
    answered = sum(1 for item in INSTRUMENT.items if answers.get(item.link_id))
    if answered < len(INSTRUMENT.items):
        return Result(total=None, missing_reason="incomplete", answered=answered)
    total = sum_of(INSTRUMENT.items, answers)
    psychosocial = sum_of(INSTRUMENT.items, answers, PSYCHOSOCIAL)
    return Result(
        total=Decimal(total), subscales={"psychosocial": Decimal(psychosocial)},
        category=risk_of(total, psychosocial).value, answered=answered,
    )


INSTRUMENT = Instrument(
    id="startback", version="1.0", name="STarT Back", licence=Licence.LICENSED,
    items=(
        *(Item(link_id, ItemType.CHOICE, AGREEMENT, max_value=1) for link_id in AGREE_ITEMS),
        Item("sb9", ItemType.CHOICE, BOTHERSOME, max_value=1),
    ),
    subscales=(Subscale("psychosocial", PSYCHOSOCIAL),),
    scorer=_score, max_total=9, loinc="91349-1", categories=tuple(r.value for r in Risk),
)


def score_items(items_1_8: Sequence[int], item9: str) -> Result:
    """Score from items 1–8 as 0/1 (1 = agree) and item 9's option code.

    Raises AnswerError for a value other than 0/1 or an unknown item-9 code.
    """
    if len(items_1_8) != 8:
        raise AnswerError("incomplete")
    answers: dict[str, str] = {}
    for link_id, value in zip(AGREE_ITEMS, items_1_8, strict=True):
        if value not in (0, 1) or isinstance(value, bool):
            raise AnswerError("out_of_range", link_id)
        answers[link_id] = "agree" if value == 1 else "disagree"
    answers["sb9"] = item9
    return INSTRUMENT.score(answers)
