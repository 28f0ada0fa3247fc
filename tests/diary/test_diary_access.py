"""One patient can never see or change another patient's entries, by any URL."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.diary.models import ActivityEntry

TZ = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def anna_entry(cast, log_activity):
    return log_activity(cast.patient, date(2026, 3, 10), baseline=2, during=3, after=2)


def urls(pk: int) -> list[tuple[str, str, dict]]:
    return [
        ("get", f"/diary/{pk}/", {}),
        ("post", f"/diary/{pk}/follow-up/", {"pain_24h": "9"}),
        ("get", f"/diary/{pk}/edit/", {}),
        ("post", f"/diary/{pk}/edit/", {"kind": "walking", "minutes": "5"}),
        ("get", f"/diary/{pk}/delete/", {}),
        ("post", f"/diary/{pk}/delete/", {}),
    ]


def test_another_patient_gets_404_and_changes_nothing(client, cast, anna_entry):
    client.force_login(cast.patient_b.user)
    with time_machine.travel(datetime(2026, 3, 12, 9, 0, tzinfo=TZ), tick=False):
        for method, url, data in urls(anna_entry.pk):
            response = getattr(client, method)(url, data)
            assert response.status_code == 404, url
        listing = client.get("/diary/").content.decode()
    anna_entry.refresh_from_db()
    assert anna_entry.pain_24h is None
    assert ActivityEntry.objects.filter(pk=anna_entry.pk).exists()
    assert f"/diary/{anna_entry.pk}/" not in listing


@pytest.mark.parametrize("who", ["physio", "colleague", "other_physio", "clinic_admin"])
def test_staff_cannot_use_patient_pages(client, cast, anna_entry, who):
    client.force_login(getattr(cast, who))
    for method, url, data in urls(anna_entry.pk):
        assert getattr(client, method)(url, data).status_code in (403, 404), url
    assert client.get("/diary/").status_code == 403
    anna_entry.refresh_from_db()
    assert anna_entry.pain_24h is None


def test_anonymous_is_sent_to_login(client, anna_entry):
    for method, url, data in urls(anna_entry.pk):
        response = getattr(client, method)(url, data)
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/")
    assert ActivityEntry.objects.filter(pk=anna_entry.pk).exists()


def test_the_owner_can(client, cast, anna_entry):
    client.force_login(cast.patient.user)
    assert client.get(f"/diary/{anna_entry.pk}/").status_code == 200
    assert client.post(f"/diary/{anna_entry.pk}/delete/").status_code == 302
    assert client.get(f"/diary/{anna_entry.pk}/").status_code == 404
    anna_entry.refresh_from_db()
    assert anna_entry.deleted_at is not None


def test_nobody_else_can_undo_a_deletion(client, cast, anna_entry):
    from battrerygg.diary.services import delete_entry

    delete_entry(anna_entry)
    client.force_login(cast.patient_b.user)
    assert client.post(f"/diary/{anna_entry.pk}/restore/").status_code == 404
    anna_entry.refresh_from_db()
    assert anna_entry.deleted_at is not None


def test_access_layer_scopes_physiotherapists(cast):
    from battrerygg.patients.access import visible_patients

    assert set(visible_patients(cast.physio)) == {cast.patient, cast.patient_b}
    assert list(visible_patients(cast.colleague)) == []
    assert list(visible_patients(cast.other_physio)) == []
    assert list(visible_patients(cast.clinic_admin)) == []
    assert list(visible_patients(cast.patient.user)) == [cast.patient]
