"""Logging in with the region's e-ID, in chromium, through the real test provider
(tests/oidc_provider): a physiotherapist (SITHS: HSA-id, a second factor the broker vouched
for) lands on the dashboard, a patient (BankID: the personal identity number claim) on
their start page; an unknown number is refused with a clear message and nothing is
created. Screenshots: test-artifacts/sso-<step>.png."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.e2e.conftest import axe_checker
from tests.oidc_provider.fixture import HSA_CLAIM, PNR_CLAIM
from tests.sso import flow

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"
BUTTON = "Logga in med e-legitimation via regionen"


@pytest.fixture
def sso(settings, oidc_provider, live_server):
    oidc_provider.allow_redirect_uri(f"{live_server.url}{flow.CALLBACK_PATH}")
    flow.configure(settings, oidc_provider)
    return oidc_provider


def _counts():
    from allauth.socialaccount.models import SocialAccount

    from battrerygg.accounts.models import User
    from battrerygg.patients.models import Patient

    return (User.objects.count(), Patient.objects.count(), SocialAccount.objects.count())


def _log_in_with_e_id(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_role("button", name=BUTTON).click()
    page.wait_for_selector("text=Test e-ID provider")  # the broker's own page
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_a_physiotherapist_and_a_patient_log_in_with_e_id(open_page, artifacts, cast, sso):
    flow.give_confirmed_hsa_id(cast.physio, "SE2321000016-F001")
    sso.add_user("e2e-physio", "pw-physio", {HSA_CLAIM: "SE2321000016-F001", "acr": LOA3})
    sso.add_user("e2e-anna", "pw-anna", {PNR_CLAIM: "191212121212"})

    page, _ = open_page(1280)
    check, violations = axe_checker(page)
    page.goto("/accounts/login/")
    check("login page with the e-ID button")
    page.screenshot(path=str(artifacts / "sso-login-page.png"), full_page=True)
    _log_in_with_e_id(page, "e2e-physio", "pw-physio")
    assert page.url.endswith("/clinic/"), page.url  # staff land on their dashboard
    assert "Anna Exempel" in page.content()  # patient data: the second factor counted
    page.screenshot(path=str(artifacts / "sso-physio-dashboard.png"), full_page=True)
    page.goto(f"{flow.LOGIN_PATH}")  # the confirmation page (a GET of the login URL)
    check("e-ID confirmation page")
    assert not violations, violations

    page, _ = open_page(390)
    _log_in_with_e_id(page, "e2e-anna", "pw-anna")
    assert urlparse(page.url).path == "/", page.url  # the patient's start page
    assert "Anna Exempel" in page.locator("h1").inner_text()
    assert page.get_by_role("button", name="Logga ut").is_visible()
    page.screenshot(path=str(artifacts / "sso-patient-start.png"), full_page=True)


def test_an_unknown_number_is_refused_and_nothing_is_created(open_page, artifacts, cast, sso):
    sso.add_user("e2e-stranger", "pw", {PNR_CLAIM: "198112189876"})
    before = _counts()
    page, _ = open_page(1280)
    check, violations = axe_checker(page)
    _log_in_with_e_id(page, "e2e-stranger", "pw")
    check("refusal page")
    assert not violations, violations
    assert page.get_by_role("heading", name="Vi hittade dig inte").is_visible()
    assert page.get_by_role("alert").inner_text().startswith(
        "Ditt personnummer finns inte registrerat")
    assert page.get_by_role("link", name="Logga in").is_visible()  # still logged out
    page.screenshot(path=str(artifacts / "sso-refused.png"), full_page=True)
    assert _counts() == before


def test_no_e_id_button_without_configuration(open_page, cast):
    page, _ = open_page(1280)
    page.goto("/accounts/login/")
    assert page.get_by_role("button", name=BUTTON).count() == 0
