"""A diary time in October's repeated hour (02:00–03:00 on the last Sunday of October,
Europe/Stockholm) is asked about, never stored as summer time without asking; both
instants can be logged, and are listed in order, 60 minutes apart."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from django.utils import translation

from battrerygg.diary import services
from battrerygg.diary.models import ActivityEntry
from tests.diary.helpers import activity_form

AFTER = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)  # the last Sunday of October, noon
NIGHT = {"local_date": "2026-10-25", "local_time": "02:30"}


def test_the_form_asks_summer_or_winter_time_and_stores_nothing_until_answered(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(AFTER, tick=False), translation.override("sv"):
        response = client.post("/diary/new/", activity_form(**NIGHT))
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="q-repeated_hour"' in html and 'value="winter"' in html
        assert ActivityEntry.objects.count() == 0
        ordinary = client.get("/diary/new/").content.decode()
        assert 'id="q-repeated_hour"' not in ordinary  # asked only when ambiguous


@pytest.mark.parametrize(("choice", "utc_hour"), [("summer", 0), ("winter", 1)])
def test_the_answer_decides_the_instant(client, cast, choice, utc_hour):
    client.force_login(cast.patient.user)
    with time_machine.travel(AFTER, tick=False):
        response = client.post("/diary/new/", activity_form(**NIGHT, repeated_hour=choice))
    assert response.status_code == 302
    entry = ActivityEntry.objects.get()
    assert entry.started_at == datetime(2026, 10, 25, utc_hour, 30, tzinfo=UTC)
    assert (entry.local_start.hour, entry.local_start.minute) == (2, 30)
    assert entry.local_date == date(2026, 10, 25)


def test_both_instants_can_be_logged_and_are_listed_in_order_an_hour_apart(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(AFTER, tick=False):
        for choice in ("winter", "summer"):
            assert client.post("/diary/new/", activity_form(
                **NIGHT, repeated_hour=choice, kind="walking")).status_code == 302
    first, second = ActivityEntry.objects.order_by("started_at")
    assert second.started_at - first.started_at == timedelta(minutes=60)
    assert first.local_start.utcoffset() == timedelta(hours=2)  # summer time (CEST)
    assert second.local_start.utcoffset() == timedelta(hours=1)  # winter time (CET)
    assert (first.repeated_hour, second.repeated_hour) == ("summer", "winter")
    with time_machine.travel(AFTER, tick=False), translation.override("sv"):
        page = client.get("/diary/").content.decode()
    summer, winter = page.index("02:30 (sommartid)"), page.index("02:30 (vintertid)")
    assert winter < summer  # the diary lists the newest first: winter time came later


def test_a_time_outside_the_repeated_hour_needs_no_answer(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(AFTER, tick=False):
        response = client.post("/diary/new/", activity_form(local_date="2026-10-25",
                                                            local_time="03:30"))
    assert response.status_code == 302
    assert ActivityEntry.objects.get().started_at == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)


def test_the_service_refuses_the_repeated_hour_without_a_choice(cast):
    data = services.ActivityInput(kind="walking", local_date=date(2026, 10, 25),
                                  local_time=time(2, 30), minutes=20, pain_baseline=3,
                                  pain_during=4, pain_after=3)
    with pytest.raises(services.DiaryError) as caught:
        services.record_activity(cast.patient, data, submission_key=uuid.uuid4(), now=AFTER)
    assert caught.value.code == "ambiguous_time"
    assert ActivityEntry.objects.count() == 0


def test_changing_an_entry_in_the_repeated_hour_keeps_which_one_it_was(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(AFTER, tick=False):
        client.post("/diary/new/", activity_form(**NIGHT, repeated_hour="winter"))
        entry = ActivityEntry.objects.get()
        page = client.get(f"/diary/{entry.pk}/edit/").content.decode()
        assert 'id="q-repeated_hour"' in page
        assert re.search(r'<input[^>]*value="winter"[^>]*checked', page)
        assert not re.search(r'<input[^>]*value="summer"[^>]*checked', page)
