"""With staff passwords turned off (BATTRERYGG_OIDC_STAFF_PASSWORDS=false) a staff member
whose HSA-id their clinic admin set, but who has not confirmed it, keeps their password
and second step so that they can confirm it once (e-ID refuses them until then). Once it
is confirmed, their password is refused again and the e-ID logs them in."""

from __future__ import annotations

import pytest

from tests.accounts.helpers import code_now, give_app, password_login
from tests.conftest import PASSWORD
from tests.oidc_provider.fixture import HSA_CLAIM
from tests.sso import flow
from tests.sso.test_sso_login import LOA3, _logged_in

HSA = "SE2321000016-E001"


@pytest.fixture
def e_id_only(settings, oidc_provider):
    flow.configure(settings, oidc_provider, SSO_STAFF_PASSWORDS=False)
    oidc_provider.add_user("physio-e-id-only-confirm", "pw", {HSA_CLAIM: HSA, "acr": LOA3})
    return oidc_provider


@pytest.mark.django_db(transaction=True)  # allauth's signals on commit, as in production
def test_confirm_with_password_once_then_e_id_only(client, cast, e_id_only):
    from django.test import Client

    give_app(cast.physio)
    cast.physio.hsa_id = HSA  # set by the clinic admin: only proposed
    cast.physio.save(update_fields=["hsa_id"])
    step = password_login(client, "physio@example.se", PASSWORD)
    assert step.status_code == 302 and step["Location"] == "/accounts/2fa/authenticate/"
    assert client.post("/accounts/2fa/authenticate/", {"code": code_now()}).status_code == 302
    client.post("/clinic/my-hsa-id/", {"answer": "mine", "hsa_id": HSA})
    cast.physio.refresh_from_db()
    assert cast.physio.hsa_id_confirmed_at is not None

    again = Client()
    refused = password_login(again, "physio@example.se", PASSWORD)
    assert refused["Location"] == "/accounts/e-id/refused/staff_e_id_only/"
    card = Client()
    flow.sso_login(card, "physio-e-id-only-confirm", "pw")
    assert _logged_in(card) == cast.physio
