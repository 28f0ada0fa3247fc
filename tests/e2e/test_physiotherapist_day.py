"""A physiotherapist's day on the demo data, in chromium (issue 5's acceptance test).

At 08:30 on a Monday the demo is loaded; the physiotherapist logs in, creates a new patient,
assesses them (red flags, classification, STarT Back from the paper form, baseline NRS),
enrols them with consent and sends the invitation, prescribes three exercises and books
them into the demo's group education session at 14:00. At 14:10 they mark attendance, then
open the dashboard: the demo's patients built to show each reason are flagged with it.
Screenshots: test-artifacts/day-<step>-<width>.png (390 and 1280 px)."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from battrerygg.clinical.red_flags import Sign
from tests.e2e.conftest import axe_checker, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MORNING = datetime(2026, 5, 11, 6, 30, tzinfo=UTC)  # Monday 08:30 in Stockholm
AFTER_SESSION_START = datetime(2026, 5, 11, 12, 10, tzinfo=UTC)  # 14:10 in Stockholm
PASSWORD = "BattreRygg-demo-2026"
STARTBACK_MEDIUM = {**{f"sb{n}": "agree" if n <= 4 else "disagree" for n in range(1, 9)},
                    "sb9": "slightly"}
EXERCISES = [  # (slug, sets, repetitions, minutes, times a week)
    ("backenlyft", "2", "8", "", "3"),
    ("katten-och-kon", "2", "10", "", "5"),
    ("promenad", "", "", "20", "4"),
]
REASON_LABELS = {"red_flag": "Varningstecken", "negative_emotions": "Negativa känslor",
                 "load": "Belastning", "high_baseline": "Smärta i vila",
                 "morning_pain_rising": "Morgonsmärta", "not_settling": "Inte bättre",
                 "overdue": "Frågeformulär", "silent": "Dagbok"}


def shoot(page, artifacts, step: str) -> None:
    """Screenshots at phone and desktop width, then back to desktop."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(artifacts / f"day-{step}-{width}.png"), full_page=True)


def test_a_physiotherapists_day(open_page, artifacts):
    from battrerygg.clinic.demo import PATIENTS
    from battrerygg.groups.models import Booking, GroupSession
    from battrerygg.patients.models import Patient
    from battrerygg.programme.models import Prescription

    page, foreign = open_page(1280)
    check, violations = axe_checker(page)
    with time_machine.travel(MORNING, tick=True) as clock:
        call_command("demo", stdout=io.StringIO())
        login(page, "fysio@example.se", PASSWORD)
        assert page.url.endswith("/clinic/")  # staff land on their dashboard
        check("dashboard, morning")

        # A new patient: registered, assessed, enrolled with consent and invited.
        page.goto("/clinic/patients/")
        page.click("text=Ny patient")
        page.fill("#id_full_name", "Lisa Nyström")
        page.fill("#id_email", "lisa@example.se")
        page.fill("#id_personnummer", "19811218-9876")
        page.click("main button[type=submit]")
        # the same answer whether the person was new or registered elsewhere; then the
        # patient is in the list
        page.wait_for_url(re.compile(r"/clinic/patients/new/$"))
        page.goto("/clinic/patients/")
        page.click("main a:has-text('Lisa Nyström')")
        page.click("main a:has-text('Bedömning')")
        page.wait_for_url(re.compile(r"/clinic/patients/[0-9a-f-]+/assessment/$"))
        ref = re.search(r"/clinic/patients/([0-9a-f-]+)/", page.url).group(1)
        for sign in Sign:
            page.check(f"input[name={sign.value}][value=no]")
        page.check("input[name=classification][value=non_specific]")
        for link_id, code in STARTBACK_MEDIUM.items():
            page.check(f"input[name=startback__{link_id}][value={code}]")
        page.check("input[name=nrs_back__pain][value='6']")
        page.check("input[name=nrs_leg__pain][value='2']")
        page.fill("#id_note", "Ländryggssmärta sedan två veckor, lyfter mycket i jobbet.")
        page.click("main form.assessment button[type=submit]")
        page.wait_for_selector("[data-pathway=physiotherapy]")
        assert "Medelhög risk" in page.inner_text("main")
        shoot(page, artifacts, "1-assessment")
        check("assessment")
        page.click("text=Gå vidare till samtycke och inskrivning")
        page.click("text=Registrera samtycke och skriv in")  # without the consent box first
        assert "samtycke" in page.inner_text("main").lower()
        patient = Patient.objects.get(ref=ref)
        assert not patient.consents.exists()
        page.check("#id_consent")
        page.click("text=Registrera samtycke och skriv in")
        page.wait_for_selector("[data-consent=active]")
        page.click("text=Bjud in med e-post")
        page.wait_for_selector(".messages")
        assert [m.to for m in mail.outbox] == [["lisa@example.se"]]
        shoot(page, artifacts, "2-enrolled")

        # Three exercises prescribed.
        page.click(".care-links >> text=Träningsprogram")
        for slug, sets, reps, minutes, per_week in EXERCISES:
            page.select_option("#id_exercise", slug)
            page.fill("#id_sets", sets)
            page.fill("#id_repetitions", reps)
            page.fill("#id_minutes", minutes)
            page.fill("#id_frequency_per_week", per_week)
            page.click("#prescribe button[type=submit]")
            page.wait_for_load_state()
        assert sorted(Prescription.objects.filter(patient=patient, ended_at__isnull=True)
                      .values_list("exercise", flat=True)) == sorted(e[0] for e in EXERCISES)
        shoot(page, artifacts, "3-programme")
        check("programme")

        # Booked into today's group education session.
        education = GroupSession.objects.get(kind="education", starts_at__date="2026-05-11")
        page.click(".care-links >> text=Grupptillfällen")
        page.check(f"input[name=session][value='{education.pk}']")
        page.click("main form button:has-text('Boka')")
        page.wait_for_load_state()
        assert "Patienten är bokad." in page.inner_text("main")
        booking = Booking.objects.get(session=education, patient=patient)
        assert booking.status == "booked"
        shoot(page, artifacts, "4-booked")

        # After the session has started: attendance.
        clock.move_to(AFTER_SESSION_START)
        page.goto(f"/clinic/groups/{education.pk}/")
        page.check(f"input[name=attended-{booking.pk}][value=yes]")
        page.click("text=Spara närvaro")
        page.wait_for_load_state()
        assert "Närvaron är sparad." in page.inner_text("main")
        booking.refresh_from_db()
        assert booking.attended == "yes"
        shoot(page, artifacts, "5-attendance")
        check("attendance")

        # The dashboard: each demo patient built for a reason shows it.
        page.click("header nav >> text=Översikt")
        items = page.locator("ol.attention > li")
        for reason, (_email, name, _days, _story) in PATIENTS.items():
            item = items.filter(has=page.get_by_role("heading", name=name))
            assert item.count() == 1, f"{name} ({reason}) is not flagged"
            kinds = [k.lower() for k in item.locator(".reason-kind").all_inner_texts()]
            assert kinds[0] == REASON_LABELS[reason].lower(), (name, kinds)
        assert "Lisa Nyström" not in page.locator("ol.attention").inner_text()
        shoot(page, artifacts, "6-dashboard")
        check("dashboard, afternoon")
        page.click("text=Greta Påhittad")
        assert "Kontroll av varningstecken" in page.inner_text("main")
        shoot(page, artifacts, "7-timeline")
        check("timeline")
    assert violations == {}
    assert list(foreign) == []
