"""Correcting a logged activity: saved and audited, scoped to the owner, validated."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from battrerygg.audit.models import AuditEvent
from tests.diary.helpers import activity_form

TZ = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 3, 12, 12, 0, tzinfo=TZ)


def test_owner_corrects_an_entry(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), hour=10, during=4)
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        form = client.get(f"/diary/{entry.pk}/edit/").content.decode()
        assert 'value="2026-03-10"' in form
        response = client.post(f"/diary/{entry.pk}/edit/", activity_form(
            local_date="2026-03-10", local_time="18:00", pain_during="7"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.pain_during == 7 and entry.local_start.hour == 18
    assert entry.follow_up_due_at.astimezone(TZ) == datetime(2026, 3, 11, 7, 0, tzinfo=TZ)
    assert AuditEvent.objects.filter(what="diary.entry", action="update").count() == 1


def test_unchanged_form_writes_nothing(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), hour=10, baseline=3, during=4,
                         after=3)
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        response = client.post(f"/diary/{entry.pk}/edit/", activity_form(local_time="10:00"))
    assert response.status_code == 302  # a valid form...
    assert not AuditEvent.objects.filter(action="update").exists()  # ...that changed nothing


def test_bad_correction_changes_nothing(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), during=4)
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        response = client.post(f"/diary/{entry.pk}/edit/", activity_form(pain_during="12"))
        future = client.post(f"/diary/{entry.pk}/edit/", activity_form(local_date="2026-03-13"))
    assert response.status_code == 200 and future.status_code == 200
    entry.refresh_from_db()
    assert entry.pain_during == 4 and entry.local_date == date(2026, 3, 10)


def test_nobody_else_can_correct(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), during=4)
    for user in (cast.patient_b.user, cast.physio):
        client.force_login(user)
        with time_machine.travel(NOW, tick=False):
            get = client.get(f"/diary/{entry.pk}/edit/")
            post = client.post(f"/diary/{entry.pk}/edit/", activity_form(pain_during="9"))
        assert get.status_code in (403, 404) and post.status_code in (403, 404)
    entry.refresh_from_db()
    assert entry.pain_during == 4
