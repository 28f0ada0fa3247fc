"""Server time and query count of the physiotherapist's dashboard for a large clinic.

Usage:  .venv/bin/python bench/dashboard.py [--patients 500] [--days 365] [--repeat 10]

Builds a throw-away SQLite database (or uses DATABASE_URL), a clinic whose physiotherapist
cares for ``--patients`` patients, each with ``--days`` of diary (two entries a day,
bulk_create), some red-flag checks, questionnaires and assignments, so that every reason of
the dashboard occurs. Then it serves the dashboard through Django's test client and prints
the median and worst server time and the number of queries against a budget. It measures:
no test depends on its figures (tests/clinic/test_dashboard_queries.py uses ``build`` to
check that the number of queries does not grow with the number of patients). It exits 1
when over budget, so that a person (or a scheduled job) notices.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

BUDGET_MS = 300
BUDGET_QUERIES = 20
KINDS = ("walking", "programme_exercise", "cycling", "nordic_walking")


def build(*, patients: int, days: int, now: datetime, entries_per_day: int = 2,
          prefix: str = "bench") -> tuple[Any, Any]:
    """Create a clinic, its physiotherapist and ``patients`` patients in care, with bulk
    inserts. Returns (clinic, physio). Patient ``i`` plays scenario ``i % 10``:
    0 red flag, 1 load (high-risk zone), 2 not settling, 3 silent for 10 days, 4 overdue
    assignment, 5 very high negative emotions in a balance check-in yesterday, 6 pain before
    activity above the acceptable zone in the last week, 7 morning pain rising week on
    week, others ordinary (settling, the 12-month questionnaires sent; 5-9 too).

    The episodes start ``days`` days before ``now``; entries are at 09:00 and 17:00 UTC.
    """
    from battrerygg.accounts.models import Clinic, Role, StaffMembership, User
    from battrerygg.clinical.instruments import schedule
    from battrerygg.clinical.pain_monitoring import follow_up_due_at
    from battrerygg.diary.models import ActivityEntry
    from battrerygg.patients.models import CareRelation, Episode, Patient
    from battrerygg.plan.models import BalanceCheckIn
    from battrerygg.proms.models import Assignment, Response
    from battrerygg.redflags.models import RedFlagCheck

    clinic = Clinic.objects.create(name=f"{prefix} vårdcentral")
    physio = User.objects.create_user(email=f"{prefix}.fysio@example.se", password=None,
                                      role=Role.PHYSIOTHERAPIST, full_name="Bänk Fysio")
    StaffMembership.objects.create(user=physio, clinic=clinic)
    users = User.objects.bulk_create([
        User(email=f"{prefix}.p{i}@example.se", full_name=f"Bänkpatient {i:04d}",
             role=Role.PATIENT, password="!")
        for i in range(patients)
    ])
    people = Patient.objects.bulk_create([Patient(user=u, clinic=clinic) for u in users])
    today = now.date()
    start = today - timedelta(days=days)
    episodes = Episode.objects.bulk_create([Episode(patient=p, start_date=start) for p in people])
    CareRelation.objects.bulk_create([
        CareRelation(physiotherapist=physio, patient=p, clinic=clinic) for p in people])
    rows = []
    for i, patient in enumerate(people):
        scenario = i % 10
        last_day = days - 10 if scenario == 3 else days
        for offset in range(last_day):
            day = start + timedelta(days=offset)
            recent = (today - day).days < 7
            for n in range(entries_per_day):
                started = datetime(day.year, day.month, day.day, 9 + 8 * n, tzinfo=UTC)
                if started > now:
                    continue
                ago = (today - day).days
                baseline = 3 if scenario == 2 else (6 if offset < 7 else 3)
                if scenario == 6 and recent:
                    baseline = 7  # above the acceptable zone (0-5)
                if scenario == 7 and ago < 14:
                    baseline = 4
                during = 7 if scenario == 1 and recent else 4
                at_24h = baseline if ago > 1 else None
                if scenario == 7 and at_24h is not None:  # mornings 3, then 4 (≤ baseline)
                    at_24h = 3 if ago >= 7 else 4
                rows.append(ActivityEntry(
                    patient=patient, kind=KINDS[(offset + n) % len(KINDS)], started_at=started,
                    local_date=day, timezone=patient.timezone, minutes=30,
                    pain_baseline=baseline, pain_during=during, pain_after=baseline,
                    pain_24h=at_24h,
                    follow_up_due_at=follow_up_due_at(started + timedelta(minutes=30),
                                                      patient.tz),
                    submission_key=uuid.uuid4(),
                ))
        if len(rows) > 20000:
            ActivityEntry.objects.bulk_create(rows, batch_size=2000)
            rows = []
    ActivityEntry.objects.bulk_create(rows, batch_size=2000)
    RedFlagCheck.objects.bulk_create([
        RedFlagCheck(patient=p, answers={"saddle_numbness": True}, outcome="emergency")
        for i, p in enumerate(people) if i % 10 == 0
    ])
    BalanceCheckIn.objects.bulk_create([
        BalanceCheckIn(patient=p, local_date=today - timedelta(days=1), posture=5, strength=5,
                       flexibility=5, fitness=5, load_physical=5, load_negative_emotions=9,
                       load_stress=5, load_worrying_thoughts=5)
        for i, p in enumerate(people) if i % 10 == 5
    ])
    Response.objects.bulk_create([
        Response(patient=p, episode=e, instrument=slot.instrument,
                 timepoint=slot.timepoint.value, status=Response.Status.SUBMITTED,
                 submitted_at=now, total=3)
        for i, (p, e) in enumerate(zip(people, episodes, strict=True)) if i % 10 > 4
        for slot in schedule.plan(start) if slot.due <= today
    ])
    Assignment.objects.bulk_create([
        Assignment(patient=p, episode=e, instrument="nrs_back",
                   due_date=today - timedelta(days=10), assigned_by=physio)
        for i, (p, e) in enumerate(zip(people, episodes, strict=True)) if i % 10 == 4
    ])
    return clinic, physio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the data in BATTRERYGG_DATA_DIR and reuse it on the next run")
    args = parser.parse_args()

    from _django import login_staff, setup_django  # bench/ is on the path as a script

    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from battrerygg.accounts.models import Clinic, StaffMembership
    from battrerygg.diary.models import ActivityEntry

    now = datetime.now(UTC)
    t0 = time.perf_counter()
    prefix = f"bench-{args.patients}-{args.days}" if args.reuse else f"bench-{uuid.uuid4().hex[:6]}"
    _clinic = Clinic.objects.filter(name=f"{prefix} vårdcentral").first()
    if _clinic is not None:
        physio = StaffMembership.objects.get(clinic=_clinic).user
    else:
        _clinic, physio = build(patients=args.patients, days=args.days, now=now, prefix=prefix)
    if connection.vendor == "postgresql":
        # PostgreSQL's autovacuum gathers statistics soon after a bulk load; do it now, as
        # a running server would have, so that the planner knows the tables' sizes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    built = time.perf_counter() - t0
    entries = ActivityEntry.objects.filter(patient__clinic=_clinic).count()
    client = Client()
    login_staff(client, physio)
    print(f"{args.patients} patients, {entries} diary entries ({connection.vendor}), "
          f"built in {built:.0f} s")
    # The first request of a login records the session (allauth.usersessions: the list of
    # one's sessions); the page is measured as it is served from then on.
    assert client.get("/accounts/sessions/").status_code == 200
    timings, counts = [], []
    for _ in range(args.repeat):
        with CaptureQueriesContext(connection) as queries:
            t1 = time.perf_counter()
            response = client.get("/clinic/")
            timings.append((time.perf_counter() - t1) * 1000)
        assert response.status_code == 200, response.status_code
        counts.append(len(queries))
    if os.environ.get("BENCH_SHOW_QUERIES"):
        for q in queries.captured_queries:
            print(q["time"], q["sql"][:300])
    median = statistics.median(timings)
    ok = median <= BUDGET_MS and max(counts) <= BUDGET_QUERIES
    print(f"{'page':10} {'median ms':>10} {'max ms':>8} {'queries':>8}   budget")
    print(f"{'/clinic/':10} {median:10.1f} {max(timings):8.1f} {max(counts):8d}   "
          f"≤ {BUDGET_MS} ms, ≤ {BUDGET_QUERIES} queries  {'ok' if ok else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
