"""SPEC Q5: the dashboard is served with the same number of queries for 10 patients as for
500, each with diary entries (the data of bench/dashboard.py, over 3 weeks)."""

import importlib.util
from datetime import UTC, datetime
from pathlib import Path

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from battrerygg.audit.models import AuditEvent
from battrerygg.clinic.dashboard import PAGE_SIZE

NOW = datetime(2026, 3, 30, 10, 0, tzinfo=UTC)
BENCH = Path(__file__).resolve().parents[2] / "bench" / "dashboard.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_dashboard", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _served(client, physio) -> tuple[int, str]:
    client.force_login(physio)
    with time_machine.travel(NOW, tick=False):
        # The first request of a login records the session (allauth.usersessions: the
        # sessions list); the dashboard is measured as it is served from then on.
        assert client.get("/accounts/sessions/").status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/clinic/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_same_number_of_queries_for_10_and_500_patients(client, db):
    build = _bench().build
    _, small = build(patients=10, days=21, now=NOW, prefix="small")
    _, large = build(patients=500, days=21, now=NOW, prefix="large")
    small_count, small_html = _served(client, small)
    reads = AuditEvent.objects.exclude(what__startswith="auth.")  # the login is a row too
    before = reads.count()
    large_count, large_html = _served(client, large)
    assert small_count == large_count
    assert small_count <= 20
    # Every reason occurs; the large clinic's first page shows PAGE_SIZE patients with
    # signals (its 50 red flags come first), one audit row each.
    for text in ("Sök vård nu", "zonen för hög risk", "Inte bättre", "frågeformulär försenade",
                 "Inget loggat", "Negativa känslor skattade till 9", "över den acceptabla zonen",
                 "Morgonsmärtan ökar vecka för vecka"):
        assert text in small_html
    assert large_html.count("Sök vård nu") == PAGE_SIZE
    assert reads.count() - before == PAGE_SIZE
    assert "Sida 1 av" in large_html
