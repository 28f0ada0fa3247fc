"""Every step of the patient's loop works with JavaScript turned off, on a phone width,
and no page asks another host for anything."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.clinical.red_flags import Sign
from tests.e2e.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TZ = ZoneInfo("Europe/Stockholm")
PASSWORD = "No-script-2026"


@pytest.fixture
def patient(db):
    from battrerygg.patients.services import register_patient

    return register_patient(email="noscript@example.se", password=PASSWORD,
                            episode_start=date(2026, 5, 4))


def test_loop_without_javascript(patient, open_page, artifacts):
    with time_machine.travel(datetime(2026, 5, 4, 18, 0, tzinfo=TZ), tick=True) as clock:
        page, foreign = open_page(390, javascript=False)
        login(page, "noscript@example.se", PASSWORD)

        page.goto("/red-flags/")
        for sign in Sign:
            answer = "yes" if sign is Sign.CONSTANT_NIGHT_PAIN else "no"
            page.check(f"input[name={sign.value}][value={answer}]")
        page.click("main button[type=submit]")
        assert page.locator("[data-outcome]").get_attribute("data-outcome") == "seek_care_soon"

        page.goto("/diary/new/")
        page.select_option("#id_kind", "stair_climbing")
        page.fill("#id_local_date", "2026-05-04")
        page.fill("#id_local_time", "17:00")
        page.fill("#id_minutes", "10")
        for field, value in (("baseline", 2), ("during", 4), ("after", 3)):
            page.click(f"label[for=id_pain_{field}_{value}]")
        page.click("main form button[type=submit]")
        assert page.locator("#advice").get_attribute("data-advice") == "await_24h"

        clock.move_to(datetime(2026, 5, 5, 7, 30, tzinfo=TZ))
        page.goto("/")
        if page.locator("form[action='/accounts/logout/']").count() == 0:
            login(page, "noscript@example.se", PASSWORD)
        page.locator("form.due label", has_text="2").first.click()
        page.locator("form.due button[type=submit]").click()
        assert page.url.endswith(f"/diary/{patient.diary_entries.get().pk}/")  # no htmx
        assert page.locator("#advice").get_attribute("data-advice") == "keep"

        page.goto("/flare-up-plan/edit/")
        page.fill("#id_expected_days", "5")
        page.fill("#id_favourite_exercise", "bäckenlyft")
        page.click("main form button[type=submit]")
        assert "bäckenlyft" in page.content()
        page.goto("/flare-up-plan/print/")
        page.screenshot(path=artifacts / "plan-print-sv-390.png", full_page=True)
    assert foreign == []
