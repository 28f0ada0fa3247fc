"""Every item, answer option, category and missing-score reason of every instrument has
our text, so no page ever shows a bare code."""

from __future__ import annotations

from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.instruments.base import ItemType
from battrerygg.proms import texts


def test_every_instrument_is_described():
    for instrument in REGISTRY.values():
        assert instrument.id in texts.TITLES and instrument.id in texts.ABOUT
        assert instrument.id in texts.SCORE_MEANING
        for item in instrument.items:
            assert (instrument.id, item.link_id) in texts.QUESTIONS
            if item.type is ItemType.CHOICE and instrument.id != "odi":
                assert all(o.code in texts.OPTIONS for o in item.options), item.link_id
        for category in instrument.categories:
            assert (instrument.id, category) in texts.CATEGORIES


def test_every_reason_for_no_score_and_every_error_is_explained():
    assert set(texts.MISSING) == {"incomplete", "too_many_unanswered", "no_activity"}
    for code in ("unknown_option", "out_of_range", "not_a_number", "too_long", "required",
                 "unknown_item", "not_due", "already_submitted", "incomplete", "no_activity"):
        assert code in texts.ERRORS
