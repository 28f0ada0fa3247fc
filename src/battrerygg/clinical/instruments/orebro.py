"""Örebro Musculoskeletal Pain Screening Questionnaire, short form (ÖMPSQ-SF) (SPEC C4).

Structure: ten items. Item 1 asks how long the pain has lasted, in ten duration classes
scored 1–10; items 2–10 are rated 0–10. Three items ask about ability or expectation rather
than a problem and are reversed (score = 10 − answer): item 6 (how likely one is to be doing
normal work in a few months), item 9 (able to do light work for an hour) and item 10 (able
to sleep at night). Total 0–100 (in practice 1–100); higher means a higher risk of long-term
disability. Cut-off: a total of ``CUT_OFF`` = 50 or more → raised risk (Linton et al. 2011
proposed 50 as the cut-off for raised risk; we count 50 itself as raised, erring towards a
closer look).
Missing items: all ten are required; with any unanswered there is no score
(``missing_reason="incomplete"``).

Source: Linton SJ, Nicholas M, MacDonald S. Development of a short form of the Örebro
Musculoskeletal Pain Screening Questionnaire. Spine 2011;36:1891–1895 (items 6, 9, 10
reversed in the published scoring key).
Licence: © Steven J. Linton. The official wording is not shipped; a clinic installs it
under its licence. Duration classes are facts and are labelled in our own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum

from battrerygg.clinical.instruments.base import (
    Instrument,
    Item,
    ItemType,
    Licence,
    Option,
    Result,
    sum_of,
)

CUT_OFF = 50
REVERSED = ("o6", "o9", "o10")
DURATIONS = tuple(
    Option(code, value)
    for value, code in enumerate(
        ("0_1w", "1_2w", "3_4w", "4_5w", "6_8w", "9_11w", "3_6m", "6_9m", "9_12m", "over_1y"),
        start=1,
    )
)


class Risk(StrEnum):
    LOW = "low"  # total below the cut-off
    RAISED = "raised"  # total at or above the cut-off


def _score(answers: Mapping[str, str]) -> Result:
    answered = sum(1 for item in INSTRUMENT.items if answers.get(item.link_id))
    if answered < len(INSTRUMENT.items):
        return Result(total=None, missing_reason="incomplete", answered=answered)
    total = sum_of(INSTRUMENT.items, answers)
    return Result(
        total=Decimal(total), category=(Risk.RAISED if total >= CUT_OFF else Risk.LOW).value,
        answered=answered,
    )


INSTRUMENT = Instrument(
    id="orebro", version="SF 2011", name="Örebro (ÖMPSQ-SF)", licence=Licence.LICENSED,
    items=(
        Item("o1", ItemType.CHOICE, DURATIONS, min_value=1, max_value=10),
        *(
            Item(f"o{n}", ItemType.INTEGER, reversed=f"o{n}" in REVERSED)
            for n in range(2, 11)
        ),
    ),
    scorer=_score, max_total=100, categories=tuple(r.value for r in Risk),
)
