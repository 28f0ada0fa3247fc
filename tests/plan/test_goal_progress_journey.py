"""SPEC P6: weekly goal progress over the journey's weeks equals the minutes of matching
diary entries in each ISO week in Europe/Stockholm, computed here independently."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from battrerygg.diary.services import ActivityInput, record_activity
from battrerygg.plan import queries, services
from battrerygg.plan.models import GOAL_ACTIVITY_VALUES
from tests.shared import load_case_file

JOURNEY = load_case_file("journey-anna-refined.json")
STHLM = ZoneInfo("Europe/Stockholm")


def log_journey(patient) -> None:
    for item in JOURNEY["diary"]:
        day = date.fromisoformat(item["local_date"])
        pain = item["pain"]
        record_activity(
            patient,
            ActivityInput(kind=item["activity"], local_date=day,
                          local_time=time.fromisoformat(item["local_time"]),
                          minutes=item["minutes"], pain_baseline=pain["baseline"],
                          pain_during=pain["during"], pain_after=pain["after"]),
            submission_key=uuid.uuid4(),
            now=datetime.combine(day, time(23, 59), tzinfo=STHLM),
        )


def expected_per_week(kind: str, unit: str) -> dict[tuple[int, int], int]:
    """Independently: ISO (year, week) of each local start in Stockholm → minutes/sessions."""
    totals: dict[tuple[int, int], int] = defaultdict(int)
    for item in JOURNEY["diary"]:
        if item["activity"] != kind:
            continue
        start = datetime.fromisoformat(f'{item["local_date"]}T{item["local_time"]}')
        local = start.replace(tzinfo=STHLM).astimezone(UTC).astimezone(STHLM)
        year, week, _day = local.isocalendar()
        totals[(year, week)] += item["minutes"] if unit == "minutes" else 1
    return dict(totals)


def test_weekly_progress_of_each_activity_over_the_journey(cast):
    patient = cast.patient
    log_journey(patient)
    kinds = sorted({item["activity"] for item in JOURNEY["diary"]} & set(GOAL_ACTIVITY_VALUES))
    assert "walking" in kinds
    start = date.fromisoformat(JOURNEY["episode_start"])
    for kind in kinds:
        services.set_goal(patient, activity=kind, unit="minutes", target=60, today=start)
    last = max(date.fromisoformat(item["local_date"]) for item in JOURNEY["diary"])
    with time_machine.travel(datetime.combine(last, time(12), tzinfo=STHLM), tick=False):
        weeks = queries.weeks(patient.user, patient, start, last)
    assert len(weeks) == len({(d.isocalendar()[0], d.isocalendar()[1])
                              for d in (start + timedelta(days=n)
                                        for n in range((last - start).days + 1))})
    for kind in kinds:
        expected = expected_per_week(kind, "minutes")
        for week in weeks:
            iso = (week.monday.isocalendar()[0], week.monday.isocalendar()[1])
            progress = next(p for goal, p in week.goals if goal.activity == kind)
            assert progress.done == expected.get(iso, 0), (kind, iso)
    walking = expected_per_week("walking", "minutes")
    assert sum(walking.values()) == sum(
        i["minutes"] for i in JOURNEY["diary"] if i["activity"] == "walking"
    )
    assert len(walking) >= 5  # the journey walks in most of its weeks


def test_sessions_are_counted_per_week(cast):
    patient = cast.patient
    log_journey(patient)
    start = date.fromisoformat(JOURNEY["episode_start"])
    services.set_goal(patient, activity="walking", unit="sessions", target=3, today=start)
    weeks = queries.weeks(patient.user, patient, start, date(2026, 4, 19))
    expected = expected_per_week("walking", "sessions")
    for week in weeks:
        iso = (week.monday.isocalendar()[0], week.monday.isocalendar()[1])
        assert week.goals[0][1].done == expected.get(iso, 0)
