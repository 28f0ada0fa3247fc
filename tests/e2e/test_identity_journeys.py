"""Identity in the browser (issue 11): a physiotherapist enrols an authenticator app and
logs in with it; registers a passkey with Chromium's virtual authenticator and logs in
with it; uses a recovery code once (a second use fails); a patient resets a forgotten
password from the login page. Every page is checked by axe-core, and no page asks another
host for anything (the QR code is an image in the page)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.utils import timezone

from tests.e2e.conftest import axe_checker, totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Fysio-identitet-2026"
NEW_PASSWORD = "Nytt-ryggvagt-2026"


@pytest.fixture
def physio(db):
    from battrerygg.accounts.models import Clinic, Role, StaffMembership, User
    from battrerygg.patients.models import CareRelation
    from battrerygg.patients.services import register_patient

    clinic = Clinic.objects.create(name="Vårdcentralen Identitet")
    user = User.objects.create_user("fysio.id@example.se", PASSWORD, role=Role.PHYSIOTHERAPIST,
                                    full_name="Frida Fysio")
    StaffMembership.objects.create(user=user, clinic=clinic)
    patient = register_patient(email="patient.id@example.se", password=PASSWORD,
                               full_name="Petra Patient", clinic=clinic,
                               episode_start=timezone.localdate())
    CareRelation.objects.create(physiotherapist=user, patient=patient, clinic=clinic)
    return user


def _password_step(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("main form[action$='/accounts/login/'] button[type=submit]")
    page.wait_for_load_state()


def _code_step(page, code: str) -> None:
    page.fill("#id_code", code)
    page.click("main form[action$='/2fa/authenticate/'] button[type=submit]")
    page.wait_for_load_state()


def _logout(page) -> None:
    page.click("header form[action$='/accounts/logout/'] button")
    page.wait_for_load_state()


def _shoot(page, artifacts, step: str) -> None:
    page.screenshot(path=str(artifacts / f"identity-{step}.png"), full_page=True)


def test_enrol_an_app_log_in_with_it_and_use_a_recovery_code_once(physio, open_page,
                                                                   artifacts):
    page, foreign = open_page(390)
    check, found = axe_checker(page)
    _password_step(page, physio.email)
    # no second factor yet: the dashboard sends the physiotherapist to enrol one
    assert "/accounts/2fa/" in page.url and "Petra Patient" not in page.content()
    check("enrol: two-step login page")
    _shoot(page, artifacts, "enrol")
    page.click("a[href$='/2fa/totp/activate/']")
    assert page.locator("img[src^='data:image/svg+xml']").count() == 1
    check("enrol: add an authenticator app")
    _shoot(page, artifacts, "add-app")
    secret = page.input_value("#authenticator_secret")
    page.fill("#id_code", "000000")
    page.click("main form button[type=submit]")
    assert "Koden är fel eller har redan använts." in page.content()
    check("enrol: wrong code")
    page.fill("#id_code", totp_code(secret))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/accounts/2fa/recovery-codes/")
    codes = page.locator("ul.recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    check("recovery codes")
    _shoot(page, artifacts, "recovery-codes")
    page.goto("/clinic/patients/")
    assert "Petra Patient" in page.content()  # enrolling counted as the second factor
    _logout(page)

    _password_step(page, physio.email)
    assert page.url.endswith("/accounts/2fa/authenticate/")
    check("second step")
    _shoot(page, artifacts, "second-step")
    _code_step(page, totp_code(secret, step=1))
    page.goto("/clinic/patients/")
    assert "Petra Patient" in page.content()
    _logout(page)

    _password_step(page, physio.email)
    _code_step(page, codes[0])
    page.goto("/clinic/patients/")
    assert "Petra Patient" in page.content()
    _logout(page)
    _password_step(page, physio.email)
    _code_step(page, codes[0])
    assert "Koden är fel eller har redan använts." in page.content()
    page.goto("/clinic/patients/")
    assert "Petra Patient" not in page.content()
    assert found == {} and foreign == []


def test_register_a_passkey_and_log_in_with_it(physio, open_page):
    page, foreign = open_page(1280)
    check, found = axe_checker(page)
    refused = []  # what the Content Security Policy blocked (nothing: no inline script)
    page.on("console", lambda m: refused.append(m.text)
            if "Content Security Policy" in m.text else None)
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True,
        "automaticPresenceSimulation": True}})
    _password_step(page, physio.email)
    page.goto("/accounts/2fa/webauthn/add/")
    check("add a passkey")
    page.fill("#id_name", "Jobbdatorn")
    assert page.is_checked("#id_passwordless")
    page.click("#mfa_webauthn_add")
    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    page.goto("/accounts/2fa/webauthn/")
    assert "Jobbdatorn" in page.content()
    check("passkey list")
    page.goto("/clinic/patients/")
    assert "Petra Patient" in page.content()
    _logout(page)

    page.goto("/accounts/login/")
    check("login page with passkey")
    page.click("#passkey_login")
    page.wait_for_url("**/clinic/")
    page.goto("/clinic/patients/")
    assert "Petra Patient" in page.content()  # a passkey is both steps
    _logout(page)

    _password_step(page, physio.email)  # the password, then the passkey as second step
    assert page.url.endswith("/accounts/2fa/authenticate/")
    check("second step with a passkey")
    page.click("#mfa_webauthn_authenticate")
    page.wait_for_url("**/clinic/")
    page.goto("/clinic/patients/")
    assert "Petra Patient" in page.content()
    assert found == {} and foreign == [] and refused == []
    # the access log names each login's method (audit.auth_events)
    from battrerygg.audit.models import AuditEvent

    logins = AuditEvent.objects.filter(what="auth.login", actor=physio).order_by("seq")
    assert [r.object_id for r in logins] == ["password", "passkey", "password+webauthn"]
    added = AuditEvent.objects.filter(what="auth.authenticator.added", actor=physio)
    assert "webauthn" in {r.object_id for r in added}


def test_a_patient_resets_a_forgotten_password_from_the_login_page(physio, open_page):
    page, foreign = open_page(390)
    check, found = axe_checker(page)
    page.goto("/accounts/login/")
    page.click("text=Glömt lösenordet?")
    check("forgot password")
    page.fill("#id_email", "patient.id@example.se")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "Titta i din e-post" in page.content()
    check("check your e-mail")
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mail.outbox[-1].body)
    page.goto(link.group(0))
    check("choose a new password")
    page.fill("#id_password1", "password123")
    page.fill("#id_password2", "password123")
    page.click("main form button[type=submit]")
    assert "errorlist" in page.content()
    check("new password refused")
    page.fill("#id_password1", NEW_PASSWORD)
    page.fill("#id_password2", NEW_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "Ditt nya lösenord är sparat" in page.content()
    page.goto(link.group(0))
    assert "Länken fungerar inte" in page.content()
    check("used link")
    _password_step(page, "patient.id@example.se", NEW_PASSWORD)
    assert page.url.endswith("/")
    page.goto("/diary/")
    assert page.url.endswith("/diary/")
    assert found == {} and foreign == []
