"""A physiotherapist schedules a group education session, books a patient and, once the
session has started, marks attendance; the patient downloads the calendar file. Screenshots
(390 and 1280 px) of the group list, the form, the session, the material's slides and
the patient's page go to test-artifacts/groups-*.png; axe-core checks each page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from icalendar import Calendar

from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_checker, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MONDAY = datetime(2026, 4, 6, 8, 0, tzinfo=UTC)  # 10:00 in Stockholm
SESSION_START = datetime(2026, 4, 8, 12, 0, tzinfo=UTC)  # Wednesday 14:00 in Stockholm


def shoot(page, artifacts: Path, name: str) -> None:
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=artifacts / f"groups-{name}-{width}.png", full_page=True)


def test_group_session_journey(cast, open_page, artifacts, tmp_path):
    from battrerygg.groups.models import Booking, GroupSession

    page, foreign = open_page(1280)
    check, violations = axe_checker(page)
    with time_machine.travel(MONDAY, tick=True):
        login(page, cast.physio.email, PASSWORD)
        page.click("header nav >> text=Grupper")
        page.click("text=Planera ett grupptillfälle")
        page.check("input[name=kind][value=education]")
        page.fill("#id_title", "Ryggskola")
        page.fill("#id_date", "2026-04-08")
        page.fill("#id_starts", "14:00")
        page.fill("#id_ends", "15:30")
        page.fill("#id_place", "Samlingsrummet, plan 2")
        page.fill("#id_video_url", "https://video.example.se/ryggskola")
        page.fill("#id_capacity", "0")
        page.click("main form button[type=submit]")
        assert "Antalet platser måste vara från 1 till 50." in page.inner_text("main")
        check("form with errors")
        shoot(page, artifacts, "form")
        page.set_viewport_size({"width": 1280, "height": 900})
        assert not GroupSession.objects.exists()
        page.fill("#id_capacity", "10")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert "Grupptillfället är planerat." in page.inner_text("main")
        session = GroupSession.objects.get()
        assert session.starts_at == SESSION_START

        page.goto(f"/clinic/patients/{cast.patient.ref}/sessions/")
        page.check(f"input[name=session][value='{session.pk}']")
        page.click("main form button:has-text('Boka')")
        page.wait_for_load_state()
        assert "Patienten är bokad." in page.inner_text("main")
        check("patient's sessions")
        assert Booking.objects.get().status == "booked"

        page.goto("/clinic/groups/")
        assert "1 av 10 bokade" in page.inner_text("main")
        shoot(page, artifacts, "list")
        check("list")
        page.click("text=Ryggskola")
        assert "Anna Exempel" in page.inner_text("main")
        assert "Närvaro kan markeras när grupptillfället har börjat." in page.inner_text("main")
        shoot(page, artifacts, "session")
        check("session")
        page.click("text=Visa undervisningsmaterialet")
        page.set_viewport_size({"width": 1280, "height": 800})
        page.click("#slide-1 >> text=Nästa")
        page.wait_for_function("location.hash === '#slide-2'")
        for number in (2, 5, 7):
            page.goto(f"/clinic/groups/material/#slide-{number}")
            for width, height in ((390, 844), (1280, 800)):
                page.set_viewport_size({"width": width, "height": height})
                page.locator(f"#slide-{number}").screenshot(
                    path=artifacts / f"groups-slide-{number}-{width}.png")
        check("material")

        patient_page, _ = open_page(390)
        login(patient_page, cast.patient.user.email, PASSWORD)
        patient_page.click("header nav >> text=Grupptillfällen")
        assert "Samlingsrummet, plan 2" in patient_page.inner_text("main")
        shoot(patient_page, artifacts, "patient")
        check_patient, patient_violations = axe_checker(patient_page)
        check_patient("my sessions")
        with patient_page.expect_download() as info:
            patient_page.click("text=Lägg in i kalendern (.ics)")
        path = tmp_path / "session.ics"
        info.value.save_as(path)
        (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert event.decoded("DTSTART") == SESSION_START
        assert str(event["URL"]) == "https://video.example.se/ryggskola"
        assert "191212121212" not in path.read_text()

    with time_machine.travel(SESSION_START + timedelta(minutes=10), tick=True):
        login(page, cast.physio.email, PASSWORD)
        page.goto(f"/clinic/groups/{session.pk}/")
        page.check(f"input[name=attended-{Booking.objects.get().pk}][value=yes]")
        page.click("text=Spara närvaro")
        page.wait_for_load_state()
        assert "Närvaron är sparad." in page.inner_text("main")
        assert Booking.objects.get().attended == "yes"
        shoot(page, artifacts, "attendance")
        check("attendance")

    plain, _ = open_page(390, javascript=False)  # the slides without JavaScript
    with time_machine.travel(MONDAY, tick=True):
        login(plain, cast.physio.email, PASSWORD)
        plain.goto("/clinic/groups/material/")
        plain.click("#slide-1 >> text=Nästa")
        assert plain.url.endswith("#slide-2")
        plain.click("#slide-2 >> text=Nästa")
        assert plain.url.endswith("#slide-3")
    assert violations == {} and patient_violations == {}
    assert list(foreign) == []
