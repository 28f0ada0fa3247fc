"""Confirming one's HSA-id twice (a double click, a reload) is harmless: one confirmation,
one audit row, the first time kept. An answer about an HSA-id that is no longer the one on
the account (the admin changed it meanwhile) changes nothing."""

from __future__ import annotations

import pytest
import time_machine

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
HSA = "SE2321000016-T001"


def test_confirming_twice_is_harmless(client, cast):
    cast.physio.hsa_id = HSA
    cast.physio.save(update_fields=["hsa_id"])
    client.force_login(cast.physio)
    with time_machine.travel("2026-12-01 09:00Z", tick=False):
        client.post("/clinic/my-hsa-id/", {"answer": "mine", "hsa_id": HSA})
    cast.physio.refresh_from_db()
    first = cast.physio.hsa_id_confirmed_at
    with time_machine.travel("2026-12-01 09:05Z", tick=False):
        response = client.post("/clinic/my-hsa-id/", {"answer": "mine", "hsa_id": HSA})
    assert response.status_code == 302
    cast.physio.refresh_from_db()
    assert cast.physio.hsa_id_confirmed_at == first is not None
    [row] = AuditEvent.objects.filter(what=What.STAFF_HSA_ID_CONFIRMED)
    assert (row.actor, row.clinic) == (cast.physio, cast.clinic)
    assert row.object_id == f"staff member {cast.physio.pk}: {HSA}"


def test_an_answer_about_a_changed_hsa_id_changes_nothing(client, cast):
    cast.physio.hsa_id = "SE2321000016-T002"  # the admin changed it after the page showed HSA
    cast.physio.save(update_fields=["hsa_id"])
    client.force_login(cast.physio)
    for answer in ("mine", "not_mine"):
        page = client.post("/clinic/my-hsa-id/", {"answer": answer, "hsa_id": HSA},
                           follow=True).content.decode()
        assert "Ditt HSA-id har ändrats under tiden." in page
        cast.physio.refresh_from_db()
        assert cast.physio.hsa_id == "SE2321000016-T002"
        assert cast.physio.hsa_id_confirmed_at is None
    assert not AuditEvent.objects.filter(
        what__in=[What.STAFF_HSA_ID_CONFIRMED, What.STAFF_HSA_ID_REJECTED]).exists()
