"""The 24-hour value: asked on the start page when due, advice updated when given."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

TZ = ZoneInfo("Europe/Stockholm")


def test_start_page_asks_when_due(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), hour=18, during=4)
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 11, 6, 59, tzinfo=TZ), tick=False):
        assert f'data-entry="{entry.pk}"' not in client.get("/").content.decode()
    with time_machine.travel(datetime(2026, 3, 11, 7, 0, tzinfo=TZ), tick=False):
        assert f'data-entry="{entry.pk}"' in client.get("/").content.decode()


def test_too_early_is_refused_and_nothing_saved(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), hour=18)
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 10, 20, 0, tzinfo=TZ), tick=False):
        response = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"})
    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.pain_24h is None


def test_advice_is_updated_when_the_value_arrives(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), hour=10, baseline=3, during=4)
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 11, 9, 0, tzinfo=TZ), tick=False):
        page = client.get(f"/diary/{entry.pk}/").content.decode()
        assert 'data-advice="await_24h"' in page
        response = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "5"})
        assert response.status_code == 302
        page = client.get(f"/diary/{entry.pk}/").content.decode()
    assert 'data-advice="reduce"' in page


def test_bad_24h_value_is_refused(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 12, 9, 0, tzinfo=TZ), tick=False):
        for bad in ("11", "-1", "2.5", ""):
            response = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": bad})
            assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.pain_24h is None


def test_course_not_settling_is_shown(client, cast, log_activity):
    for day in range(9, 27):
        log_activity(cast.patient, date(2026, 3, day), baseline=6, during=5)
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 27, 12, 0, tzinfo=TZ), tick=False):
        page = client.get("/").content.decode()
    assert "outcome-contact_physiotherapist" in page


def test_htmx_answer_is_swapped_in_place(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), hour=10, baseline=3, during=4)
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 11, 9, 0, tzinfo=TZ), tick=False):
        bad = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "12"},
                          HTTP_HX_REQUEST="true")
        assert bad.status_code == 200 and "errorlist" in bad.content.decode()
        assert "<html" not in bad.content.decode()
        good = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"},
                           HTTP_HX_REQUEST="true")
    html = good.content.decode()
    assert good.status_code == 200 and "<html" not in html
    assert f'data-result-for="{entry.pk}"' in html and 'data-advice="keep"' in html


def test_start_page_stops_asking_after_two_days(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), hour=18)
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 13, 6, 59, tzinfo=TZ), tick=False):
        assert f'data-entry="{entry.pk}"' in client.get("/").content.decode()
    with time_machine.travel(datetime(2026, 3, 13, 7, 1, tzinfo=TZ), tick=False):
        assert f'data-entry="{entry.pk}"' not in client.get("/").content.decode()
        # ... but it can still be given on the entry's page.
        assert 'id="follow-up"' in client.get(f"/diary/{entry.pk}/").content.decode()
