"""Every write to the diary and the flare-up plan: in a transaction, safe to repeat."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from battrerygg.accounts.models import Clinic
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.clinical.pain_monitoring import (
    DEFAULT_LIMITS,
    ZoneLimits,
    follow_up_due_at,
    validate_nrs,
)
from battrerygg.diary.models import (
    ActivityEntry,
    ActivityKind,
    ClinicLimitsChange,
    FlareUpPlan,
    Intensity,
    LimitsChange,
    task_name,
)
from battrerygg.localtime import at_wall_time, wall_time_instants
from battrerygg.patients.access import (
    AccessDenied,
    check_set_pain_limits,
    may_set_clinic_pain_limits,
)
from battrerygg.patients.models import Patient
from battrerygg.submissions import ChangedForm, save_once


class DiaryError(ValueError):
    """A diary write that breaks a rule; ``code`` names it for the form to translate."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class ActivityInput:
    """A validated activity as the patient entered it.

    local_date, local_time: when it began, in the patient's time zone. minutes: 1–1440.
    pain_*: NRS integers 0–10 (pain_24h optional). Dose fields are optional.
    second_occurrence: only for a time in the hour the clocks go back (02:00–03:00 on the
    last Sunday of October in Stockholm): False for the first (summer time), True for the
    second (winter time); None otherwise (``localtime.at_wall_time``).
    """

    kind: str
    local_date: date
    local_time: time
    minutes: int
    pain_baseline: int
    pain_during: int
    pain_after: int
    pain_24h: int | None = None
    description: str = ""
    intensity: str = ""
    sets: int | None = None
    repetitions: int | None = None
    load_kg: Decimal | None = None
    distance_km: Decimal | None = None
    steps: int | None = None
    prescription_id: int | None = None  # a session of this patient's prescribed exercise
    second_occurrence: bool | None = None


def _checked_times(
    tz: ZoneInfo, data: ActivityInput, now: datetime
) -> tuple[datetime, datetime]:
    """Validate an activity (raises DiaryError or ValueError) and return (start, end).

    tz: the zone the local date and time are meant in.
    """
    if data.kind not in ActivityKind.values:
        raise DiaryError("unknown_kind")
    if data.intensity and data.intensity not in Intensity.values:
        raise DiaryError("unknown_intensity")
    for value, name in (
        (data.pain_baseline, "baseline pain"),
        (data.pain_during, "pain during"),
        (data.pain_after, "pain after"),
    ):
        validate_nrs(value, name)
    if data.pain_24h is not None:
        validate_nrs(data.pain_24h, "pain at 24 hours")
    if data.minutes < 1:
        raise DiaryError("too_short")
    if data.minutes > 24 * 60:
        raise DiaryError("too_long")
    try:
        started = at_wall_time(data.local_date, data.local_time, tz,
                               second=data.second_occurrence)
    except ValueError:
        if wall_time_instants(data.local_date, data.local_time, tz):
            raise DiaryError("ambiguous_time") from None  # asked, never assumed
        raise DiaryError("nonexistent_time") from None
    if started > now:
        raise DiaryError("future")
    ended = started.astimezone(UTC) + timedelta(minutes=data.minutes)  # elapsed, not wall
    return started, ended


EDITABLE_FIELDS = (
    "kind", "description", "minutes", "intensity", "sets", "repetitions", "load_kg", "distance_km",
    "steps", "pain_baseline", "pain_during", "pain_after",
)


