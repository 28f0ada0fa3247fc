"""A patient answers the journey's baseline STarT Back and ODI in the browser on a phone
(390 px), leaves the ODI half-way and resumes it, and checks the result pages; then
answers the 6-week ODI the physiotherapist assigned and sees the change (C6). Without
JavaScript for the ODI. Screenshots at 390 and 1280 px, in Swedish and English."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.e2e.conftest import login
from tests.shared import load_case_file

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

JOURNEY = load_case_file("journey-anna-refined.json")
TZ = ZoneInfo("Europe/Stockholm")
PASSWORD = "Anna-proms-2026"
EMAIL = "anna.proms@example.se"
CODES = {1: "agree", 0: "disagree"}


@pytest.fixture
def anna(db):
    from tests.proms.helpers import patient_in_care
    from tests.proms.wording import install_sample_wording

    install_sample_wording(["startback", "odi"])  # made-up, as a licensed clinic installs it
    return patient_in_care(EMAIL, PASSWORD, date(2026, 3, 9), full_name="Anna Exempel")


def start(page, instrument: str) -> None:
    page.goto("/")
    page.click(f"form:has(input[name=instrument][value={instrument}]) button[type=submit]")
    page.wait_for_load_state()


def choose(page, code: str) -> None:
    page.click(f"label:has(input[name=answer][value='{code}'])")


def next_(page) -> None:
    page.click("button[name=go][value=next]")
    page.wait_for_load_state()


def answer_odi(page, sections, first: int = 1) -> None:
    for n, value in enumerate(sections[first - 1:], start=first):
        assert page.locator("label[for=progress]").inner_text() == f"Fråga {n} av 10"
        if value is not None:
            choose(page, str(value))
        next_(page)


def test_answer_resume_and_results(browser, live_server, open_page, anna, artifacts):
    patient, physio = anna
    base, six = JOURNEY["baseline"], JOURNEY["follow_up_6_weeks"]
    with time_machine.travel(datetime(2026, 3, 9, 10, 0, tzinfo=TZ), tick=True):
        page, foreign = open_page(390)
        login(page, EMAIL, PASSWORD)
        assert "Formulär att svara på" in page.content()
        page.screenshot(path=artifacts / "proms-start-sv-390.png", full_page=True)

        # STarT Back, one question per screen, with a step back on the way.
        start(page, "startback")
        assert "Påhittad fråga sb1 om zebror" in page.content()  # the installed wording
        assert "inte installerad" not in page.content()
        page.screenshot(path=artifacts / "proms-question-sv-390.png", full_page=True)
        codes = [CODES[v] for v in base["startback"]["items_1_8"]] + [base["startback"]["item9"]]
        for n, code in enumerate(codes, start=1):
            choose(page, code)
            if n == 3:
                page.click("button[name=go][value=back]")
                page.wait_for_load_state()
                assert page.locator("label[for=progress]").inner_text() == "Fråga 2 av 9"
                assert page.is_checked(f"input[name=answer][value={codes[1]}]")
                next_(page)
                choose(page, code)
            next_(page)
        assert "Kontrollera dina svar" in page.content()
        page.screenshot(path=artifacts / "proms-summary-sv-390.png", full_page=True)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        html = page.content()
        assert "med stöd av din fysioterapeut" in html
        assert "Tankar och känslor (fråga 5–9): 2 av 5." in html
        assert page.locator(".score").inner_text() == "5"
        page.screenshot(path=artifacts / "proms-result-startback-sv-390.png", full_page=True)

    with time_machine.travel(datetime(2026, 3, 9, 18, 0, tzinfo=TZ), tick=True):
        # ODI without JavaScript: leave half-way, come back, resume.
        page, foreign2 = open_page(390, javascript=False)
        login(page, EMAIL, PASSWORD)
        start(page, "odi")
        answer_odi(page, base["odi"]["sections"][:5])
        page.goto("/")
        assert "5 av 10 besvarade" in page.content()
        start(page, "odi")  # "Fortsätt"
        assert page.locator("label[for=progress]").inner_text() == "Fråga 6 av 10"
        page.click("button[name=go][value=back]")
        page.wait_for_load_state()
        assert page.is_checked(f"input[name=answer][value='{base['odi']['sections'][4]}']")
        next_(page)
        answer_odi(page, base["odi"]["sections"], first=6)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        html = page.content()
        assert page.locator(".score").inner_text() == "36"
        assert "Måttlig funktionsnedsättning" in html
        page.screenshot(path=artifacts / "proms-result-odi-sv-390.png", full_page=True)

    from battrerygg.proms.services import assign_questionnaire

    assign_questionnaire(patient, "odi", date.fromisoformat(six["date"]), actor=physio)
    with time_machine.travel(datetime(2026, 4, 20, 9, 0, tzinfo=TZ), tick=True):
        page, foreign3 = open_page(390)
        login(page, EMAIL, PASSWORD)
        assert "Från din fysioterapeut" in page.content()
        start(page, "odi")
        answer_odi(page, six["odi"]["sections"])
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        html = page.content()
        assert page.locator(".score").inner_text() == "14"
        assert "Minimal funktionsnedsättning" in html
        assert "Från 36 vid start till 14 nu (\u221222)." in html
        assert "Det är en tydlig förbättring." in html
        page.screenshot(path=artifacts / "proms-change-sv-390.png", full_page=True)
        result_path = page.url
        page.goto("/questionnaires/history/odi/")
        assert page.locator("svg.chart circle").count() == 2
        page.screenshot(path=artifacts / "proms-history-sv-390.png", full_page=True)
        for width in (1280,):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=artifacts / f"proms-history-sv-{width}.png", full_page=True)
        page.click("button[name=language][value=en]")
        page.wait_for_load_state()
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(result_path)
            assert "This is a clear improvement." in page.content()
            page.screenshot(path=artifacts / f"proms-change-en-{width}.png", full_page=True)
            page.goto("/questionnaires/history/odi/")
            page.screenshot(path=artifacts / f"proms-history-en-{width}.png", full_page=True)
            page.goto("/questionnaires/")
            page.screenshot(path=artifacts / f"proms-index-en-{width}.png", full_page=True)
        page.goto("/questionnaires/")
    assert foreign == foreign2 == foreign3 == []
