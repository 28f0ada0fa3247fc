"""The red-flag check: public; stored for patients; resubmits harmless; own results only;
every question must be answered; a physiotherapist's read is audit-logged."""

from __future__ import annotations

import uuid

from battrerygg.audit.models import AuditEvent
from battrerygg.redflags.models import RedFlagCheck
from tests.redflags.helpers import red_flag_form


def test_anonymous_gets_advice_and_nothing_is_stored(client, db):
    response = client.post("/red-flags/", red_flag_form("bladder_bowel_control"))
    assert response.status_code == 200
    assert 'data-outcome="emergency"' in response.content.decode()
    assert "112" in response.content.decode()
    assert not RedFlagCheck.objects.exists()


def test_patient_check_is_stored_once(client, cast):
    client.force_login(cast.patient.user)
    form = red_flag_form("history_of_cancer")
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


def test_all_no_is_self_care(client, db):
    response = client.post("/red-flags/", red_flag_form())
    assert 'data-outcome="self_care"' in response.content.decode()


def test_unanswered_questions_are_not_read_as_no(client, cast):
    client.force_login(cast.patient.user)
    form = red_flag_form()
    del form["bladder_bowel_control"]
    response = client.post("/red-flags/", form)
    assert response.status_code == 200
    assert "data-outcome" not in response.content.decode()
    assert 'id="q-bladder_bowel_control"' in response.content.decode()
    assert not RedFlagCheck.objects.exists()


def test_bad_answers_and_keys_are_refused(client, cast):
    client.force_login(cast.patient.user)
    for form in (red_flag_form() | {"saddle_numbness": "maybe"},
                 red_flag_form(key="not-a-uuid")):
        response = client.post("/red-flags/", form)
        assert response.status_code == 200 and "form-errors" in response.content.decode()
    assert not RedFlagCheck.objects.exists()


def test_physiotherapist_read_is_audited_and_outsiders_get_404(client, cast):
    client.force_login(cast.patient.user)
    client.post("/red-flags/", red_flag_form("unexplained_weight_loss",
                                             key=str(uuid.uuid4())))
    check = RedFlagCheck.objects.get()
    url = f"/red-flags/result/{check.pk}/"
    client.get(url)
    assert not AuditEvent.objects.filter(action="read").exists()  # the patient's own read
    client.force_login(cast.physio)
    assert client.get(url).status_code == 200
    reads = AuditEvent.objects.filter(action="read", patient=cast.patient)
    assert [(r.actor, r.what, r.clinic) for r in reads] == [
        (cast.physio, "red_flag_check", cast.clinic)]
    for outsider in (cast.colleague, cast.other_physio, cast.clinic_admin):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    assert reads.count() == 1


def test_same_key_with_changed_answers_is_a_new_check(client, cast):
    client.force_login(cast.patient.user)
    key = str(uuid.uuid4())
    client.post("/red-flags/", red_flag_form(key=key))
    second = client.post("/red-flags/", red_flag_form("after_accident_or_fall", key=key))
    assert RedFlagCheck.objects.count() == 2
    latest = RedFlagCheck.objects.order_by("-pk").first()
    assert latest.outcome == "seek_care_today"  # SPEC C2 turn 2: accident or fall
    assert second["Location"] == f"/red-flags/result/{latest.pk}/"
    again = client.post("/red-flags/", red_flag_form("after_accident_or_fall", key=key))
    assert again["Location"] == second["Location"]  # the changed form sent twice: once
    assert RedFlagCheck.objects.count() == 2


def test_damaged_key_gets_a_fresh_one_and_a_clear_message(client, cast):
    client.force_login(cast.patient.user)
    response = client.post("/red-flags/", red_flag_form(key="broken"))
    html = response.content.decode()
    assert 'value="broken"' not in html
    assert "form-errors" in html and 'id="q-' in html
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("sv"):
        assert gettext("Please answer every question.") not in html
