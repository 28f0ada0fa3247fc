"""Oswestry Disability Index, version 2.1a (SPEC C4, T1).

Structure: ten sections (pain intensity, personal care, lifting, walking, sitting,
standing, sleeping, sex life, social life, travelling), each with six statements scored
0–5. Score (percent) = sum of the answered sections ÷ (5 × answered sections) × 100.

Missing sections (SPEC C4 refinement, turn 2): a section may be left unanswered (e.g. sex
life); with at most ``MAX_UNANSWERED`` = 1 unanswered the score is computed over the
answered sections (sum ÷ 45 × 100), the computation Fairbank & Pynsent (2000) give for one
missed section. With two or more unanswered there is no score
(``missing_reason="too_many_unanswered"``): the published method covers one missed section
only, and each further gap makes the percentage rest on fewer questions. An answer of 0
counts as answered (cases ODR03). Until turn 2 the product allowed two; stored results were
recomputed by the proms migration ``0002_odi_one_unanswered_section``.

Rounding: the percentage is rounded to one decimal, half up (16/45 × 100 = 35.555… →
35.6); the band is read from the rounded percentage.
Bands: 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippling, 81–100 bed-bound; a
rounded percentage strictly between two bands (e.g. 20.5) belongs to the higher band.

Source: Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine
2000;25:2940–2953 (v2.1a, scoring, bands). Swedish version: Mapi/Oswestry licensing.
LOINC 97908-8 (panel).
Licence: © Jeremy Fairbank, distributed by Mapi Research Trust. The official statements are
not shipped; a clinic installs them under its licence. Section topics are facts and are
named in our translation layer.
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
    round_half_up,
    sum_of,
)

SECTIONS = (
    "pain_intensity", "personal_care", "lifting", "walking", "sitting", "standing",
    "sleeping", "sex_life", "social_life", "travelling",
)
MAX_UNANSWERED = 1
STATEMENTS = tuple(Option(str(value), value) for value in range(6))


class Band(StrEnum):
    MINIMAL = "minimal"  # 0–20
    MODERATE = "moderate"  # 21–40
    SEVERE = "severe"  # 41–60
    CRIPPLING = "crippling"  # 61–80
    BED_BOUND = "bed_bound"  # 81–100


BAND_UPPER = ((20, Band.MINIMAL), (40, Band.MODERATE), (60, Band.SEVERE), (80, Band.CRIPPLING))


def band_of(percent: Decimal) -> Band:
    """Band of a percentage 0–100."""
    if not Decimal(0) <= percent <= Decimal(100):
        raise ValueError("ODI is 0-100")
    for upper, band in BAND_UPPER:
        if percent <= upper:
            return band
    return Band.BED_BOUND


def _score(answers: Mapping[str, str]) -> Result:
    answered = [item for item in INSTRUMENT.items if answers.get(item.link_id)]
    if len(INSTRUMENT.items) - len(answered) > MAX_UNANSWERED:
        return Result(total=None, missing_reason="too_many_unanswered", answered=len(answered))
    raw = sum_of(INSTRUMENT.items, answers)
    percent = round_half_up(Decimal(raw) * 100 / (5 * len(answered)))
    return Result(total=percent, category=band_of(percent).value, answered=len(answered))


INSTRUMENT = Instrument(
    id="odi", version="2.1a", name="ODI", licence=Licence.LICENSED,
    items=tuple(
        Item(section, ItemType.CHOICE, STATEMENTS, max_value=5, required=False)
        for section in SECTIONS
    ),
    scorer=_score, max_total=100, loinc="97908-8", change_measure="ODI",
    categories=tuple(b.value for b in Band),
)


def score_sections(sections: Sequence[int | None]) -> Result:
    """Score from ten section values 0–5 in the order of ``SECTIONS`` (None = unanswered).

    Raises AnswerError for a value outside 0–5 or not exactly ten sections.
    """
    if len(sections) != len(SECTIONS):
        raise AnswerError("incomplete")
    answers = {}
    for section, value in zip(SECTIONS, sections, strict=True):
        if value is None:
            continue
        if isinstance(value, bool) or value not in range(6):
            raise AnswerError("out_of_range", section)
        answers[section] = str(value)
    return INSTRUMENT.score(answers)
