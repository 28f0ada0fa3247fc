"""Shared shapes of a questionnaire: its items, answer options, subscales and its score.

An instrument is a definition (``Instrument``) plus a pure scoring function. Answers are
given per item as text, keyed by the item's ``link_id`` (the FHIR linkId): the option's
``code`` for a choice item, the number written out (e.g. ``"7"``) for an integer item, free
text for a text item. ``Instrument.check_answer`` turns a raw answer into a valid one or
raises ``AnswerError`` with a code that the interfaces translate.

Rounding: scores that are not whole numbers are rounded to one decimal, half up
(``round_half_up``), using exact decimal arithmetic, so 35.55… becomes 35.6 and 0.05
becomes 0.1 (never binary floating-point rounding).

Wording: the definition holds no item wording at all. Our own wording (NRS, PSFS) and the
short construct descriptions of licensed instruments live in the translation layer
(``battrerygg.proms.texts``); the official wording of a licensed instrument is installed
by a clinic under its licence (docs/questionnaire-wording.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

MAX_TEXT = 200  # characters of a free-text answer
MAX_DIGITS = 6  # digits of a number answer (no item needs more; refuses absurd input early)


class ItemType(StrEnum):
    """Kinds of item (named as in FHIR R4 Questionnaire.item.type)."""

    CHOICE = "choice"  # one of the options
    INTEGER = "integer"  # a whole number between min_value and max_value
    STRING = "string"  # short free text


class Licence(StrEnum):
    """Whether we may ship the instrument's wording."""

    OWN = "own"  # our own wording ships (sv, en)
    LICENSED = "licensed"  # official wording belongs to its owner; installed by the clinic


class AnswerError(ValueError):
    """A raw answer that does not fit the item. ``code`` names the problem:
    unknown_item, unknown_option, not_a_number, out_of_range, too_long, required."""

    def __init__(self, code: str, link_id: str = "") -> None:
        super().__init__(f"{code}: {link_id}" if link_id else code)
        self.code = code
        self.link_id = link_id


@dataclass(frozen=True)
class Option:
    """An answer option: ``code`` is stored and exported; ``value`` is what it scores."""

    code: str
    value: int


@dataclass(frozen=True)
class Item:
    """One question. ``required`` items must be answered before the form can be sent;
    ``reversed`` items score ``max - answer``; ``scored`` is False for items that do not
    count in the total (e.g. a PSFS activity's name)."""

    link_id: str
    type: ItemType
    options: tuple[Option, ...] = ()
    min_value: int = 0
    max_value: int = 10
    required: bool = True
    reversed: bool = False
    scored: bool = True

    def option(self, code: str) -> Option:
        for option in self.options:
            if option.code == code:
                return option
        raise AnswerError("unknown_option", self.link_id)

    def value_of(self, answer: str) -> int:
        """The score of a checked answer (reversal applied). Text items score nothing."""
        if self.type is ItemType.CHOICE:
            value = self.option(answer).value
        elif self.type is ItemType.INTEGER:
            value = int(answer)
        else:
            raise AnswerError("unscored", self.link_id)
        return self.max_value - value if self.reversed else value


@dataclass(frozen=True)
class Subscale:
    """A named subset of items whose scores are summed."""

    id: str
    link_ids: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """The score of a set of answers.

    total: None when there is no score; then ``missing_reason`` says why (a code:
    ``incomplete`` — a required item is unanswered; ``too_many_unanswered`` — more items
    are missing than the instrument's rule allows; ``no_activity`` — PSFS without any).
    category: the interpretation's code (risk group, band), or None.
    """

    total: Decimal | None
    subscales: Mapping[str, Decimal] = field(default_factory=dict)
    category: str | None = None
    missing_reason: str | None = None
    answered: int = 0


Scorer = Callable[[Mapping[str, str]], Result]


@dataclass(frozen=True)
class Instrument:
    """A questionnaire's definition.

    id: our stable identifier (URL and storage). version: of the instrument, as exported.
    name: the instrument's proper name (not translated). loinc: LOINC panel code, if any.
    max_total: highest possible total (for charts). lower_is_better: True when a falling
    score is an improvement. change_measure: the measure name of ``change`` (C6) or None.
    """

    id: str
    version: str
    name: str
    licence: Licence
    items: tuple[Item, ...]
    scorer: Scorer
    max_total: int
    subscales: tuple[Subscale, ...] = ()
    loinc: str | None = None
    lower_is_better: bool = True
    change_measure: str | None = None
    categories: tuple[str, ...] = ()

    def item(self, link_id: str) -> Item:
        for item in self.items:
            if item.link_id == link_id:
                return item
        raise AnswerError("unknown_item", link_id)

    @property
    def link_ids(self) -> tuple[str, ...]:
        return tuple(item.link_id for item in self.items)

    def check_answer(self, link_id: str, raw: str) -> str | None:
        """A raw answer made valid: stripped text, or None for an empty optional answer.

        Raises AnswerError: unknown_item, unknown_option, not_a_number, out_of_range,
        too_long, required (an empty answer to a required item).
        """
        item = self.item(link_id)
        text = raw.strip()
        if not text:
            if item.required:
                raise AnswerError("required", link_id)
            return None
        if item.type is ItemType.CHOICE:
            return item.option(text).code
        if item.type is ItemType.INTEGER:
            digits = text[1:] if text.startswith("-") else text
            if not (digits.isascii() and digits.isdigit()) or len(digits) > MAX_DIGITS:
                raise AnswerError("not_a_number", link_id)
            number = int(text)
            if not item.min_value <= number <= item.max_value:
                raise AnswerError("out_of_range", link_id)
            return str(number)
        if len(text) > MAX_TEXT:
            raise AnswerError("too_long", link_id)
        return text

    def check_answers(self, answers: Mapping[str, str]) -> dict[str, str]:
        """Every answer checked (empty optional answers dropped). Raises AnswerError."""
        checked: dict[str, str] = {}
        for link_id, raw in answers.items():
            value = self.check_answer(link_id, raw) if raw.strip() else None
            if value is None:
                self.item(link_id)  # unknown items are refused even when empty
                continue
            checked[link_id] = value
        return checked

    def unanswered_required(self, answers: Mapping[str, str]) -> list[str]:
        return [i.link_id for i in self.items if i.required and not answers.get(i.link_id)]

    def score(self, answers: Mapping[str, str]) -> Result:
        """Check the answers (AnswerError if one is invalid), then score them."""
        return self.scorer(self.check_answers(answers))


def round_half_up(value: Decimal, places: int = 1) -> Decimal:
    """Round to ``places`` decimals, halves away from zero (35.55 → 35.6)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def sum_of(instrument_items: tuple[Item, ...], answers: Mapping[str, str],
           link_ids: tuple[str, ...] | None = None) -> int:
    """Sum of the scored values of the answered items (all, or those in ``link_ids``)."""
    total = 0
    for item in instrument_items:
        if not item.scored or (link_ids is not None and item.link_id not in link_ids):
            continue
        answer = answers.get(item.link_id)
        if answer:
            total += item.value_of(answer)
    return total
