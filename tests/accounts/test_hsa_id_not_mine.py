"""A staff member who does not recognise the HSA-id their clinic admin set answers "Not
mine" on their login and security page: it is removed from their account (audited for
their clinic), so nobody logs in to it by e-ID."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
HSA = "SE2321000016-N001"


def test_not_mine_removes_the_hsa_id(client, cast):
    cast.physio.hsa_id = HSA
    cast.physio.save(update_fields=["hsa_id"])
    client.force_login(cast.physio)  # password and second step
    page = client.post("/clinic/my-hsa-id/", {"answer": "not_mine", "hsa_id": HSA},
                       follow=True).content.decode()
    assert "HSA-id:t togs bort från ditt konto" in page
    cast.physio.refresh_from_db()
    assert cast.physio.hsa_id is None and cast.physio.hsa_id_confirmed_at is None
    [row] = AuditEvent.objects.filter(what=What.STAFF_HSA_ID_REJECTED)
    assert (row.actor, row.clinic, row.patient) == (cast.physio, cast.clinic, None)
    assert row.object_id == f"staff member {cast.physio.pk}: {HSA}"
    assert "Är det id:t som står på ditt e-legitimationskort?" not in page
    again = client.post("/clinic/my-hsa-id/", {"answer": "not_mine", "hsa_id": HSA},
                        follow=True).content.decode()  # a second click: harmless
    assert "HSA-id:t togs bort från ditt konto" in again
    assert AuditEvent.objects.filter(what=What.STAFF_HSA_ID_REJECTED).count() == 1


def test_not_mine_also_withdraws_a_confirmed_hsa_id(client, cast):
    from tests.sso.flow import give_confirmed_hsa_id

    give_confirmed_hsa_id(cast.physio, HSA)
    client.force_login(cast.physio)
    assert "Du har bekräftat det" in client.get("/accounts/2fa/").content.decode()
    client.post("/clinic/my-hsa-id/", {"answer": "not_mine", "hsa_id": HSA})
    cast.physio.refresh_from_db()
    assert cast.physio.hsa_id is None and cast.physio.hsa_id_confirmed_at is None