@transaction.atomic
def update_activity(
    entry: ActivityEntry, data: ActivityInput, *, now: datetime | None = None
) -> bool:
    """Correct a logged activity. Returns True when something changed (then audited).

    Same rules as ``record_activity``; local date and time are read in the entry's own time
    zone. Moving the start time clears the 24-hour value (it belonged to the old time) and
    asks for it again. Raises DiaryError or ValueError; nothing is written then.
    """
    now = now or timezone.now()
    entry = ActivityEntry.objects.select_for_update().select_related("patient__user").get(
        pk=entry.pk
    )
    started, ended = _checked_times(entry.tz, data, now)
    changed = [name for name in EDITABLE_FIELDS if getattr(entry, name) != getattr(data, name)]
    if entry.started_at != started or entry.local_date != data.local_date:
        entry.started_at, entry.local_date = started, data.local_date
        changed += ["started_at", "local_date"]
        if entry.pain_24h is not None:
            entry.pain_24h = entry.pain_24h_recorded_at = None
            changed += ["pain_24h", "pain_24h_recorded_at"]
    task = task_name(data.kind, data.description)
    if task != entry.task:
        entry.task = task
        changed.append("task")
    if entry.prescription_id is not None and data.kind != ActivityKind.PROGRAMME_EXERCISE:
        entry.prescription = None  # no longer a session of the prescribed exercise
        changed.append("prescription")
    due = follow_up_due_at(ended, entry.tz)
    if due != entry.follow_up_due_at:
        entry.follow_up_due_at = due
        changed.append("follow_up_due_at")
    if not changed:
        return False
    for name in EDITABLE_FIELDS:
        setattr(entry, name, getattr(data, name))
    entry.save(update_fields=[*set(changed), "updated_at"])
    record_change(
        actor=entry.patient.user, patient=entry.patient, action="update", what=What.DIARY_ENTRY,
        object_id=entry.pk,
    )
    return True


def record_activity(
    patient: Patient,
    data: ActivityInput,
    *,
    submission_key: uuid.UUID,
    now: datetime | None = None,
) -> tuple[ActivityEntry, bool]:
    """Log an activity in the patient's diary. Returns (entry, created).

    A second call with the same submission_key returns the first entry unchanged, even
    with changed data (``ChangedForm.FIRST_RECORD``: the page says the form was sent
    already and shows the entry as first saved, to be corrected there; a second entry would
    count the activity twice in the load and pain signals). data.prescription_id links a
    session of a programme exercise to one of the patient's prescriptions
    (DiaryError("unknown_prescription") otherwise).
    Raises DiaryError("unknown_kind"), ("future") when the
    activity starts after ``now``, ("too_long"), or ValueError for an invalid NRS value.
    """
    now = now or timezone.now()
    started, ended = _checked_times(patient.tz, data, now)
    if data.prescription_id is not None and (
        data.kind != ActivityKind.PROGRAMME_EXERCISE
        or not patient.prescriptions.filter(pk=data.prescription_id).exists()
    ):
        raise DiaryError("unknown_prescription")
    fields: dict[str, Any] = {
        "kind": data.kind,
        "description": data.description,
        "task": task_name(data.kind, data.description),
        "started_at": started,
        "local_date": data.local_date,
        "timezone": patient.timezone,
        "minutes": data.minutes,
        "intensity": data.intensity,
        "sets": data.sets,
        "repetitions": data.repetitions,
        "load_kg": data.load_kg,
        "distance_km": data.distance_km,
        "steps": data.steps,
        "pain_baseline": data.pain_baseline,
        "pain_during": data.pain_during,
        "pain_after": data.pain_after,
        "follow_up_due_at": follow_up_due_at(ended, patient.tz),
        "prescription_id": data.prescription_id,
    }
    if data.pain_24h is not None:
        fields.update(pain_24h=data.pain_24h, pain_24h_recorded_at=now)

    def create(key: uuid.UUID) -> ActivityEntry:
        entry = ActivityEntry.objects.create(patient=patient, submission_key=key, **fields)
        record_change(
            actor=patient.user, patient=patient, action="create", what=What.DIARY_ENTRY,
            object_id=entry.pk,
        )
        return entry

    return save_once(
        lambda key: ActivityEntry.objects.filter(patient=patient, submission_key=key).first(),
        create, submission_key, asdict(data), changed=ChangedForm.FIRST_RECORD,
    )


