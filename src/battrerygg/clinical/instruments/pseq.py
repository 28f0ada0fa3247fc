"""Pain Self-Efficacy Questionnaire (PSEQ) (SPEC C4).

Structure: ten items, each how confident one is of doing something despite the pain,
rated 0 (not at all) to 6 (completely). Total 0–60; higher means more confidence.
Missing items: all ten are required; with any unanswered there is no score
(``missing_reason="incomplete"``). Values outside 0–6 are refused (AnswerError).
Interpretation in plain words only (no risk group): totals below ``LOW_BELOW`` = 40 are
read as low confidence, following Nicholas et al. 2008, where patients under 40 had less
lasting gains.

Source: Nicholas MK. The pain self-efficacy questionnaire: taking pain into account.
Eur J Pain 2007;11:153–163; Nicholas MK, Asghari A, Blyth FM. What do the numbers mean?
Eur J Pain 2008;12:1036–1043.
Licence: © Michael K. Nicholas. The official wording is not shipped; a clinic installs it
under its licence.
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
    Result,
    sum_of,
)

ITEM_MAX = 6
LOW_BELOW = 40


class Confidence(StrEnum):
    LOW = "low"  # total < 40
    HIGHER = "higher"  # total ≥ 40


def _score(answers: Mapping[str, str]) -> Result:
    answered = sum(1 for item in INSTRUMENT.items if answers.get(item.link_id))
    if answered < len(INSTRUMENT.items):
        return Result(total=None, missing_reason="incomplete", answered=answered)
    total = sum_of(INSTRUMENT.items, answers)
    category = Confidence.LOW if total < LOW_BELOW else Confidence.HIGHER
    return Result(total=Decimal(total), category=category.value, answered=answered)


INSTRUMENT = Instrument(
    id="pseq", version="2007", name="PSEQ", licence=Licence.LICENSED,
    items=tuple(Item(f"p{n}", ItemType.INTEGER, max_value=ITEM_MAX) for n in range(1, 11)),
    scorer=_score, max_total=60, lower_is_better=False,
    categories=tuple(c.value for c in Confidence),
)


def total_of(items: Sequence[int]) -> Result:
    """Score ten item values 0–6. Raises AnswerError out of range or when not ten."""
    if len(items) != len(INSTRUMENT.items):
        raise AnswerError("incomplete")
    answers = {}
    for item, value in zip(INSTRUMENT.items, items, strict=True):
        if isinstance(value, bool) or value not in range(ITEM_MAX + 1):
            raise AnswerError("out_of_range", item.link_id)
        answers[item.link_id] = str(value)
    return INSTRUMENT.score(answers)
