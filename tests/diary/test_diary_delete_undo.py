"""Deleting an entry can be undone for 30 minutes; a deleted entry counts for nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.diary import queries
from battrerygg.diary.services import DiaryError, delete_entry, restore_entry

TZ = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 3, 12, 12, 0, tzinfo=TZ)


def test_delete_then_undo_from_the_diary_page(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        client.post(f"/diary/{entry.pk}/delete/")
        page = client.get("/diary/").content.decode()
        assert f"/diary/{entry.pk}/restore/" in page
        assert client.post(f"/diary/{entry.pk}/restore/").status_code == 302
        assert client.get(f"/diary/{entry.pk}/").status_code == 200
    entry.refresh_from_db()
    assert entry.deleted_at is None


def test_undo_expires(cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    delete_entry(entry, now=NOW)
    with pytest.raises(DiaryError):
        restore_entry(entry, now=NOW + timedelta(minutes=31))


def test_deleted_entries_do_not_count_for_the_advice(cast, log_activity):
    user = cast.patient.user
    entries = [log_activity(cast.patient, date(2026, 3, d), baseline=2, during=2)
               for d in (9, 10, 11)]
    for e in entries:
        e.pain_24h = 2
        e.save()
    assert queries.assessed_entry(user, entries[2].pk).assessment.advice.value == "increase"
    delete_entry(entries[0])
    assert queries.assessed_entry(user, entries[2].pk).assessment.advice.value == "keep"
    assert len(queries.assessed_entries(user, cast.patient)) == 2
