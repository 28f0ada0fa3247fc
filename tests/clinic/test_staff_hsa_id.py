"""The clinic admin sets a staff member's HSA-id (how the region's e-ID names staff) on the
staff page: validated, unique, audited, in Swedish and English; nobody else may."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from battrerygg.accounts.models import StaffMembership, User
from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
HSA = "SE2321000016-1003"


def _url(cast, user=None) -> str:
    membership = StaffMembership.objects.get(user=user or cast.colleague, clinic=cast.clinic)
    return f"/clinic/staff/{membership.pk}/hsa-id/"


def _set(client, cast, value: str, user=None):
    return client.post(_url(cast, user), {"hsa_id": value}, follow=True)


def test_the_admin_sets_and_clears_an_hsa_id_and_it_is_audited(
        client, cast, django_capture_on_commit_callbacks):
    client.force_login(cast.clinic_admin)
    with django_capture_on_commit_callbacks(execute=True):
        page = _set(client, cast, f"  se{HSA[2:]} ")
    [told] = mail.outbox  # the member is told, in their language
    assert told.to == [cast.colleague.email] and HSA in told.body
    assert "Ditt HSA-id i BättreRygg har ändrats" == told.subject
    cast.colleague.refresh_from_db()
    assert cast.colleague.hsa_id == HSA
    html = page.content.decode()
    assert f"HSA-id för {cast.colleague} är nu {HSA}" in html  # Swedish by default
    assert HSA in html  # shown on the staff page
    [row] = AuditEvent.objects.filter(what=What.STAFF_HSA_ID)
    assert (row.actor, row.clinic, row.patient) == (cast.clinic_admin, cast.clinic, None)
    assert row.object_id == f"staff member {cast.colleague.pk}: {HSA}"
    _set(client, cast, HSA)  # the same value again: nothing new
    assert AuditEvent.objects.filter(what=What.STAFF_HSA_ID).count() == 1
    _set(client, cast, "")
    cast.colleague.refresh_from_db()
    assert cast.colleague.hsa_id is None
    assert AuditEvent.objects.filter(what=What.STAFF_HSA_ID).count() == 2


@pytest.mark.parametrize("value", [
    "2321000016-1003", "SE232100001-1003", "SE2321000016", "SE2321000016-",
    "SE2321000016-åäö", "SE2321000016-a@b", "SE2321000016-" + "1" * 19, "19121212-1212",
])
def test_what_is_not_an_hsa_id_is_refused_with_a_message(client, cast, value):
    client.force_login(cast.clinic_admin)
    html = _set(client, cast, value).content.decode()
    assert "Det är inte ett HSA-id" in html
    cast.colleague.refresh_from_db()
    assert cast.colleague.hsa_id is None
    assert not AuditEvent.objects.filter(what=What.STAFF_HSA_ID).exists()


def test_an_hsa_id_of_another_account_is_refused_in_english_too(client, cast):
    User.objects.filter(pk=cast.other_physio.pk).update(hsa_id=HSA)
    client.force_login(cast.clinic_admin)
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        cast.clinic_admin.language = "en"
        cast.clinic_admin.save(update_fields=["language"])
        html = _set(client, cast, HSA).content.decode()
    assert "That HSA-id already belongs to another account." in html
    cast.colleague.refresh_from_db()
    assert cast.colleague.hsa_id is None


def test_only_the_clinic_admin_of_the_members_clinic_may(client, cast):
    other = StaffMembership.objects.filter(clinic=cast.other_clinic).first()
    client.force_login(cast.clinic_admin)
    response = client.post(f"/clinic/staff/{other.pk}/hsa-id/", {"hsa_id": HSA}, follow=True)
    assert "Det finns ingen sådan medarbetare på dina mottagningar." in \
        response.content.decode()
    client.force_login(cast.physio)
    response = client.post(_url(cast), {"hsa_id": HSA})
    assert response.status_code in (403, 404)
    assert not User.objects.filter(hsa_id=HSA).exists()
