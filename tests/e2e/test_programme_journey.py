"""The programme in the browser: the physiotherapist prescribes an exercise and progresses
it one step; the patient opens "Mitt träningsprogram" and logs a session with pain; the
physiotherapist sees it with the C1 advice. Screenshots of the patient's programme and of
the library at 390 and 1280 px go to test-artifacts/programme-*.png."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_checker, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_prescribe_progress_and_log_a_session(cast, open_page, artifacts):
    from battrerygg.diary.models import ActivityEntry
    from battrerygg.programme.models import Prescription

    page, foreign = open_page(1280)
    check, violations = axe_checker(page)
    login(page, "physio@example.se", PASSWORD)
    page.goto(f"/clinic/patients/{cast.patient.ref}/programme/")
    page.select_option("#id_exercise", "backenlyft")
    page.fill("#id_sets", "2")
    page.fill("#id_repetitions", "8")
    page.fill("#id_frequency_per_week", "3")
    page.fill("#id_notes", "Lugnt tempo")
    page.fill("#id_sets", "0")
    page.click("#prescribe button[type=submit]")
    page.wait_for_load_state()
    assert "Antal set ska vara ett heltal från 1 till 10." in page.content()
    check("prescribe form errors")
    page.fill("#id_sets", "2")
    page.click("#prescribe button[type=submit]")
    page.wait_for_load_state()
    assert "Övningen är ordinerad." in page.content()
    page.click("button:has-text('Öka ett steg')")
    page.wait_for_load_state()
    assert "Dosen ökades ett steg." in page.content()
    assert "Nivå 1 · 2 × 10 repetitioner · 3 gånger i veckan" in page.content()
    check("staff programme")
    page.goto("/clinic/exercises/")
    check("library")
    page.screenshot(path=str(artifacts / "programme-library-1280.png"), full_page=True)
    page.goto("/clinic/exercises/backenlyft/")
    check("exercise")
    page.screenshot(path=str(artifacts / "programme-exercise-1280.png"), full_page=True)

    for width in (390, 1280):
        patient, _ = open_page(width)
        login(patient, "anna@example.se", PASSWORD)
        patient.goto("/exercises/")
        assert "Den här veckan: 0 av 3 pass" in patient.content() or width == 1280
        if width == 390:
            patient.click("text=Logga ett pass")
            patient_check, patient_violations = axe_checker(patient)
            patient_check("log form")
            patient.check("input[name=pain_baseline][value='2']", force=True)
            patient.check("input[name=pain_during][value='4']", force=True)
            patient.check("input[name=pain_after][value='2']", force=True)
            patient.click("button:has-text('Spara')")
            patient.wait_for_load_state()
            assert "Ditt pass är sparat." in patient.content()
            patient.goto("/exercises/")
            assert "Den här veckan: 1 av 3 pass" in patient.content()
            patient_check("patient programme")
            assert patient_violations == {}
        patient.screenshot(path=str(artifacts / f"programme-patient-{width}.png"),
                           full_page=True)
    small, _ = open_page(390)
    login(small, "physio@example.se", PASSWORD)
    small.goto("/clinic/exercises/")
    small.screenshot(path=str(artifacts / "programme-library-390.png"), full_page=True)
    small.screenshot(path=str(artifacts / "programme-library-390-top.png"))
    small.goto(f"/clinic/patients/{cast.patient.ref}/programme/")
    assert "24-timmarsvärde saknas" in small.content()  # C1: waiting for the 24-h value
    assert "Förslag: vänta på 24-timmarsvärdet" in small.content()
    small.screenshot(path=str(artifacts / "programme-staff-390.png"), full_page=True)
    page.goto(f"/clinic/patients/{cast.patient.ref}/programme/")
    page.screenshot(path=str(artifacts / "programme-staff-1280.png"), full_page=True)

    entry = ActivityEntry.objects.get()
    assert entry.prescription == Prescription.objects.get()
    assert not foreign
    assert violations == {}
