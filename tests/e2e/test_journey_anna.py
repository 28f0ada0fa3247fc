"""../shared/cases/journey-anna-refined.json entered through the browser, as Anna would.

The test controls the clock (time-machine moves the server's time; the live server runs
in this process): each diary entry is logged when the activity ends, and its 24-hour value
is given the next morning from the start page. The advice shown must equal `expected`.
The clocks go forward on 2026-03-29: the entry of the evening before is asked about at
07:00 CEST, not before.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.clinical.red_flags import Sign
from tests.e2e.conftest import login
from tests.shared import load_case_file

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

JOURNEY = load_case_file("journey-anna-refined.json")
TZ = ZoneInfo(JOURNEY["patient"]["timezone"])
PASSWORD = "Anna-journey-2026"
FOLLOW_UP_AT = time(8, 0)  # Anna answers the next morning at 08:00


def local(day: str | date, at: str | time) -> datetime:
    d = date.fromisoformat(day) if isinstance(day, str) else day
    t = time.fromisoformat(at) if isinstance(at, str) else at
    return datetime.combine(d, t, tzinfo=TZ)


def events():
    """(moment, action, index) for every log and follow-up, in time order."""
    out = []
    for i, item in enumerate(JOURNEY["diary"]):
        start = local(item["local_date"], item["local_time"])
        end = start + timedelta(minutes=item["minutes"])
        out.append((end, "log", i))
        out.append((local(start.date() + timedelta(days=1), FOLLOW_UP_AT), "follow_up", i))
    return sorted(out, key=lambda e: (e[0], e[1] == "log"))


def visit(page, path: str) -> None:
    """Go to a page, logging in again first if the session has expired overnight."""
    page.goto(path)
    if page.locator("form[action='/accounts/logout/']").count() == 0:
        login(page, "anna.journey@example.se", PASSWORD)
        page.goto(path)


def choose_pain(page, field_id: str, value: int) -> None:
    page.click(f"label[for={field_id}_{value}]")


@pytest.fixture
def anna(db):
    from battrerygg.patients.services import register_patient

    info = JOURNEY["patient"]
    return register_patient(
        email="anna.journey@example.se", password=PASSWORD, full_name=info["name"],
        personnummer=info["personnummer"], language=info["language"],
        episode_start=date.fromisoformat(JOURNEY["episode_start"]),
    )


def test_journey(anna, open_page, artifacts):
    first = JOURNEY["diary"][0]
    start_at = local(JOURNEY["episode_start"], "08:30")
    entry_ids: dict[int, int] = {}
    with time_machine.travel(start_at, tick=True) as clock:
        page, foreign = open_page(1280)
        login(page, "anna.journey@example.se", PASSWORD)
        assert page.locator("html").get_attribute("lang") == "sv"

        # The red-flag check: "no" to every warning sign → self-care.
        page.goto("/red-flags/")
        for sign in Sign:
            answer = "yes" if JOURNEY["red_flag_check"]["answers"].get(sign.value) else "no"
            page.check(f"input[name={sign.value}][value={answer}]")
        page.click("main button[type=submit]")
        outcome = page.locator("[data-outcome]").get_attribute("data-outcome")
        assert outcome == JOURNEY["red_flag_check"]["expected"]

        for moment, action, i in events():
            item = JOURNEY["diary"][i]
            expected = item["expected"]
            label = f"{item['local_date']} {item['activity']}"
            if action == "log":
                clock.move_to(moment)
                visit(page, "/diary/new/")
                page.select_option("#id_kind", item["activity"])
                page.fill("#id_local_date", item["local_date"])
                page.fill("#id_local_time", item["local_time"])
                page.fill("#id_minutes", str(item["minutes"]))
                choose_pain(page, "id_pain_baseline", item["pain"]["baseline"])
                choose_pain(page, "id_pain_during", item["pain"]["during"])
                choose_pain(page, "id_pain_after", item["pain"]["after"])
                page.click("main form button[type=submit]")
                advice = page.locator("#advice")
                assert advice.get_attribute("data-zone") == expected["zone"], label
                # Known at once: pain during or right after raised above the baseline into
                # the high-risk zone (above 5 with the default limits; SPEC C1 refined).
                pain = item["pain"]
                provoked = any(p > 5 and p > pain["baseline"]
                               for p in (pain["during"], pain["after"]))
                at_once = "reduce" if provoked else "await_24h"
                assert advice.get_attribute("data-advice") == at_once, label
                entry_ids[i] = int(page.url.rstrip("/").split("/")[-1])
            else:
                pk = entry_ids[i]
                if moment.date() == date(2026, 3, 29):
                    # Spring forward: at 06:50 CEST the follow-up is not yet due.
                    clock.move_to(local(moment.date(), "06:50"))
                    visit(page, "/")
                    assert page.locator(f"form[data-entry='{pk}']").count() == 0, label
                clock.move_to(moment)
                visit(page, "/")
                form = page.locator(f"form[data-entry='{pk}']")
                assert form.count() == 1, f"24-hour question not on the start page: {label}"
                choose_pain(page, f"id_due{pk}_pain_24h", item["pain"]["at_24h"])
                form.locator("button[type=submit]").click()
                # With JavaScript, htmx swaps the question for the advice in place.
                advice = page.locator(f"[data-result-for='{pk}']")
                assert advice.get_attribute("data-advice") == expected["advice"], label
                assert advice.get_attribute("data-zone") == expected["zone"], label
                back = str(expected["back_to_baseline"]).lower()
                assert advice.get_attribute("data-back") == back, label

        # The history shows every entry with the expected advice.
        page.goto("/diary/")
        for i, item in enumerate(JOURNEY["diary"]):
            cell = page.locator(f"tr[data-entry='{entry_ids[i]}'] .advice-cell")
            assert cell.get_attribute("data-advice") == item["expected"]["advice"]
        assert page.locator("svg.chart circle").count() >= len(JOURNEY["diary"])

        for language in ("sv", "en"):
            if language == "en":
                page.click("button[name=language][value=en]")
                page.wait_for_load_state()
            assert page.locator("html").get_attribute("lang") == language
            for width in (390, 1280):
                page.set_viewport_size({"width": width, "height": 900})
                page.goto("/diary/")
                page.screenshot(path=artifacts / f"diary-{language}-{width}.png", full_page=True)
        assert foreign == [], f"requests to other hosts: {foreign}"
    assert first["local_date"] == JOURNEY["episode_start"]


def test_entries_are_instants_shown_in_stockholm(anna, log_activity):
    """Stored as UTC instants; local date and time as Anna meant them, across DST."""
    from datetime import UTC

    winter = log_activity(anna, date(2026, 3, 28), hour=20)
    summer = log_activity(anna, date(2026, 3, 29), hour=10)
    assert winter.started_at.astimezone(UTC) == datetime(2026, 3, 28, 19, 0, tzinfo=UTC)
    assert summer.started_at.astimezone(UTC) == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert winter.local_start.hour == 20 and summer.local_start.hour == 10
    assert winter.follow_up_due_at.astimezone(TZ) == local("2026-03-29", "07:00")
