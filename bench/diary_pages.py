"""Server time and query count of the patient's pages with a year of diary.

Usage:  .venv/bin/python bench/diary_pages.py [--entries-per-day 2] [--repeat 20]

Builds a throw-away SQLite database (or uses DATABASE_URL), gives one patient a year of
diary entries, then renders the start page, the diary and one entry through Django's test
client. Prints the median and worst server time and the number of queries per page against
a budget. It measures: no test depends on it; it exits 1 when a page is over budget, so
that a person (or a scheduled job) notices.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from datetime import UTC, date, datetime, timedelta

BUDGET_MS = {"/": 250, "/diary/": 400, "entry": 150}
BUDGET_QUERIES = {"/": 15, "/diary/": 15, "entry": 10}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries-per-day", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from _django import setup_django  # bench/ is on the path when run as a script

    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from battrerygg.clinical.pain_monitoring import follow_up_due_at
    from battrerygg.diary.models import ActivityEntry
    from battrerygg.patients.services import register_patient

    email = f"bench-{uuid.uuid4().hex[:8]}@example.se"
    patient = register_patient(email=email, password=None,
                               episode_start=date.today() - timedelta(days=365))
    tz = patient.tz
    kinds = ["walking", "programme_exercise", "cycling", "nordic_walking"]
    rows = []
    today = datetime.now(tz).date()
    for day_offset in range(365, 0, -1):
        day = today - timedelta(days=day_offset)
        for n in range(args.entries_per_day):
            start = datetime(day.year, day.month, day.day, 9 + 4 * n, 0, tzinfo=tz)
            end = start.astimezone(UTC) + timedelta(minutes=30)
            rows.append(ActivityEntry(
                patient=patient, kind=kinds[(day_offset + n) % len(kinds)], started_at=start,
                local_date=day, timezone=patient.timezone, minutes=30,
                pain_baseline=3, pain_during=(day_offset % 7), pain_after=3,
                pain_24h=3 if day_offset > 1 else None, follow_up_due_at=follow_up_due_at(end, tz),
                submission_key=uuid.uuid4(),
            ))
    ActivityEntry.objects.bulk_create(rows, batch_size=500)
    entry_id = ActivityEntry.objects.filter(patient=patient).order_by("pk")[len(rows) // 2].pk

    client = Client()
    client.force_login(patient.user)
    print(f"{len(rows)} diary entries for one patient ({connection.vendor})")
    print(f"{'page':10} {'median ms':>10} {'max ms':>8} {'queries':>8}   budget")
    over = False
    for name, path in (("/", "/"), ("/diary/", "/diary/"), ("entry", f"/diary/{entry_id}/")):
        timings = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        median = statistics.median(timings)
        ok = median <= BUDGET_MS[name] and len(queries) <= BUDGET_QUERIES[name]
        over |= not ok
        print(f"{name:10} {median:10.1f} {max(timings):8.1f} {len(queries):8d}   "
              f"≤ {BUDGET_MS[name]} ms, ≤ {BUDGET_QUERIES[name]} queries  {'ok' if ok else 'OVER'}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
