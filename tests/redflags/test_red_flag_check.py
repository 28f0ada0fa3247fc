"""The red-flag check: public; stored for patients; resubmits harmless; own results only."""

from __future__ import annotations

import uuid

from battrerygg.redflags.models import RedFlagCheck


def test_anonymous_gets_advice_and_nothing_is_stored(client, db):
    response = client.post("/red-flags/", {"submission_key": str(uuid.uuid4()),
                                           "bladder_bowel_control": "on"})
    assert response.status_code == 200
    assert 'data-outcome="emergency"' in response.content.decode()
    assert "112" in response.content.decode()
    assert not RedFlagCheck.objects.exists()


def test_patient_check_is_stored_once(client, cast):
    client.force_login(cast.patient.user)
    form = {"submission_key": str(uuid.uuid4()), "history_of_cancer": "on"}
    first = client.post("/red-flags/", form)
    second = client.post("/red-flags/", form)
    check = RedFlagCheck.objects.get()
    assert first["Location"] == second["Location"] == f"/red-flags/result/{check.pk}/"
    assert check.outcome == "seek_care_soon"
    assert check.answers["history_of_cancer"] is True
    assert check.answers["bladder_bowel_control"] is False
    page = client.get(check_url := f"/red-flags/result/{check.pk}/").content.decode()
    assert 'data-outcome="seek_care_soon"' in page
    client.force_login(cast.patient_b.user)
    assert client.get(check_url).status_code == 404


def test_no_answers_is_self_care(client, db):
    response = client.post("/red-flags/", {"submission_key": str(uuid.uuid4())})
    assert 'data-outcome="self_care"' in response.content.decode()
