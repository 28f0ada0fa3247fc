"""A form submitted twice (double click, reload) creates one entry."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from battrerygg.audit.models import AuditEvent
from battrerygg.diary.models import ActivityEntry
from tests.diary.helpers import activity_form

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def test_double_submit_creates_one_entry(client, cast):
    client.force_login(cast.patient.user)
    form = activity_form()
    with time_machine.travel(NOW, tick=False):
        first = client.post("/diary/new/", form)
        second = client.post("/diary/new/", form)
    assert ActivityEntry.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert AuditEvent.objects.filter(what="diary.entry").count() == 1


def test_two_forms_create_two_entries(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        client.post("/diary/new/", activity_form())
        client.post("/diary/new/", activity_form())
    assert ActivityEntry.objects.count() == 2


def test_the_same_key_from_another_patient_is_their_own(client, cast):
    form = activity_form()
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.patient.user)
        client.post("/diary/new/", form)
        client.force_login(cast.patient_b.user)
        client.post("/diary/new/", form)
    assert ActivityEntry.objects.filter(patient=cast.patient).count() == 1
    assert ActivityEntry.objects.filter(patient=cast.patient_b).count() == 1


def test_repeated_follow_up_is_harmless(client, cast, log_activity):
    from datetime import date

    entry = log_activity(cast.patient, date(2026, 3, 10))
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"})
        client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"})
    assert AuditEvent.objects.filter(what="diary.follow_up").count() == 1
    entry.refresh_from_db()
    assert entry.pain_24h == 3
