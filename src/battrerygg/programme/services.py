"""Every write to prescriptions: in a transaction, audited, harmless to repeat.

Only a physiotherapist with an active care relation to the patient
(``patients.access.may_treat``) may write; anyone else gets AccessDenied (shown as 404).
Bad input raises ProgrammeError with a ``code`` (texts.ERRORS translates it) and writes
nothing. Dose steps follow ``clinical.dosing``.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.clinical import dosing
from battrerygg.clinical.dosing import Band, Dose, DoseError, Step
from battrerygg.patients.access import check_treat
from battrerygg.patients.models import Patient
from battrerygg.patients.services import current_episode
from battrerygg.programme import library
from battrerygg.programme.models import DoseChange, Prescription
from battrerygg.submissions import save_once

FREQUENCY_MIN, FREQUENCY_MAX = 1, 14


class ProgrammeError(ValueError):
    """A prescription write that breaks a rule. code: "unknown_exercise", "level",
    "frequency", "ended", "nothing_to_undo", "not_ended", "episode_ended" (no open
    episode to prescribe in), or a clinical.dosing code
    ("missing", "sets", "repetitions", "minutes", "top", "bottom")."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class PrescriptionInput:
    """A prescription as the physiotherapist entered it.

    exercise: a library slug; level: 1…the exercise's levels; sets 1–10 × repetitions 1–50,
    or minutes 1–180; with sets × repetitions at most one of hold_seconds (1–120), load_kg
    (0.5–200, half kilograms) or band (clinical.dosing.Band value); frequency_per_week:
    1–14; notes: free text.
    """

    exercise: str
    level: int
    frequency_per_week: int
    sets: int | None = None
    repetitions: int | None = None
    minutes: int | None = None
    notes: str = ""
    hold_seconds: int | None = None
    load_kg: Decimal | None = None
    band: str = ""


def _checked_dose(data: PrescriptionInput) -> Dose:
    try:
        band = Band(data.band) if data.band else None
    except ValueError:
        raise ProgrammeError("load") from None
    try:
        return Dose(sets=data.sets, repetitions=data.repetitions, minutes=data.minutes,
                     hold_seconds=data.hold_seconds, load_kg=data.load_kg, band=band)
    except DoseError as exc:
        raise ProgrammeError(exc.code) from None


def _checked(data: PrescriptionInput) -> Dose:
    item = library.exercise("sv", data.exercise)
    if item is None:
        raise ProgrammeError("unknown_exercise")
    if isinstance(data.level, bool) or not isinstance(data.level, int) or item.level(
        data.level
    ) is None:
        raise ProgrammeError("level")
    frequency = data.frequency_per_week
    if isinstance(frequency, bool) or not isinstance(frequency, int) or not (
        FREQUENCY_MIN <= frequency <= FREQUENCY_MAX
    ):
        raise ProgrammeError("frequency")
    return _checked_dose(data)


def _dose_fields(level: int, dose: Dose) -> dict[str, Any]:
    return {"level": level, "sets": dose.sets, "repetitions": dose.repetitions,
            "minutes": dose.minutes, "hold_seconds": dose.hold_seconds,
            "load_kg": dose.load_kg, "band": dose.band.value if dose.band else ""}


def prescribe(
    user: Any, patient: Patient, data: PrescriptionInput, *, submission_key: uuid.UUID,
    now: datetime | None = None,
) -> tuple[Prescription, bool]:
    """Prescribe an exercise. Returns (prescription, created); the same form again (same
    submission_key and data) returns the first prescription unchanged, a changed form under
    the same key is a new prescription (``battrerygg.submissions``). Raises AccessDenied,
    ProgrammeError."""
    check_treat(user, patient)
    dose = _checked(data)
    now = now or timezone.now()

    def create(key: uuid.UUID) -> Prescription:
        episode = current_episode(patient)
        if episode is None:
            raise ProgrammeError("episode_ended")
        item = Prescription.objects.create(
            patient=patient, episode=episode, exercise=data.exercise,
            frequency_per_week=data.frequency_per_week, notes=data.notes.strip(),
            prescribed_by=user, submission_key=key, created_at=now,
            **_dose_fields(data.level, dose),
        )
        DoseChange.objects.create(
            prescription=item, kind=DoseChange.Kind.PRESCRIBED, changed_by=user,
            changed_at=now, **_dose_fields(data.level, dose),
        )
        record_change(actor=user, patient=patient, action="create",
                      what=What.PROGRAMME_PRESCRIPTION, object_id=item.pk)
        return item

    return save_once(
        lambda key: Prescription.objects.filter(patient=patient, submission_key=key).first(),
        create, submission_key, asdict(data),
    )


def _locked(user: Any, prescription: Prescription) -> Prescription:
    check_treat(user, prescription.patient)
    return Prescription.objects.select_for_update().select_related("patient").get(
        pk=prescription.pk
    )


# The audit key of each kind of dose change that _set_dose writes.
_DOSE_WHAT: dict[str, What] = {
    DoseChange.Kind.CHANGED: What.PROGRAMME_DOSE_CHANGED,
    DoseChange.Kind.PROGRESSED: What.PROGRAMME_DOSE_PROGRESSED,
    DoseChange.Kind.REGRESSED: What.PROGRAMME_DOSE_REGRESSED,
}


def _set_dose(
    user: Any, item: Prescription, kind: str, step: Step, now: datetime
) -> None:
    fields = _dose_fields(step.level, step.dose)
    for name, value in fields.items():
        setattr(item, name, value)
    item.version += 1
    item.save(update_fields=[*fields, "version", "updated_at"])
    DoseChange.objects.create(
        prescription=item, kind=kind, changed_by=user, changed_at=now, **fields
    )
    record_change(actor=user, patient=item.patient, action="update",
                  what=_DOSE_WHAT[kind], object_id=item.pk)


