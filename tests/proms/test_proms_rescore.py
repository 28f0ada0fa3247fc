"""The data migration of the ODI refinement (SPEC C4, turn 2): every stored result is
checked against the core's rule, and one sent with two unanswered sections (scored under
the old rule) loses its score and says why; the migration reports how many changed."""

from __future__ import annotations

import importlib
import logging
from datetime import date
from decimal import Decimal

from django.apps import apps

from battrerygg.proms.models import Response
from battrerygg.proms.rescore import rescore
from tests.proms.helpers import answer, odi_answers

DAY = date(2026, 3, 10)


def _old_rule_result(cast):
    """An ODI sent with two sections unanswered, as stored before the refinement."""
    found = answer(cast.patient, "odi", odi_answers([2] * 9 + [None]), day=DAY)
    answers = dict(found.answers)
    del answers["social_life"]  # now two unanswered: sex life... and social life
    Response.objects.filter(pk=found.pk).update(
        answers=answers, total=Decimal("40.0"), category="moderate")  # 16 / 40
    return found


def test_two_unanswered_sections_lose_their_score(cast, caplog):
    old = _old_rule_result(cast)
    nrs = answer(cast.patient, "nrs_back", {"pain": "6"}, day=DAY)
    with caplog.at_level(logging.INFO, logger="battrerygg.proms.rescore"):
        assert rescore(Response) == (2, 1)
    assert "rescored 2 sent questionnaires: 1 changed" in caplog.text
    old.refresh_from_db()
    assert (old.total, old.category, old.missing_reason) == (None, "", "too_many_unanswered")
    assert old.status == "submitted" and len(old.answers) == 8  # the answers are kept
    nrs.refresh_from_db()
    assert nrs.total == 6
    assert rescore(Response) == (2, 0)  # idempotent


def test_one_unanswered_section_keeps_its_score(cast):
    kept = answer(cast.patient, "odi", odi_answers([2] * 9 + [None]), day=DAY)
    assert kept.total == Decimal("40.0")  # 18 / 45
    assert rescore(Response, ["odi"]) == (1, 0)


def test_the_migration_reports_the_count(cast, capsys):
    _old_rule_result(cast)
    module = importlib.import_module("battrerygg.proms.migrations.0002_odi_one_unanswered_section")
    module.rescore_odi(apps, None)
    assert "checked against the one-unanswered-section rule: 1; changed: 1" in (
        capsys.readouterr().out)
