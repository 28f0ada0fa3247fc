"""E-ID logins through the real test provider with Django's test client: a patient by the
identity number claim, a physiotherapist by HSA-id (with and without a second factor the
broker vouched for), and every refusal: an unknown number, a wrong state, a wrong nonce,
a token of another issuer, a cancelled login. A refusal shows a translated page and
changes nothing."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from tests.oidc_provider.fixture import HSA_CLAIM, PNR_CLAIM, start_provider
from tests.sso import flow

LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"
LOA2 = "http://id.elegnamnden.se/loa/1.0/loa2"


@pytest.fixture
def sso(settings, oidc_provider):
    flow.configure(settings, oidc_provider)
    return oidc_provider


def _counts():
    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialAccount

    from battrerygg.accounts.models import StaffMembership, User
    from battrerygg.patients.models import CareRelation, Patient

    return {model.__name__: model.objects.count()
            for model in (User, Patient, SocialAccount, EmailAddress, StaffMembership,
                          CareRelation)}


def _logged_in(client):
    from django.contrib.auth import get_user

    class _Request:
        session = client.session

    return get_user(_Request())


def _refused(response, text: str, client=None) -> None:
    """The login was answered with a redirect to the refusal page, which says ``text``."""
    from django.test import Client

    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith("/accounts/e-id/refused/"), response["Location"]
    page = (client or Client()).get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200 and text in body, body[:2000]


def test_a_patient_logs_in_by_the_identity_number(client, cast, sso):
    from allauth.socialaccount.models import SocialAccount

    sso.add_user("anna-bankid", "pw-anna", {PNR_CLAIM: "191212121212",
                                             "email": "other-address@example.se"})
    response = flow.sso_login(client, "anna-bankid", "pw-anna")
    assert response.status_code == 302
    assert _logged_in(client) == cast.patient.user
    link = SocialAccount.objects.get(user=cast.patient.user)
    assert link.provider == "region"
    assert set(link.extra_data) == {"iss", "sub"}  # no identity number at rest
    assert "191212121212" not in str(link.extra_data)
    # Again: the same link, no second one.
    client.cookies.clear()  # a new browser session
    flow.sso_login(client, "anna-bankid", "pw-anna")
    assert _logged_in(client) == cast.patient.user
    assert SocialAccount.objects.filter(user=cast.patient.user).count() == 1


def test_a_coordination_number_is_enough(client, cast, sso):
    from datetime import date

    from battrerygg.patients.services import register_patient

    patient = register_patient(email="samordning@example.se", password=None,
                               personnummer="198112789873", clinic=cast.clinic,
                               episode_start=date(2026, 3, 9))
    sso.add_user("samordning", "pw", {"https://id.oidc.se/claim/coordinationNumber":
                                      "198112789873"})
    flow.sso_login(client, "samordning", "pw")
    assert _logged_in(client) == patient.user


def test_a_physiotherapist_logs_in_by_hsa_id_with_the_brokers_second_factor(client, cast, sso):
    from battrerygg.patients import access

    flow.give_confirmed_hsa_id(cast.physio, "SE2321000016-F001")
    sso.add_user("physio-siths", "pw-physio", {HSA_CLAIM: "SE2321000016-F001", "acr": LOA3})
    flow.sso_login(client, "physio-siths", "pw-physio")
    assert _logged_in(client) == cast.physio
    records = client.session["account_authentication_methods"]
    assert access.second_factor_satisfied(cast.physio, records)
    assert [r.get("second_factor") for r in records if r["method"] == "socialaccount"] == [True]


def test_without_a_vouched_second_factor_staff_still_need_one(client, cast, sso):
    from battrerygg.patients import access

    flow.give_confirmed_hsa_id(cast.physio, "SE2321000016-F001")
    sso.add_user("physio-loa2", "pw", {HSA_CLAIM: "SE2321000016-F001", "acr": LOA2})
    flow.sso_login(client, "physio-loa2", "pw")
    assert _logged_in(client) == cast.physio
    assert not access.second_factor_satisfied(
        cast.physio, client.session["account_authentication_methods"])


def test_trust_the_broker_for_staff(client, cast, sso, settings):
    from battrerygg.patients import access

    settings.SSO_TRUST_BROKER_FOR_STAFF = True
    flow.give_confirmed_hsa_id(cast.physio, "SE2321000016-F001")
    sso.add_user("physio-trusted", "pw", {HSA_CLAIM: "SE2321000016-F001"})
    flow.sso_login(client, "physio-trusted", "pw")
    assert access.second_factor_satisfied(
        cast.physio, client.session["account_authentication_methods"])


def test_a_patient_never_gets_a_staff_second_factor(client, cast, sso, settings):
    settings.SSO_TRUST_BROKER_FOR_STAFF = True
    sso.add_user("anna-acr", "pw", {PNR_CLAIM: "191212121212", "acr": LOA3})
    flow.sso_login(client, "anna-acr", "pw")
    records = client.session["account_authentication_methods"]
    assert not any(r.get("second_factor") for r in records)


def test_an_unknown_number_is_refused_and_creates_nothing(client, cast, sso):
    sso.add_user("stranger", "pw", {PNR_CLAIM: "198112189876", "email": "anna@example.se",
                                    "email_verified": True})
    before = _counts()
    response = flow.sso_login(client, "stranger", "pw")
    _refused(response, "Ditt personnummer finns inte registrerat")
    assert _counts() == before
    assert not _logged_in(client).is_authenticated


def test_the_refusal_is_in_english_for_an_english_visitor(client, cast, sso):
    sso.add_user("stranger-en", "pw", {PNR_CLAIM: "198112189876"})
    client.cookies["django_language"] = "en"
    response = flow.sso_login(client, "stranger-en", "pw")
    _refused(response, "Your personal identity number is not registered", client)


def test_an_unknown_hsa_id_creates_no_staff(client, cast, sso):
    sso.add_user("new-physio", "pw", {HSA_CLAIM: "SE2321000016-NEW", "acr": LOA3})
    before = _counts()
    _refused(flow.sso_login(client, "new-physio", "pw"), "Din e-legitimation")
    assert _counts() == before


def _callback_of_a_started_login(client, sso, username: str) -> str:
    sso.add_user(username, "pw", {PNR_CLAIM: "191212121212"})
    response = flow.start(client)
    return flow.provider_login(response["Location"], username, "pw")


def test_a_wrong_state_is_refused_and_changes_nothing(client, cast, sso):
    with flow.real_time():
        back = _callback_of_a_started_login(client, sso, "anna-state")
        query = {k: v[0] for k, v in parse_qs(urlparse(back).query).items()}
        query["state"] = "not-the-state-we-sent"
        before = _counts()
        response = client.get(f"{flow.CALLBACK_PATH}?{urlencode(query)}")
    _refused(response, "Inloggningen med e-legitimation fungerade inte")
    assert _counts() == before
    assert not _logged_in(client).is_authenticated


def test_a_callback_from_another_browser_is_refused(client, cast, sso):
    from django.test import Client

    with flow.real_time():
        back = _callback_of_a_started_login(client, sso, "anna-other-browser")
        before = _counts()
        response = Client().get(flow.callback_path(back))
    _refused(response, "Inloggningen med e-legitimation fungerade inte")
    assert _counts() == before


def test_a_wrong_nonce_is_refused_and_changes_nothing(client, cast, sso):
    # The provider puts a nonce of its own in the id token (as a replayed token would).
    sso.add_user("anna-nonce", "pw", {PNR_CLAIM: "191212121212", "nonce": "forged"})
    before = _counts()
    response = flow.sso_login(client, "anna-nonce", "pw")
    _refused(response, "hörde inte till den här inloggningen")
    assert _counts() == before
    assert not _logged_in(client).is_authenticated


def test_a_token_of_another_issuer_is_refused(client, cast, sso, settings):
    # The product trusts another issuer than the one that answers.
    flow.configure(settings, sso, issuer="https://idp.region.example.se")
    sso.add_user("anna-iss", "pw", {PNR_CLAIM: "191212121212"})
    before = _counts()
    response = flow.sso_login(client, "anna-iss", "pw")
    _refused(response, "kom inte från den e-legitimationstjänst")
    assert _counts() == before


def test_a_provider_that_names_another_issuer_is_refused(client, cast, settings, oidc_provider):
    # A second provider whose discovery and tokens name the first provider as issuer.
    with start_provider(redirect_uris=[f"http://testserver{flow.CALLBACK_PATH}"],
                        issuer=oidc_provider.issuer) as impostor:
        flow.configure(settings, impostor, issuer=impostor.issuer)
        impostor.add_user("anna-impostor", "pw", {PNR_CLAIM: "191212121212"})
        before = _counts()
        response = flow.sso_login(client, "anna-impostor", "pw")
    _refused(response, "kom inte från den e-legitimationstjänst")
    assert _counts() == before


def test_a_cancelled_login_says_so(client, cast, sso):
    with flow.real_time():
        response = flow.start(client)
        state = parse_qs(urlparse(response["Location"]).query)["state"][0]
        before = _counts()
        response = client.get(f"{flow.CALLBACK_PATH}?error=access_denied&state={state}")
    _refused(response, "avbröts")
    assert _counts() == before


def test_an_account_linked_to_someone_else_is_refused(client, cast, sso):
    from allauth.socialaccount.models import SocialAccount

    sub = sso.add_user("anna-linked", "pw", {PNR_CLAIM: "191212121212"})
    SocialAccount.objects.create(user=cast.patient_b.user, provider="region", uid=sub,
                                 extra_data={})
    before = _counts()
    _refused(flow.sso_login(client, "anna-linked", "pw"), "kopplad till ett annat konto")
    assert _counts() == before
    assert not _logged_in(client).is_authenticated


def test_no_sso_when_not_configured(client, cast):
    assert client.post(flow.LOGIN_PATH, {"process": "login"}).status_code == 404


def test_a_vouched_second_factor_skips_the_apps_code(client, cast, sso):
    from tests.accounts.helpers import give_app

    give_app(cast.physio)
    flow.give_confirmed_hsa_id(cast.physio, "SE2321000016-F001")
    sso.add_user("physio-app-loa3", "pw", {HSA_CLAIM: "SE2321000016-F001", "acr": LOA3})
    response = flow.sso_login(client, "physio-app-loa3", "pw")
    assert not response["Location"].startswith("/accounts/2fa/")
    assert _logged_in(client) == cast.physio
    assert client.get("/clinic/").status_code == 200


def test_without_a_vouched_second_factor_the_app_asks_for_its_code(client, cast, sso):
    from tests.accounts.helpers import code_now, give_app

    give_app(cast.physio)
    flow.give_confirmed_hsa_id(cast.physio, "SE2321000016-F001")
    sso.add_user("physio-app-loa2", "pw", {HSA_CLAIM: "SE2321000016-F001", "acr": LOA2})
    response = flow.sso_login(client, "physio-app-loa2", "pw")
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert not _logged_in(client).is_authenticated
    client.post(response["Location"], {"code": code_now()})
    assert _logged_in(client) == cast.physio
    assert client.get("/clinic/").status_code == 200


def _rows():
    """The e-ID links and accounts, every field (last logins included)."""
    from allauth.socialaccount.models import SocialAccount

    from battrerygg.accounts.models import User

    return (list(SocialAccount.objects.order_by("pk").values()),
            list(User.objects.order_by("pk").values()))


@pytest.mark.parametrize("bad", ["nonce", "issuer", "other account"])
def test_a_bad_answer_for_a_linked_account_touches_nothing(client, cast, sso, settings, bad):
    from allauth.socialaccount.models import SocialAccount

    sso.add_user(f"anna-linked-{bad}", "pw", {PNR_CLAIM: "191212121212"})
    flow.sso_login(client, f"anna-linked-{bad}", "pw")  # links Anna's e-ID
    assert SocialAccount.objects.filter(user=cast.patient.user).count() == 1
    client.cookies.clear()
    if bad == "nonce":
        sso.add_user(f"anna-linked-{bad}", "pw", {PNR_CLAIM: "191212121212",
                                                 "nonce": "forged"})
    elif bad == "issuer":
        flow.configure(settings, sso, issuer="https://idp.region.example.se")
    else:  # the same e-ID now names Bertil
        from battrerygg.patients.models import Patient

        Patient.objects.filter(pk=cast.patient_b.pk).update(personnummer="198112189876")
        sso.add_user(f"anna-linked-{bad}", "pw", {PNR_CLAIM: "198112189876"})
    before = _rows()
    response = flow.sso_login(client, f"anna-linked-{bad}", "pw")
    assert response["Location"].startswith("/accounts/e-id/refused/")
    assert _rows() == before
    assert not _logged_in(client).is_authenticated
