"""The list of one's sessions (allauth.usersessions) is kept up to date at most once a
minute per session: a page does not cost a write transaction on every request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test.utils import CaptureQueriesContext

START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def _writes(queries) -> int:
    return sum(1 for q in queries.captured_queries
               if q["sql"].startswith(("UPDATE \"usersessions", "INSERT INTO \"usersessions")))


def test_the_session_is_recorded_at_once_then_once_a_minute(client, cast):
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(cast.patient.user)
        client.get("/")
        recorded = UserSession.objects.get(user=cast.patient.user)
        with CaptureQueriesContext(connection) as queries:
            client.get("/diary/")
            client.get("/")
        assert _writes(queries) == 0
        clock.shift(timedelta(seconds=61))
        with CaptureQueriesContext(connection) as queries:
            client.get("/diary/")
        assert _writes(queries) == 1
    recorded.refresh_from_db()
    assert recorded.last_seen_at >= START + timedelta(seconds=61)
