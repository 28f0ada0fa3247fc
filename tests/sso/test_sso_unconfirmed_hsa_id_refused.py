"""An e-ID staff login by an HSA-id its owner has not confirmed (a clinic admin set it;
``User.hsa_id_confirmed_at`` empty) is refused with a translated page that says what to
do, and creates or changes nothing (no link, no login, no confirmation)."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from battrerygg.sso import matching
from battrerygg.sso.checks import SsoRefused
from battrerygg.sso.texts import Refusal
from tests.oidc_provider.fixture import HSA_CLAIM
from tests.sso import flow
from tests.sso.test_sso_login import LOA3, _counts, _logged_in, _refused

HSA = "SE2321000016-U001"


@pytest.fixture
def sso(settings, oidc_provider):
    flow.configure(settings, oidc_provider)
    return oidc_provider


def test_an_unconfirmed_hsa_id_is_refused_and_changes_nothing(client, cast, sso):
    cast.physio.hsa_id = HSA  # as set by the clinic admin: only proposed
    cast.physio.save(update_fields=["hsa_id"])
    sso.add_user("physio-unconfirmed", "pw", {HSA_CLAIM: HSA, "acr": LOA3})
    before = _counts()
    response = flow.sso_login(client, "physio-unconfirmed", "pw")
    _refused(response, "Ditt HSA-id är inte bekräftat än: logga in en gång med ditt "
                       "lösenord och ditt andra steg")
    assert response["Location"] == "/accounts/e-id/refused/hsa_id_unconfirmed/"
    assert _counts() == before
    assert not _logged_in(client).is_authenticated
    cast.physio.refresh_from_db()
    assert cast.physio.hsa_id == HSA and cast.physio.hsa_id_confirmed_at is None
    assert AuditEvent.objects.filter(what=What.SSO_REFUSED,
                                     object_id="hsa_id_unconfirmed").count() == 1


def test_the_refusal_is_in_english_too(client, cast, sso):
    cast.physio.hsa_id = HSA
    cast.physio.save(update_fields=["hsa_id"])
    sso.add_user("physio-unconfirmed-en", "pw", {HSA_CLAIM: HSA, "acr": LOA3})
    client.cookies["django_language"] = "en"
    _refused(flow.sso_login(client, "physio-unconfirmed-en", "pw"),
             "Your HSA-id has not been confirmed yet: log in with your password and second "
             "step once and confirm it on the login and security page", client)


def test_matching_refuses_an_unconfirmed_hsa_id_even_with_a_number(cast, settings):
    settings.SSO_STAFF_CLAIM = "hsa_id"
    settings.SSO_STAFF_FIELD = "hsa_id"
    settings.SSO_PNR_CLAIM = "pnr"
    cast.physio.hsa_id = HSA
    cast.physio.save(update_fields=["hsa_id"])
    with pytest.raises(SsoRefused) as refused:
        matching.match_account({"hsa_id": HSA, "pnr": "191212121212"})
    assert refused.value.reason is Refusal.HSA_ID_UNCONFIRMED
