"""Every write of balance check-ins, goals, motivation and reminder choices: validated
again here (forms are not the only caller), in a transaction, audited, safe to repeat."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.db import transaction

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.clinical.balance import Capacity, Load, Ratings
from battrerygg.clinical.goals import Unit, validate_target, week_start
from battrerygg.patients.models import Patient
from battrerygg.plan.models import (
    GOAL_ACTIVITY_VALUES,
    BalanceCheckIn,
    Motivation,
    PhysicalLoadDirection,
    ReminderPreference,
    WeeklyGoal,
)
from battrerygg.submissions import create_once, save_once

EARLIEST_CHECKIN = timedelta(days=366)
"""A check-in may be dated at most a year back (a typo guard, as in the diary)."""

MOTIVATION_MAX = 2000


class PlanError(ValueError):
    """A write that breaks a rule; ``code`` names it for the form to translate."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _fields_of(ratings: Ratings) -> dict[str, int]:
    return {c.value: ratings.capacity[c] for c in Capacity} | {
        f"load_{x.value}": ratings.loads[x] for x in Load
    }


@transaction.atomic
def record_checkin(
    patient: Patient,
    *,
    local_date: date,
    ratings: Ratings,
    today: date,
    physical_direction: str = "",
    submission_key: uuid.UUID | None = None,
) -> BalanceCheckIn:
    """Save a balance check-in (SPEC P4). ratings: validated 0–10 by ``Ratings``.

    local_date: the patient's local date, not after ``today`` and at most a year back
    (PlanError "future_date" / "too_old"). physical_direction: "", "too_much" or
    "too_little" (PlanError "bad_direction"). The same submission_key with the same
    answers returns the saved check-in (a double submit); with other answers it is a new
    check-in (the patient went back and changed the form), itself saved once
    (``battrerygg.submissions``).
    """
    if local_date > today:
        raise PlanError("future_date")
    if local_date < today - EARLIEST_CHECKIN:
        raise PlanError("too_old")
    if physical_direction not in {"", *PhysicalLoadDirection.values}:
        raise PlanError("bad_direction")
    values = _fields_of(ratings) | {
        "local_date": local_date, "physical_direction": physical_direction,
    }

    def create(key: uuid.UUID) -> BalanceCheckIn:
        checkin = BalanceCheckIn.objects.create(patient=patient, submission_key=key, **values)
        record_change(actor=patient.user, patient=patient, action="create",
                      what=What.BALANCE_CHECKIN, object_id=checkin.pk)
        return checkin

    checkin, _created = save_once(
        lambda key: BalanceCheckIn.objects.filter(patient=patient, submission_key=key).first(),
        create, submission_key or uuid.uuid4(), values,
    )
    return checkin


def _validate_goal(activity: str, unit: str, target: object) -> tuple[Unit, int]:
    if activity not in GOAL_ACTIVITY_VALUES:
        raise PlanError("no_activity")
    if unit not in Unit.__members__.values():
        raise PlanError("bad_unit")
    try:
        return Unit(unit), validate_target(Unit(unit), target)
    except ValueError:
        raise PlanError("bad_target") from None


@transaction.atomic
def set_goal(
    patient: Patient, *, activity: str, unit: str, target: int, today: date
) -> WeeklyGoal:
    """Set the weekly goal for ``activity`` from this week on (SPEC P6).

    activity: one of GOAL_ACTIVITY_VALUES (PlanError "no_activity"); unit: "minutes" or
    "sessions" ("bad_unit"); target: minutes 1–10080 or sessions 1–50 ("bad_target").
    The same goal again changes nothing. A goal started this week is changed in place;
    an older one ends with last week, so past weeks keep the goal they had.
    """
    unit_, target = _validate_goal(activity, unit, target)
    monday = week_start(today)

    def current() -> WeeklyGoal | None:
        return (WeeklyGoal.objects.select_for_update()
                .filter(patient=patient, activity=activity, ends_on__isnull=True).first())

    def start() -> WeeklyGoal:
        goal = WeeklyGoal.objects.create(
            patient=patient, activity=activity, unit=unit_.value, target=target,
            starts_on=monday,
        )
        record_change(actor=patient.user, patient=patient, action="create",
                      what=What.WEEKLY_GOALS, object_id=goal.pk)
        return goal

    goal, created = create_once(current, start)  # one current goal per activity
    if created or (goal.unit == unit_ and goal.target == target):
        return goal
    if goal.starts_on >= monday:
        goal.unit, goal.target = unit_.value, target
        goal.save(update_fields=["unit", "target", "updated_at"])
        record_change(actor=patient.user, patient=patient, action="update",
                      what=What.WEEKLY_GOALS, object_id=goal.pk)
        return goal
    goal.ends_on = monday - timedelta(days=1)  # locked: no other request starts one now
    goal.save(update_fields=["ends_on", "updated_at"])
    record_change(actor=patient.user, patient=patient, action="update",
                  what=What.WEEKLY_GOALS, object_id=goal.pk)
    return start()


@transaction.atomic
def end_goal(goal: WeeklyGoal, *, today: date) -> None:
    """Stop a current goal: it no longer applies from this week. A goal that started this
    week is removed; an older one keeps its past weeks. Ending it twice changes nothing.
    ``goal`` must come from ``queries.goal_for_change`` (the patient's own)."""
    goal = WeeklyGoal.objects.select_for_update().get(pk=goal.pk)
    if goal.ends_on is not None:
        return
    monday = week_start(today)
    patient = goal.patient
    if goal.starts_on >= monday:
        goal_id = goal.pk
        goal.delete()
        record_change(actor=patient.user, patient=patient, action="delete",
                      what=What.WEEKLY_GOALS, object_id=goal_id)
        return
    goal.ends_on = monday - timedelta(days=1)
    goal.save(update_fields=["ends_on", "updated_at"])
    record_change(actor=patient.user, patient=patient, action="update",
                  what=What.WEEKLY_GOALS, object_id=goal.pk)


@transaction.atomic
def save_motivation(patient: Patient, text: str) -> Motivation | None:
    """What motivates the patient, in their words (≤ 2000 characters, PlanError
    "too_long"). Empty text removes it. Saving the same text again writes nothing."""
    text = text.strip()
    if len(text) > MOTIVATION_MAX:
        raise PlanError("too_long")
    if not text:
        current = Motivation.objects.select_for_update().filter(patient=patient).first()
        if current is not None:
            current.delete()
            record_change(actor=patient.user, patient=patient, action="delete",
                          what=What.MOTIVATION)
        return None

    def create() -> Motivation:
        motivation = Motivation.objects.create(patient=patient, text=text)
        record_change(actor=patient.user, patient=patient, action="create", what=What.MOTIVATION)
        return motivation

    current, created = create_once(  # one per patient
        lambda: Motivation.objects.select_for_update().filter(patient=patient).first(), create
    )
    if not created and current.text != text:
        current.text = text
        current.save(update_fields=["text", "updated_at"])
        record_change(actor=patient.user, patient=patient, action="update", what=What.MOTIVATION)
    return current


@transaction.atomic
def set_email_reminders(patient: Patient, by_email: bool) -> ReminderPreference:
    """Opt in to (True) or out of (False) reminder e-mails. Repeating it changes nothing."""
    pref, _created = ReminderPreference.objects.select_for_update().get_or_create(
        patient=patient
    )
    if pref.by_email != by_email:
        pref.by_email = by_email
        pref.save(update_fields=["by_email", "updated_at"])
        record_change(actor=patient.user, patient=patient, action="update",
                      what=What.REMINDER_PREFERENCE)
    return pref