@transaction.atomic
def record_follow_up(
    entry: ActivityEntry, pain_24h: int, *, now: datetime | None = None
) -> ActivityEntry:
    """Record the pain 24 hours after the activity (or the next morning).

    pain_24h: NRS integer 0–10 (ValueError otherwise). It can be given once the follow-up
    is due (DiaryError("too_early") before); giving it again corrects it. Repeating the
    same value changes nothing.
    """
    now = now or timezone.now()
    validate_nrs(pain_24h, "pain at 24 hours")
    entry = ActivityEntry.objects.select_for_update().select_related("patient__user").get(
        pk=entry.pk
    )
    if now < entry.follow_up_due_at:
        raise DiaryError("too_early")
    if entry.pain_24h == pain_24h:
        return entry
    action = "create" if entry.pain_24h is None else "update"
    entry.pain_24h = pain_24h
    entry.pain_24h_recorded_at = now
    entry.save(update_fields=["pain_24h", "pain_24h_recorded_at", "updated_at"])
    record_change(
        actor=entry.patient.user, patient=entry.patient, action=action,
        what=What.DIARY_FOLLOW_UP, object_id=entry.pk,
    )
    return entry


UNDO_WINDOW = timedelta(minutes=30)


@transaction.atomic
def delete_entry(entry: ActivityEntry, *, now: datetime | None = None) -> None:
    """Hide an entry the patient logged by mistake (audited). It can be restored with
    ``restore_entry`` within UNDO_WINDOW. Deleting a deleted entry changes nothing."""
    if entry.deleted_at is not None:
        return
    entry.deleted_at = now or timezone.now()
    entry.save(update_fields=["deleted_at", "updated_at"])
    record_change(
        actor=entry.patient.user, patient=entry.patient, action="delete", what=What.DIARY_ENTRY,
        object_id=entry.pk,
    )


@transaction.atomic
def restore_entry(entry: ActivityEntry, *, now: datetime | None = None) -> None:
    """Undo ``delete_entry`` within UNDO_WINDOW. Raises DiaryError("undo_expired") after it;
    restoring an entry that is not deleted changes nothing."""
    if entry.deleted_at is None:
        return
    if (now or timezone.now()) - entry.deleted_at > UNDO_WINDOW:
        raise DiaryError("undo_expired")
    entry.deleted_at = None
    entry.save(update_fields=["deleted_at", "updated_at"])
    record_change(
        actor=entry.patient.user, patient=entry.patient, action="update",
        what=What.DIARY_ENTRY_RESTORE, object_id=entry.pk,
    )


PLAN_FIELDS = (
    "expected_days",
    "what_helps",
    "own_actions",
    "favourite_exercise",
    "contact_physio_after_days",
    "physiotherapist_contact",
)


@transaction.atomic
def save_flare_up_plan(patient: Patient, **values: Any) -> FlareUpPlan:
    """Create or update the patient's flare-up plan with the given fields (PLAN_FIELDS).

    expected_days: 1–365 or None; contact_physio_after_days: 1–90 (ValueError otherwise).
    """
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"unknown plan fields: {sorted(unknown)}")
    days = values.get("expected_days")
    if days is not None and not 1 <= days <= 365:
        raise ValueError("expected_days must be 1-365")
    contact = values.get("contact_physio_after_days", 14)
    if not 1 <= contact <= 90:
        raise ValueError("contact_physio_after_days must be 1-90")
    plan, created = FlareUpPlan.objects.select_for_update().get_or_create(
        patient=patient, defaults=values
    )
    if not created:
        if all(getattr(plan, key) == value for key, value in values.items()):
            return plan  # nothing changed: nothing written, nothing audited
        for key, value in values.items():
            setattr(plan, key, value)
        plan.save()
    record_change(
        actor=patient.user, patient=patient, action="create" if created else "update",
        what=What.FLARE_UP_PLAN, object_id=plan.pk,
    )
    return plan


@dataclass(frozen=True)
class LimitsInput:
    """Pain-monitoring limits as a physiotherapist sets them for a patient (SPEC C1).

    safe_max, acceptable_max: NRS zone limits (``ZoneLimits``), both None to use the
    clinic's (or the published) zone limits. follow_up_tolerance: 0–TOLERANCE_MAX. reason:
    why (required, kept with the change).
    """

    safe_max: int | None
    acceptable_max: int | None
    follow_up_tolerance: int
    reason: str


