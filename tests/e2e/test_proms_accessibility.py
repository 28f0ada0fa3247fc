"""WCAG 2.1 A/AA checks (axe-core) on every questionnaire page: a choice, a 0–10 scale and
a text question, a question with its error, the summary, a result with the change from
baseline and the chart over time; at 390 and 1280 px, in Swedish and English."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import axe_checker, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Axe-proms-2026"


@pytest.fixture
def pages(db):
    from battrerygg.proms import services
    from tests.proms.helpers import answer, patient_in_care

    today = timezone.localdate()
    p, physio = patient_in_care("axe.proms@example.se", PASSWORD, today - timedelta(days=10))
    start = today - timedelta(days=10)
    answer(p, "nrs_back", {"pain": "6"}, day=start)
    task = services.assign_questionnaire(p, "nrs_back", today, actor=physio)
    later = answer(p, "nrs_back", {"pain": "3"}, day=today, timepoint="assigned",
                   assignment=task)
    sb = answer(p, "startback", {}, day=today, submit=False)
    leg = answer(p, "nrs_leg", {}, day=today, submit=False)
    psfs_task = services.assign_questionnaire(p, "psfs", today, actor=physio)
    psfs = answer(p, "psfs", {"a1": "Cykla"}, day=today, timepoint="assigned",
                  assignment=psfs_task, submit=False)
    return {
        "/": None, "/questionnaires/": None,
        f"/questionnaires/{sb.pk}/1/": None,
        f"/questionnaires/{leg.pk}/1/": None,
        f"/questionnaires/{psfs.pk}/1/": None,
        f"/questionnaires/{psfs.pk}/summary/": None,
        f"/questionnaires/{later.pk}/result/": None,
        "/questionnaires/history/nrs_back/": None,
    }, sb


@pytest.mark.parametrize("width", [390, 1280])
def test_no_axe_violations_on_questionnaire_pages(pages, open_page, width, artifacts):
    paths, sb = pages
    page, foreign = open_page(width)
    check, found = axe_checker(page)
    login(page, "axe.proms@example.se", PASSWORD)
    for language in ("sv", "en"):
        if language == "en":
            page.click("button[name=language][value=en]")
        for path in paths:
            page.goto(path)
            check(f"{language} {path}")
        page.goto(f"/questionnaires/{sb.pk}/1/")
        page.click("button[name=go][value=next]")  # no answer: the error is shown
        page.wait_for_load_state()
        assert page.locator("[role=alert]").count() == 1
        check(f"{language} question with error")
        page.screenshot(path=artifacts / f"proms-error-{language}-{width}.png", full_page=True)
        page.goto(list(paths)[3])
        page.screenshot(path=artifacts / f"proms-scale-{language}-{width}.png", full_page=True)
    assert found == {}
    assert foreign == []
