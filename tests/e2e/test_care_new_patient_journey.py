"""A physiotherapist's new patient in the browser, on a phone and a desktop: register,
assess with the STarT Back answers entered from the paper form, enrol with consent and
invite by e-mail; the patient follows the link, chooses a password and logs in.
Screenshots go to test-artifacts/care-<step>-<width>.png."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from battrerygg.clinical.red_flags import Sign
from tests.e2e.conftest import axe_checker, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Fysio-lösen-2026"
PATIENT_PASSWORD = "Cecilias-rygg-2026"
# Medium risk: items 1–4 agree, 5–8 disagree, item 9 "slightly" (total 4, psychosocial 0).
STARTBACK = {**{f"sb{n}": "agree" if n <= 4 else "disagree" for n in range(1, 9)},
             "sb9": "slightly"}


@pytest.fixture
def physio(db):
    from battrerygg.accounts.models import Clinic, Role, StaffMembership, User

    user = User.objects.create_user(email="fysio@example.se", password=PASSWORD,
                                    role=Role.PHYSIOTHERAPIST, full_name="Frida Fysio")
    StaffMembership.objects.create(user=user, clinic=Clinic.objects.create(name="Rygghuset"))
    return user


CHECKS: dict = {}


def shot(page, artifacts, step: str, width: int) -> None:
    """Screenshot the page and run axe-core's WCAG 2.1 A/AA rules on it."""
    page.screenshot(path=str(artifacts / f"care-{step}-{width}.png"), full_page=True)
    check, found = axe_checker(page)
    check(step)
    CHECKS.update({f"{step}-{width}": violations for violations in found.values()})


@pytest.mark.parametrize("width", [390, 1280])
def test_new_patient_assessed_enrolled_and_invited(physio, open_page, artifacts, width):
    page, foreign = open_page(width)
    login(page, "fysio@example.se", PASSWORD)

    page.goto("/clinic/patients/new/")
    page.fill("#id_full_name", "Cecilia Ny")
    page.fill("#id_email", "cecilia@example.se")
    page.fill("#id_personnummer", "19811218-9876")
    shot(page, artifacts, "1-new-patient", width)
    page.click("main button[type=submit]")
    # the same answer whether the person was new or registered elsewhere
    page.wait_for_url(re.compile(r"/clinic/patients/new/$"))
    assert "Klart. En ny patient finns nu i din patientlista." in page.inner_text("main")
    page.goto("/clinic/patients/")
    page.click("main a:has-text('Cecilia Ny')")
    page.click("main a:has-text('Bedömning')")
    page.wait_for_url(re.compile(r"/clinic/patients/[0-9a-f-]+/assessment/$"))
    assert "19811218-****" in page.content() and "9876" not in page.url

    for sign in Sign:
        page.check(f"input[name={sign.value}][value=no]")
    page.check("input[name=classification][value=non_specific]")
    for link_id, code in STARTBACK.items():
        page.check(f"input[name=startback__{link_id}][value={code}]")
    page.check("input[name=nrs_back__pain][value='6']")
    page.check("input[name=nrs_leg__pain][value='2']")
    page.fill("#id_note", "Ont i ländryggen sedan tre veckor, arbetar som undersköterska.")
    shot(page, artifacts, "2-assessment-form", width)
    page.click("main form.assessment button[type=submit]")
    page.wait_for_selector("[data-pathway=physiotherapy]")
    text = page.inner_text("main")
    assert "Medelhög risk" in text and "Fysioterapiprogram med handledd träning" in text
    shot(page, artifacts, "3-assessment", width)

    page.click("text=Gå vidare till samtycke och inskrivning")
    assert "Det är frivilligt att vara med." in page.inner_text("main")
    page.check("#id_consent")
    shot(page, artifacts, "4-consent", width)
    page.click("text=Registrera samtycke och skriv in")
    page.wait_for_selector("[data-consent=active]")
    page.click("text=Bjud in med e-post")
    page.wait_for_selector(".messages")
    shot(page, artifacts, "5-invited", width)

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/invite/\S+/", message.body).group(0)
    patient_page, _ = open_page(width)
    patient_page.goto(link)
    patient_page.fill("#id_new_password1", PATIENT_PASSWORD)
    patient_page.fill("#id_new_password2", PATIENT_PASSWORD)
    shot(patient_page, artifacts, "6-choose-password", width)
    patient_page.click("main button[type=submit]")
    patient_page.wait_for_url(re.compile(r"/invite/done/$"))
    patient_page.goto(link)
    assert "Länken fungerar inte längre." in patient_page.inner_text("main")
    shot(patient_page, artifacts, "7-link-used", width)
    login(patient_page, "cecilia@example.se", PATIENT_PASSWORD)
    assert "Hej Cecilia Ny" in patient_page.inner_text("main")
    shot(patient_page, artifacts, "8-patient-start", width)
    assert not foreign
    assert {k: v for k, v in CHECKS.items() if k.endswith(f"-{width}")} == {}
