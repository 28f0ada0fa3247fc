"""A clinic admin's change of a staff member's HSA-id un-confirms it (single sign-on stops
logging in by it until the member confirms the new one), and the staff page shows for each
HSA-id whether its owner has confirmed it."""

from __future__ import annotations

import pytest

from battrerygg.accounts.models import StaffMembership
from battrerygg.patients import access
from tests.sso.flow import give_confirmed_hsa_id

pytestmark = pytest.mark.django_db
OLD = "SE2321000016-C001"
NEW = "SE2321000016-C002"


def _url(cast) -> str:
    membership = StaffMembership.objects.get(user=cast.colleague, clinic=cast.clinic)
    return f"/clinic/staff/{membership.pk}/hsa-id/"


def test_a_change_by_the_admin_unconfirms(client, cast):
    give_confirmed_hsa_id(cast.colleague, OLD)
    assert access.may_sign_on_by_hsa_id(cast.colleague)
    client.force_login(cast.clinic_admin)
    page = client.get("/clinic/staff/").content.decode()
    assert f"HSA-id {OLD} · bekräftat av medarbetaren" in page
    page = client.post(_url(cast), {"hsa_id": NEW}, follow=True).content.decode()
    cast.colleague.refresh_from_db()
    assert cast.colleague.hsa_id == NEW and cast.colleague.hsa_id_confirmed_at is None
    assert not access.may_sign_on_by_hsa_id(cast.colleague)
    assert f"HSA-id {NEW} · inte bekräftat än" in page


def test_setting_the_same_value_keeps_the_confirmation(client, cast):
    give_confirmed_hsa_id(cast.colleague, OLD)
    client.force_login(cast.clinic_admin)
    client.post(_url(cast), {"hsa_id": OLD})
    cast.colleague.refresh_from_db()
    assert cast.colleague.hsa_id_confirmed_at is not None


def test_clearing_unconfirms(client, cast):
    give_confirmed_hsa_id(cast.colleague, OLD)
    client.force_login(cast.clinic_admin)
    client.post(_url(cast), {"hsa_id": ""})
    cast.colleague.refresh_from_db()
    assert cast.colleague.hsa_id is None and cast.colleague.hsa_id_confirmed_at is None