@transaction.atomic
def set_limits(
    actor: Any, patient: Patient, data: LimitsInput, *, now: datetime | None = None
) -> LimitsChange | None:
    """Set a patient's pain-monitoring limits; returns the change, or None when the limits
    were already these (a form sent twice changes nothing more).

    Only a physiotherapist who may treat the patient (``access.check_set_pain_limits``;
    AccessDenied otherwise). Raises DiaryError("reason") without a reason,
    ("limits_pair") when only one zone limit is given, ("limits") when the values are out
    of order or range (``ZoneLimits``). Audited as a change of ``What.PAIN_LIMITS``.
    """
    check_set_pain_limits(actor, patient)
    reason = data.reason.strip()
    if not reason:
        raise DiaryError("reason")
    if (data.safe_max is None) != (data.acceptable_max is None):
        raise DiaryError("limits_pair")
    try:
        ZoneLimits(
            data.safe_max if data.safe_max is not None else DEFAULT_LIMITS.safe_max,
            data.acceptable_max if data.acceptable_max is not None
            else DEFAULT_LIMITS.acceptable_max,
            data.follow_up_tolerance,
        )
    except ValueError:
        raise DiaryError("limits") from None
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    current = (patient.zone_safe_max, patient.zone_acceptable_max, patient.follow_up_tolerance)
    wanted = (data.safe_max, data.acceptable_max, data.follow_up_tolerance)
    if current == wanted:
        return None
    patient.zone_safe_max, patient.zone_acceptable_max, patient.follow_up_tolerance = wanted
    patient.save(update_fields=["zone_safe_max", "zone_acceptable_max", "follow_up_tolerance"])
    change = LimitsChange.objects.create(
        patient=patient, changed_by=actor, changed_at=now or timezone.now(),
        safe_max=data.safe_max, acceptable_max=data.acceptable_max,
        follow_up_tolerance=data.follow_up_tolerance, reason=reason,
    )
    record_change(actor=actor, patient=patient, action="update", what=What.PAIN_LIMITS,
                  object_id=change.pk)
    return change


@transaction.atomic
def set_clinic_limits(
    actor: Any, clinic: Clinic, safe_max: int | None, acceptable_max: int | None, reason: str,
    *, now: datetime | None = None,
) -> ClinicLimitsChange | None:
    """Set a clinic's default zone limits (both None: the published ones); returns the
    change, or None when they were already these.

    Only an admin of the clinic (``access.may_set_clinic_pain_limits``; AccessDenied
    otherwise). Raises DiaryError("reason"), ("limits_pair") or ("limits") as
    ``set_limits``. Patients with limits of their own keep them. Kept in
    ``ClinicLimitsChange`` (no audit row: not a patient's data).
    """
    if not may_set_clinic_pain_limits(actor, clinic):
        raise AccessDenied
    reason = reason.strip()
    if not reason:
        raise DiaryError("reason")
    if (safe_max is None) != (acceptable_max is None):
        raise DiaryError("limits_pair")
    if safe_max is not None and acceptable_max is not None:
        try:
            ZoneLimits(safe_max, acceptable_max)
        except ValueError:
            raise DiaryError("limits") from None
    clinic = Clinic.objects.select_for_update().get(pk=clinic.pk)
    if (clinic.zone_safe_max, clinic.zone_acceptable_max) == (safe_max, acceptable_max):
        return None
    clinic.zone_safe_max, clinic.zone_acceptable_max = safe_max, acceptable_max
    clinic.save(update_fields=["zone_safe_max", "zone_acceptable_max"])
    return ClinicLimitsChange.objects.create(
        clinic=clinic, changed_by=actor, changed_at=now or timezone.now(), safe_max=safe_max,
        acceptable_max=acceptable_max, reason=reason,
    )
