"""Confirming the HSA-id on one's login and security page needs a session that passed the
second factor: with a password alone (or someone else's account) the HSA-id stays
unconfirmed, and the page says how to answer."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from battrerygg.clinic import staff
from tests.conftest import login_without_second_factor

pytestmark = pytest.mark.django_db
HSA = "SE2321000016-S001"


@pytest.fixture
def proposed(cast):
    cast.physio.hsa_id = HSA
    cast.physio.save(update_fields=["hsa_id"])
    return cast.physio


def _unconfirmed(user) -> bool:
    user.refresh_from_db()
    return user.hsa_id == HSA and user.hsa_id_confirmed_at is None


def test_a_password_only_session_cannot_confirm(client, cast, proposed):
    login_without_second_factor(client, proposed)
    page = client.get("/accounts/2fa/").content.decode()
    assert "Logga in med ditt lösenord och ditt andra steg för att svara." in page
    assert 'value="mine"' not in page
    for answer in ("mine", "not_mine"):
        response = client.post("/clinic/my-hsa-id/", {"answer": answer, "hsa_id": HSA})
        assert response.status_code in (302, 403, 404)
        assert _unconfirmed(proposed)
    assert not AuditEvent.objects.filter(
        what__in=[What.STAFF_HSA_ID_CONFIRMED, What.STAFF_HSA_ID_REJECTED]).exists()


def test_the_service_asks_the_access_layer(cast, proposed):
    from battrerygg.patients.access import SECOND_FACTOR_ATTRIBUTE

    setattr(proposed, SECOND_FACTOR_ATTRIBUTE, False)  # as the middleware marks it
    with pytest.raises(staff.StaffError):
        staff.confirm_own_hsa_id(proposed, HSA, mine=True)
    assert _unconfirmed(proposed)


def test_nobody_confirms_another_persons_hsa_id(client, cast, proposed):
    client.force_login(cast.clinic_admin)  # the admin who set it, with a second factor
    client.post("/clinic/my-hsa-id/", {"answer": "mine", "hsa_id": HSA})
    assert _unconfirmed(proposed)


def test_with_the_second_factor_it_is_confirmed(client, cast, proposed):
    client.force_login(proposed)
    page = client.get("/accounts/2fa/").content.decode()
    assert 'value="mine"' in page and "Inte mitt" in page
    page = client.post("/clinic/my-hsa-id/", {"answer": "mine", "hsa_id": HSA},
                       follow=True).content.decode()
    assert "Bekräftat. Du kan logga in med regionens e-legitimation." in page
    proposed.refresh_from_db()
    assert proposed.hsa_id_confirmed_at is not None
