"""SPEC §1: no single person can give themselves access to a patient's data. A clinic admin
who puts the HSA-id of their own e-ID card on a physiotherapist's account (the staff page)
cannot log in to it by e-ID: the HSA-id is only proposed until the physiotherapist confirms
it, logged in with their password and second step. Once they confirm their own, e-ID logs
in their card, and only theirs."""

from __future__ import annotations

import pytest
from django.test import Client

from battrerygg.accounts.models import StaffMembership
from tests.oidc_provider.fixture import HSA_CLAIM
from tests.sso import flow
from tests.sso.test_sso_login import LOA3, _counts, _logged_in, _refused

ADMIN_CARD = "SE2321000016-A001"
PHYSIO_CARD = "SE2321000016-F777"


@pytest.fixture
def sso(settings, oidc_provider):
    flow.configure(settings, oidc_provider)
    oidc_provider.add_user("esc-admin-card", "pw-a", {HSA_CLAIM: ADMIN_CARD, "acr": LOA3})
    oidc_provider.add_user("esc-physio-card", "pw-p", {HSA_CLAIM: PHYSIO_CARD, "acr": LOA3})
    return oidc_provider


def _admin_sets(cast, value: str) -> None:
    admin = Client()
    admin.force_login(cast.clinic_admin)  # with a second factor
    membership = StaffMembership.objects.get(user=cast.physio, clinic=cast.clinic)
    response = admin.post(f"/clinic/staff/{membership.pk}/hsa-id/", {"hsa_id": value})
    assert response.status_code == 302
    cast.physio.refresh_from_db()
    assert cast.physio.hsa_id == value and cast.physio.hsa_id_confirmed_at is None


def test_an_admin_cannot_log_in_to_a_physiotherapist_with_their_own_card(cast, sso):
    _admin_sets(cast, ADMIN_CARD)
    before = _counts()
    attacker = Client()
    _refused(flow.sso_login(attacker, "esc-admin-card", "pw-a"),
             "Ditt HSA-id är inte bekräftat än")
    assert not _logged_in(attacker).is_authenticated
    assert _counts() == before  # no link to the physiotherapist's account

    # The physiotherapist sees it on their login and security page and says "Not mine".
    physio = Client()
    physio.force_login(cast.physio)  # password and second step
    page = physio.get("/accounts/2fa/").content.decode()
    assert f"Ditt HSA-id är {ADMIN_CARD}. Är det id:t som står på ditt e-legitimationskort?" \
        in page
    physio.post("/clinic/my-hsa-id/", {"answer": "not_mine", "hsa_id": ADMIN_CARD})
    cast.physio.refresh_from_db()
    assert cast.physio.hsa_id is None
    _refused(flow.sso_login(Client(), "esc-admin-card", "pw-a"), "Din e-legitimation")


def test_once_the_physiotherapist_confirms_their_own_only_their_card_logs_in(cast, sso):
    _admin_sets(cast, PHYSIO_CARD)
    _refused(flow.sso_login(Client(), "esc-physio-card", "pw-p"),
             "Ditt HSA-id är inte bekräftat än")
    physio = Client()
    physio.force_login(cast.physio)
    physio.post("/clinic/my-hsa-id/", {"answer": "mine", "hsa_id": PHYSIO_CARD})
    cast.physio.refresh_from_db()
    assert cast.physio.hsa_id_confirmed_at is not None

    card = Client()
    flow.sso_login(card, "esc-physio-card", "pw-p")
    assert _logged_in(card) == cast.physio
    attacker = Client()
    _refused(flow.sso_login(attacker, "esc-admin-card", "pw-a"), "Din e-legitimation")
    assert not _logged_in(attacker).is_authenticated

    # The admin now swaps in their own card: unconfirmed again, the admin's card is
    # refused and the physiotherapist's no longer names the account.
    _admin_sets(cast, ADMIN_CARD)
    _refused(flow.sso_login(Client(), "esc-admin-card", "pw-a"),
             "Ditt HSA-id är inte bekräftat än")
