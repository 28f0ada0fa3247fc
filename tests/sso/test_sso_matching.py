"""Who an e-ID login names (battrerygg.sso.matching) and what must hold of its tokens
(battrerygg.sso.checks): staff by the configured claim, patients by the personal identity
number claim, never by e-mail alone, never anyone the clinic did not register."""

from __future__ import annotations

import pytest

from battrerygg.sso import checks, matching
from battrerygg.sso.checks import SsoRefused
from battrerygg.sso.texts import Refusal
from tests.sso import flow

PNR = "https://id.oidc.se/claim/personalIdentityNumber"
COORD = "https://id.oidc.se/claim/coordinationNumber"
ISSUER = "https://broker.example.se"


@pytest.fixture
def sso(settings):
    settings.SSO_ISSUER = ISSUER
    settings.SSO_ENABLED = True
    settings.SSO_PNR_CLAIM = PNR
    settings.SSO_COORDINATION_CLAIM = COORD
    settings.SSO_STAFF_CLAIM = "hsa_id"
    settings.SSO_STAFF_FIELD = "hsa_id"
    settings.SSO_STAFF_ACR_VALUES = ["http://id.elegnamnden.se/loa/1.0/loa3"]
    settings.SSO_TRUST_BROKER_FOR_STAFF = False
    return settings


def _refusal(claims) -> Refusal:
    with pytest.raises(SsoRefused) as refused:
        matching.match_account(claims)
    return refused.value.reason


def test_a_patient_is_found_by_the_identity_number_claim(cast, sso):
    found = matching.match_account({PNR: "191212121212", "email": "someone@else.se"})
    assert found.user == cast.patient.user and not found.staff


def test_the_claim_name_is_configurable(cast, sso):
    sso.SSO_PNR_CLAIM = "ssn"
    assert matching.match_account({"ssn": "191212121212"}).user == cast.patient.user
    assert _refusal({PNR: "191212121212"}) is Refusal.NO_IDENTITY


def test_an_unknown_number_is_refused(cast, sso):
    assert _refusal({PNR: "198112189876"}) is Refusal.UNKNOWN_NUMBER


def test_an_invalid_number_is_refused(cast, sso):
    assert _refusal({PNR: "191212121213"}) is Refusal.INVALID_NUMBER


def test_never_by_e_mail_alone(cast, sso):
    assert _refusal({"email": cast.patient.user.email, "email_verified": True}) \
        is Refusal.NO_IDENTITY


def test_a_self_registered_record_without_clinic_is_not_linked(cast, sso):
    from datetime import date

    from battrerygg.patients.services import register_patient

    register_patient(email="self@example.se", password=None, personnummer="198112189876",
                     episode_start=date(2026, 3, 9))
    assert _refusal({PNR: "198112189876"}) is Refusal.NOT_ALLOWED


def test_an_inactive_patient_is_not_logged_in(cast, sso):
    cast.patient.user.is_active = False
    cast.patient.user.save()
    assert _refusal({PNR: "191212121212"}) is Refusal.NOT_ALLOWED


def test_staff_by_hsa_id(cast, sso):
    flow.give_confirmed_hsa_id(cast.physio, "SE2321000016-P001")
    found = matching.match_account({"hsa_id": "SE2321000016-P001", PNR: "191212121212"})
    assert found.user == cast.physio and found.staff


def test_an_unknown_hsa_id_creates_no_staff(cast, sso):
    from battrerygg.accounts.models import User

    before = User.objects.count()
    assert _refusal({"hsa_id": "SE2321000016-NOBODY"}) is Refusal.NO_IDENTITY
    assert User.objects.count() == before


def test_staff_by_verified_e_mail_only(cast, sso):
    sso.SSO_STAFF_CLAIM = "email"
    sso.SSO_STAFF_FIELD = "email"
    found = matching.match_account({"email": "PHYSIO@example.se", "email_verified": True})
    assert found.user == cast.physio and found.staff
    assert _refusal({"email": "physio@example.se"}) is Refusal.NO_IDENTITY
    assert _refusal({"email": "physio@example.se", "email_verified": "true"}) \
        is Refusal.NO_IDENTITY


def test_a_patient_account_is_no_staff_account(cast, sso):
    sso.SSO_STAFF_CLAIM = "email"
    sso.SSO_STAFF_FIELD = "email"
    found = matching.match_account({"email": "anna@example.se", "email_verified": True,
                                    PNR: "191212121212"})
    assert found.user == cast.patient.user and not found.staff


def test_no_system_admin_by_sso(cast, sso):
    from battrerygg.accounts.models import User

    User.objects.create_superuser("root@example.se", "x" * 12, hsa_id="SE-ROOT")
    assert _refusal({"hsa_id": "SE-ROOT"}) is Refusal.NO_IDENTITY


@pytest.mark.parametrize(("trust", "acr", "vouched"), [
    (False, "http://id.elegnamnden.se/loa/1.0/loa3", True),
    (False, "http://id.elegnamnden.se/loa/1.0/loa2", False),
    (False, None, False),
    (True, None, True),
])
def test_second_factor_vouched_by_acr_or_trusted_broker(sso, trust, acr, vouched):
    sso.SSO_TRUST_BROKER_FOR_STAFF = trust
    token = {"sub": "1"} if acr is None else {"sub": "1", "acr": acr}
    assert matching.vouches_for_second_factor(token) is vouched


# checks.verify ------------------------------------------------------------------------------

SENT = "n-1"


def _verify(id_token, userinfo=None, sent=SENT):
    return checks.verify({"id_token": id_token, "userinfo": userinfo or {}}, sent, ISSUER)


def test_a_good_token_passes_with_userinfo_on_top():
    verified = _verify({"iss": ISSUER, "sub": "s", "nonce": "n-1", PNR: "1"},
                       {"sub": "s", PNR: "191212121212"})
    assert verified.claims[PNR] == "191212121212"
    assert verified.id_token["nonce"] == "n-1"


@pytest.mark.parametrize(("id_token", "userinfo", "sent", "reason"), [
    ({"iss": "https://other.example.se", "sub": "s", "nonce": "n-1"}, {}, SENT,
     Refusal.WRONG_ISSUER),
    ({"iss": ISSUER + "/", "sub": "s", "nonce": "n-1"}, {}, SENT, Refusal.WRONG_ISSUER),
    ({"iss": ISSUER, "sub": "s", "nonce": "n-2"}, {}, SENT, Refusal.WRONG_NONCE),
    ({"iss": ISSUER, "sub": "s"}, {}, SENT, Refusal.WRONG_NONCE),
    ({"iss": ISSUER, "sub": "s", "nonce": "n-1"}, {}, None, Refusal.WRONG_NONCE),
    ({"iss": ISSUER, "sub": "s", "nonce": "n-1"}, {"sub": "t"}, SENT, Refusal.BAD_RESPONSE),
    ({"iss": ISSUER, "nonce": "n-1"}, {}, SENT, Refusal.BAD_RESPONSE),
    ({}, {}, SENT, Refusal.BAD_RESPONSE),
])
def test_bad_tokens_are_refused(id_token, userinfo, sent, reason):
    with pytest.raises(SsoRefused) as refused:
        _verify(id_token, userinfo, sent)
    assert refused.value.reason is reason
