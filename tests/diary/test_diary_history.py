"""The diary's history: a chart with a text alternative, and a paged table."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

TZ = ZoneInfo("Europe/Stockholm")


def test_chart_and_table(client, cast, log_activity):
    for day in range(9, 13):
        log_activity(cast.patient, date(2026, 3, day), during=day - 6)
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 14, 12, 0, tzinfo=TZ), tick=False):
        html = client.get("/diary/").content.decode()
    assert 'role="img"' in html and "<desc" in html
    assert html.count('<circle cx=') == 4  # one dot per activity (no 24-hour rings yet)
    assert "9 mar" in html  # axis dates in words, Swedish
    assert html.count('<tr data-entry=') == 4


def test_table_is_paged_newest_first(client, cast, log_activity):
    start = date(2026, 1, 1)
    for n in range(55):
        log_activity(cast.patient, start + timedelta(days=n))
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 14, 12, 0, tzinfo=TZ), tick=False):
        first = client.get("/diary/").content.decode()
        second = client.get("/diary/?page=2").content.decode()
        silly = client.get("/diary/?page=abc")
    assert first.count("<tr data-entry=") == 50 and second.count("<tr data-entry=") == 5
    assert "2026-02-24" in first and "2026-01-01" in second
    assert silly.status_code == 200


def test_table_is_grouped_by_the_local_week(client, cast, log_activity):
    """Monday 30 March 00:00 in Stockholm is Sunday 22:00 UTC: it belongs to week 14."""
    late = log_activity(cast.patient, date(2026, 3, 30), hour=0)
    early = log_activity(cast.patient, date(2026, 3, 29), hour=12)
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 4, 1, 12, 0, tzinfo=TZ), tick=False):
        html = client.get("/diary/").content.decode()
    week14, week13 = html.index('data-week="14"'), html.index('data-week="13"')
    assert week14 < html.index(f'data-entry="{late.pk}"') < week13
    assert week13 < html.index(f'data-entry="{early.pk}"')