def _open(item: Prescription) -> None:
    if item.ended_at is not None:
        raise ProgrammeError("ended")


@transaction.atomic
def change_dose(
    user: Any, prescription: Prescription, *, level: int, sets: Any = None,
    repetitions: Any = None, minutes: Any = None, frequency_per_week: Any = None,
    notes: str | None = None, version: int, now: datetime | None = None,
    hold_seconds: Any = None, load_kg: Any = None, band: str = "",
) -> bool:
    """Set the level, dose, frequency and notes by hand. Returns True when something
    changed. version: the prescription's version the form was made from; another version
    (the form was sent twice, or someone changed it meanwhile) changes nothing.
    Raises AccessDenied, ProgrammeError."""
    item = _locked(user, prescription)
    _open(item)
    data = PrescriptionInput(
        exercise=item.exercise, level=level, sets=sets, repetitions=repetitions,
        minutes=minutes, hold_seconds=hold_seconds, load_kg=load_kg, band=band,
        notes=item.notes if notes is None else notes,
        frequency_per_week=(
            item.frequency_per_week if frequency_per_week is None else frequency_per_week
        ),
    )
    dose = _checked(data)
    if version != item.version:
        return False
    changed = False
    if (level, dose) != (item.level, item.dose):
        _set_dose(user, item, DoseChange.Kind.CHANGED, Step(level, dose), now or timezone.now())
        changed = True
    other = {"frequency_per_week": data.frequency_per_week, "notes": data.notes.strip()}
    if any(getattr(item, key) != value for key, value in other.items()):
        for key, value in other.items():
            setattr(item, key, value)
        if not changed:
            item.version += 1
        item.save(update_fields=[*other, "version", "updated_at"])
        record_change(actor=user, patient=item.patient, action="update",
                      what=What.PROGRAMME_PRESCRIPTION, object_id=item.pk)
        changed = True
    return changed


def _step(user: Any, prescription: Prescription, up: bool, version: int,
          now: datetime | None) -> bool:
    item = _locked(user, prescription)
    _open(item)
    if version != item.version:
        return False
    exercise = library.exercise("sv", item.exercise)
    if exercise is None:
        raise ProgrammeError("unknown_exercise")
    move = dosing.progress if up else dosing.regress
    try:
        step = move(Step(item.level, item.dose), exercise.level_doses, breaks=exercise.breaks)
    except DoseError as exc:
        raise ProgrammeError(exc.code) from None
    kind = DoseChange.Kind.PROGRESSED if up else DoseChange.Kind.REGRESSED
    _set_dose(user, item, kind, step, now or timezone.now())
    return True


@transaction.atomic
def progress(user: Any, prescription: Prescription, *, version: int,
             now: datetime | None = None) -> bool:
    """One step up (clinical.dosing.progress). Returns False when ``version`` is not the
    current one (a repeated click): nothing changes. Raises AccessDenied, ProgrammeError
    ("top" at the highest level and dose, "ended")."""
    return _step(user, prescription, True, version, now)


@transaction.atomic
def regress(user: Any, prescription: Prescription, *, version: int,
            now: datetime | None = None) -> bool:
    """One step down (clinical.dosing.regress). Returns False for a stale ``version``.
    Raises AccessDenied, ProgrammeError ("bottom" at the easiest level and dose, "ended")."""
    return _step(user, prescription, False, version, now)


@transaction.atomic
def undo_dose_change(user: Any, prescription: Prescription, *, version: int,
                     now: datetime | None = None) -> bool:
    """Undo the latest dose change still in force: the dose before it is back, and the
    change stays in the history marked undone. Returns False for a stale ``version``.
    Raises ProgrammeError("nothing_to_undo") when only the first prescribed dose is left."""
    item = _locked(user, prescription)
    _open(item)
    if version != item.version:
        return False
    live = list(item.dose_changes.filter(undone_at__isnull=True).order_by("-changed_at", "-pk")[:2])
    if len(live) < 2:
        raise ProgrammeError("nothing_to_undo")
    latest, before = live
    latest.undone_at = now or timezone.now()
    latest.save(update_fields=["undone_at"])
    fields = _dose_fields(before.level, before.dose)
    for name, value in fields.items():
        setattr(item, name, value)
    item.version += 1
    item.save(update_fields=[*fields, "version", "updated_at"])
    record_change(actor=user, patient=item.patient, action="update",
                  what=What.PROGRAMME_DOSE_UNDO, object_id=item.pk)
    return True


@transaction.atomic
def end_prescription(user: Any, prescription: Prescription, *,
                     now: datetime | None = None) -> bool:
    """End a prescription (the patient no longer sees it in their programme). Ending an
    ended one changes nothing (returns False). Raises AccessDenied."""
    item = _locked(user, prescription)
    if item.ended_at is not None:
        return False
    item.ended_at, item.ended_by = now or timezone.now(), user
    item.version += 1
    item.save(update_fields=["ended_at", "ended_by", "version", "updated_at"])
    record_change(actor=user, patient=item.patient, action="update",
                  what=What.PROGRAMME_PRESCRIPTION_END, object_id=item.pk)
    return True


@transaction.atomic
def reopen_prescription(user: Any, prescription: Prescription) -> bool:
    """Undo ``end_prescription``. Reopening an open one changes nothing (False).
    Raises AccessDenied."""
    item = _locked(user, prescription)
    if item.ended_at is None:
        return False
    item.ended_at, item.ended_by = None, None
    item.version += 1
    item.save(update_fields=["ended_at", "ended_by", "version", "updated_at"])
    record_change(actor=user, patient=item.patient, action="update",
                  what=What.PROGRAMME_PRESCRIPTION_REOPEN, object_id=item.pk)
    return True
