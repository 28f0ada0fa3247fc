"""The login page with single sign-on: the e-ID button only when it is configured, and
staff passwords turned off (BATTRERYGG_OIDC_STAFF_PASSWORDS=false) while patients keep
theirs. The refusal page is translated and names no reason it does not know."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.oidc_provider.fixture import HSA_CLAIM
from tests.sso import flow

BUTTON_SV = "Logga in med e-legitimation via regionen"
BUTTON_EN = "Log in with your region's e-ID"


def test_no_button_without_configuration(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert BUTTON_SV not in page and flow.LOGIN_PATH not in page


def test_the_button_when_configured_in_both_languages(client, db, settings, oidc_provider):
    flow.configure(settings, oidc_provider)
    page = client.get("/accounts/login/?next=/diary/").content.decode()
    assert BUTTON_SV in page
    assert f'action="{flow.LOGIN_PATH}"' in page
    assert 'name="next" value="/diary/"' in page
    client.cookies["django_language"] = "en"
    assert BUTTON_EN in client.get("/accounts/login/").content.decode()


def test_the_button_keeps_where_the_person_was_going(client, cast, settings, oidc_provider):
    flow.configure(settings, oidc_provider)
    oidc_provider.add_user("anna-next", "pw", {
        "https://id.oidc.se/claim/personalIdentityNumber": "191212121212"})
    with flow.real_time():
        response = flow.start(client, next_url="/diary/")
        back = flow.provider_login(response["Location"], "anna-next", "pw")
        response = client.get(flow.callback_path(back))
    assert response["Location"] == "/diary/"


@pytest.fixture
def e_id_only(settings, oidc_provider):
    flow.configure(settings, oidc_provider, SSO_STAFF_PASSWORDS=False)
    return oidc_provider


def test_staff_passwords_off_refuses_a_staff_password_login(client, cast, e_id_only):
    response = client.post("/accounts/login/", {"login": "physio@example.se",
                                                "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/e-id/refused/staff_e_id_only/"
    page = client.get(response["Location"]).content.decode()
    assert "Personalkonton loggar inte längre in med lösenord här" in page
    assert client.get("/clinic/").status_code == 302  # not logged in


def test_staff_passwords_off_keeps_patients_passwords(client, cast, e_id_only):
    response = client.post("/accounts/login/", {"login": "anna@example.se",
                                                "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/diary/").status_code == 200


def test_staff_passwords_off_staff_log_in_with_e_id(client, cast, e_id_only):
    flow.give_confirmed_hsa_id(cast.physio, "SE2321000016-F001")
    e_id_only.add_user("physio-only-e-id", "pw", {
        HSA_CLAIM: "SE2321000016-F001", "acr": "http://id.elegnamnden.se/loa/1.0/loa3"})
    flow.sso_login(client, "physio-only-e-id", "pw")
    assert client.get("/clinic/").status_code == 200


def test_the_refusal_page(client, db):
    page = client.get("/accounts/e-id/refused/unknown_number/")
    assert page.status_code == 200
    assert "Vi hittade dig inte" in page.content.decode()
    client.cookies["django_language"] = "en"
    assert "We could not find you" in client.get(
        "/accounts/e-id/refused/unknown_number/").content.decode()
    assert client.get("/accounts/e-id/refused/anything-else/").status_code == 404
