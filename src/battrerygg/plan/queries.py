"""Reads of check-ins, goals and reminders, always through the access layer. Staff reads
are audit-logged (``audit.services.record_read``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_read
from battrerygg.clinical.goals import LoggedActivity, Progress, Unit, progress, week_start
from battrerygg.diary import queries as diary_queries
from battrerygg.patients.access import (
    AccessDenied,
    check_read,
    may_change,
    may_see,
    visible_patients,
)
from battrerygg.patients.models import Patient
from battrerygg.patients.services import current_episode
from battrerygg.plan.models import (
    GOAL_ACTIVITY_VALUES,
    BalanceCheckIn,
    Motivation,
    ReminderPreference,
    WeeklyGoal,
)

CHECKIN_INTERVAL = timedelta(days=14)
"""A new balance check-in is suggested two weeks after the last one (SPEC P4: "repeated
check-ins show how the balance moves over weeks"); the first is due at once."""


def checkins(user: Any, patient: Patient) -> list[BalanceCheckIn]:
    """The patient's balance check-ins, oldest first."""
    check_read(user, patient, What.BALANCE_CHECKINS)
    return list(BalanceCheckIn.objects.filter(patient=patient))


def checkin(user: Any, checkin_id: int) -> BalanceCheckIn:
    """One check-in, only of a patient ``user`` may see (else AccessDenied)."""
    found = (
        BalanceCheckIn.objects.select_related("patient")
        .filter(pk=checkin_id, patient__in=visible_patients(user))
        .first()
    )
    if found is None:
        raise AccessDenied
    record_read(actor=user, patient=found.patient, what=What.BALANCE_CHECKIN, object_id=found.pk)
    return found


def next_checkin(user: Any, patient: Patient, latest: BalanceCheckIn | None) -> date:
    """The date the next check-in is suggested: two weeks after the latest; the first is
    due from the start of the current episode (or from when the patient was registered).
    Raises AccessDenied unless ``user`` may see the patient (no audit row: a date, no
    health data)."""
    if not may_see(user, patient):
        raise AccessDenied
    if latest is not None:
        return latest.local_date + CHECKIN_INTERVAL
    episode = current_episode(patient)
    if episode is not None:
        return episode.start_date
    return patient.created_at.astimezone(patient.tz).date()


def current_goals(user: Any, patient: Patient) -> list[WeeklyGoal]:
    """The goals in force now, in the order of the activity list."""
    check_read(user, patient, What.WEEKLY_GOALS)
    order = list(GOAL_ACTIVITY_VALUES)
    goals = WeeklyGoal.objects.filter(patient=patient, ends_on__isnull=True)
    return sorted(goals, key=lambda g: order.index(g.activity))


def all_goals(user: Any, patient: Patient) -> list[WeeklyGoal]:
    """Every goal the patient has set, current and ended, oldest first."""
    check_read(user, patient, What.WEEKLY_GOALS)
    return list(WeeklyGoal.objects.filter(patient=patient).order_by("created_at", "pk"))


def had_goal(user: Any, patient: Patient, goal_id: int) -> bool:
    """Whether ``goal_id`` is a goal of ``patient``, current or ended (a stale link is told
    apart from a foreign one). Raises AccessDenied unless ``user`` may see the patient (no
    audit row: a yes or no, no health data)."""
    if not may_see(user, patient):
        raise AccessDenied
    return WeeklyGoal.objects.filter(pk=goal_id, patient=patient).exists()


def goal_for_change(user: Any, goal_id: int) -> WeeklyGoal:
    """A current goal the user may change: the patient's own (else AccessDenied)."""
    goal = (
        WeeklyGoal.objects.select_related("patient")
        .filter(pk=goal_id, ends_on__isnull=True, patient__in=visible_patients(user))
        .first()
    )
    if goal is None or not may_change(user, goal.patient):
        raise AccessDenied
    return goal


@dataclass
class Week:
    """One ISO week (Monday ``monday``) with each goal in force then and its progress."""

    monday: date
    goals: list[tuple[WeeklyGoal, Progress]] = field(default_factory=list)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def number(self) -> int:
        return self.monday.isocalendar().week

    @property
    def met(self) -> int:
        return sum(1 for _goal, p in self.goals if p.met)


def weeks(user: Any, patient: Patient, first: date, last: date) -> list[Week]:
    """Goal progress per ISO week from the week of ``first`` to the week of ``last``
    (newest first), counted from the diary entries of each week (SPEC P6). Weeks without
    a goal in force are left out. Two queries however many weeks."""
    check_read(user, patient, What.WEEKLY_GOALS)
    start, end = week_start(first), week_start(last)
    goals = list(
        WeeklyGoal.objects.filter(patient=patient, starts_on__lte=end)
        .exclude(ends_on__lt=start)
    )
    if not goals:
        return []
    activities = [
        LoggedActivity(kind, day, minutes)
        for kind, day, minutes in diary_queries.entries(user, patient)
        .filter(kind__in={g.activity for g in goals}, local_date__gte=start,
                local_date__lt=end + timedelta(days=7))
        .values_list("kind", "local_date", "minutes")
    ]
    order = list(GOAL_ACTIVITY_VALUES)
    result = []
    monday = end
    while monday >= start:
        in_force = [g for g in goals
                    if g.starts_on <= monday and (g.ends_on is None or g.ends_on >= monday)]
        if in_force:
            week = Week(monday)
            for goal in sorted(in_force, key=lambda g: order.index(g.activity)):
                week.goals.append(
                    (goal, progress(goal.activity, Unit(goal.unit), goal.target,
                                    activities, monday))
                )
            result.append(week)
        monday -= timedelta(days=7)
    return result


def motivation(user: Any, patient: Patient) -> Motivation | None:
    """What motivates the patient, or None."""
    check_read(user, patient, What.MOTIVATION)
    return Motivation.objects.filter(patient=patient).first()


def wants_email_reminders(user: Any, patient: Patient) -> bool:
    """The patient's own choice (no health data, no audit row): False until they opt in.
    Raises AccessDenied unless ``user`` may see the patient."""
    if not may_see(user, patient):
        raise AccessDenied
    return ReminderPreference.objects.filter(patient=patient, by_email=True).exists()


def latest_checkin(user: Any, patient: Patient) -> BalanceCheckIn | None:
    """The patient's most recent check-in, or None."""
    check_read(user, patient, What.BALANCE_CHECKINS)
    return BalanceCheckIn.objects.filter(patient=patient).last()


@dataclass
class Due:
    """What is waiting for the patient on ``today`` (their local date)."""

    today: date
    follow_up_ids: set[int]
    this_week: Week | None
    last_week: Week | None
    next_checkin: date
    latest_checkin: BalanceCheckIn | None

    @property
    def follow_ups(self) -> int:
        """How many 24-hour pain values are waiting."""
        return len(self.follow_up_ids)

    @property
    def checkin_due(self) -> bool:
        return self.next_checkin <= self.today

    @property
    def goals_open(self) -> list[tuple[WeeklyGoal, Progress]]:
        return [(g, p) for g, p in (self.this_week.goals if self.this_week else []) if not p.met]


def due(user: Any, patient: Patient, now: Any) -> Due:
    """What is due for the patient at the instant ``now``: 24-hour pain values, this week's
    goals (with last week's for the summary) and the next balance check-in (start page and
    reminder e-mails)."""
    today = now.astimezone(patient.tz).date()
    latest = latest_checkin(user, patient)
    recent = {w.monday: w for w in weeks(user, patient, today - timedelta(days=7), today)}
    monday = week_start(today)
    return Due(
        today=today,
        follow_up_ids=set(
            diary_queries.due_follow_ups(user, patient, now).values_list("pk", flat=True)
        ),
        this_week=recent.get(monday),
        last_week=recent.get(monday - timedelta(days=7)),
        next_checkin=next_checkin(user, patient, latest),
        latest_checkin=latest,
    )
