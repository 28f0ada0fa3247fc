"""The journey's two balance check-ins entered in the browser, as Anna would, on a phone
and a desktop, in Swedish and English: the scale tips the expected way, the text says the
same, and the suggestions name the weakest capacities and heaviest loads. Screenshots go
to test-artifacts/balance-<date>-<lang>-<width>.png."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
import time_machine

from battrerygg.clinical.balance import Capacity, Load
from tests.e2e.conftest import login
from tests.shared import load_case_file

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

JOURNEY = load_case_file("journey-anna-refined.json")
PASSWORD = "Anna-balance-2026"
HEADINGS = {
    "sv": {"loads_heavier": "Belastningarna väger tyngre än kapaciteten",
           "capacity_greater": "Kapaciteten väger tyngre än belastningarna"},
    "en": {"loads_heavier": "The loads weigh more than the capacity",
           "capacity_greater": "The capacity outweighs the loads"},
}
LABELS = {
    "sv": {"posture": "Hållning", "strength": "Styrka", "flexibility": "Smidighet och rörlighet",
           "fitness": "Allmän kondition", "physical": "Fysisk belastning",
           "negative_emotions": "Negativa känslor", "stress": "Vardagsstress",
           "worrying_thoughts": "Oroande tankar om ryggen"},
    "en": {"posture": "Posture", "strength": "Strength", "flexibility": "Flexibility and mobility",
           "fitness": "General fitness", "physical": "Physical load",
           "negative_emotions": "Negative emotions", "stress": "Everyday stress",
           "worrying_thoughts": "Worrying thoughts about the back"},
}


@pytest.fixture
def anna(db):
    from battrerygg.patients.services import register_patient

    return register_patient(
        email="anna.balance@example.se", password=PASSWORD, full_name="Anna Exempel",
        episode_start=date.fromisoformat(JOURNEY["episode_start"]),
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_balance_checkins(anna, open_page, artifacts, width):
    page, foreign = open_page(width)
    for number, checkin in enumerate(JOURNEY["balance_checkins"]):
        day = date.fromisoformat(checkin["local_date"])
        with time_machine.travel(datetime.combine(day, time(19), tzinfo=anna.tz), tick=True):
            login(page, "anna.balance@example.se", PASSWORD)
            if page.locator("html").get_attribute("lang") != "sv":
                page.click("button[name=language][value=sv]")
            page.goto("/")
            page.click("text=Gör en balanskoll")
            for name, value in checkin["capacity"].items():
                page.click(f"label[for=id_{name}_{value}]")
            for name, value in checkin["loads"].items():
                page.click(f"label[for=id_load_{name}_{value}]")
            page.click("main form button[type=submit]")
            page.wait_for_load_state()
            tilt = checkin["expected_tilt"]
            for language in ("sv", "en"):
                if language == "en":
                    page.click("button[name=language][value=en]")
                    page.wait_for_load_state()
                assert page.locator(f"svg.balance-scale.tilt-{tilt}").count() == 1
                description = page.locator("svg.balance-scale desc").text_content()
                assert description.startswith(HEADINGS[language][tilt])
                assert HEADINGS[language][tilt] in page.locator("figcaption").inner_text()
                # The drawing: the heavier side's pan hangs lower.
                y1 = float(page.locator("svg.balance-scale line").last.get_attribute("y1"))
                y2 = float(page.locator("svg.balance-scale line").last.get_attribute("y2"))
                assert (y2 > y1) if tilt == "loads_heavier" else (y1 > y2)
                kickers = page.locator(".suggestion .kicker").all_inner_texts()
                cap, loads = checkin["capacity"], checkin["loads"]
                weakest = sorted(Capacity, key=lambda f: (cap[f.value], list(Capacity).index(f)))
                heaviest = sorted(Load, key=lambda f: (-loads[f.value], list(Load).index(f)))
                weakest = [f for f in weakest if cap[f.value] <= 6][:2]  # needs work
                heaviest = [f for f in heaviest if loads[f.value] >= 4][:2]
                named = [LABELS[language][f.value] for f in (*weakest, *heaviest)]
                assert [k.split(" · ")[1].rsplit(" ", 1)[0] for k in kickers] == named
                page.screenshot(path=artifacts / f"balance-{number + 1}-{language}-{width}.png",
                                full_page=True)
            page.click("button[name=language][value=sv]")
            page.click("form[action='/accounts/logout/'] button")
    with time_machine.travel(datetime(2026, 4, 20, 9, tzinfo=anna.tz), tick=True):
        login(page, "anna.balance@example.se", PASSWORD)
        page.goto("/balance/")
        assert page.locator("#history-title").count() == 1
        assert page.locator("table.stack tbody tr").count() == 2
        page.screenshot(path=artifacts / f"balance-history-sv-{width}.png", full_page=True)
    assert list(foreign) == []
