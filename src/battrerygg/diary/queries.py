"""Reads of the diary, always through the access layer."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import QuerySet

from battrerygg.accounts.models import Clinic
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_read
from battrerygg.clinical import course
from battrerygg.clinical.pain_monitoring import (
    DEFAULT_LIMITS,
    Assessment,
    Session,
    ZoneLimits,
    assess,
)
from battrerygg.diary.models import ActivityEntry, ClinicLimitsChange, FlareUpPlan, LimitsChange
from battrerygg.patients.access import (
    AccessDenied,
    check_read,
    managed_clinics,
    may_change,
    visible_patients,
)
from battrerygg.patients.models import Patient
from battrerygg.patients.services import current_episode

logger = logging.getLogger(__name__)


def limits_for(patient: Patient) -> ZoneLimits:
    """Limits in force: the zone limits of the patient, else of the clinic, else the
    published defaults; the 24-hour tolerance is the patient's (default 0).

    Limits set out of order (e.g. through the admin site) are skipped with a warning, so a
    typo can never stop a patient's diary from working.
    """
    tolerance = patient.follow_up_tolerance
    try:
        ZoneLimits(follow_up_tolerance=tolerance)
    except ValueError:
        logger.warning("invalid 24-hour tolerance on patient %s", patient.pk)
        tolerance = 0
    for owner in (patient, patient.clinic):
        if owner is None or owner.zone_safe_max is None or owner.zone_acceptable_max is None:
            continue
        try:
            return ZoneLimits(owner.zone_safe_max, owner.zone_acceptable_max, tolerance)
        except ValueError:
            logger.warning("invalid zone limits on %s %s", type(owner).__name__, owner.pk)
    return replace(DEFAULT_LIMITS, follow_up_tolerance=tolerance)


def entries(user: Any, patient: Patient) -> QuerySet[ActivityEntry]:
    """The patient's diary entries, oldest first, if ``user`` may see them."""
    check_read(user, patient, What.DIARY)
    return ActivityEntry.objects.filter(patient=patient, deleted_at__isnull=True).order_by(
        "started_at", "pk"
    )


def entry(user: Any, entry_id: int, *, deleted: bool = False) -> ActivityEntry:
    """One entry by id, only if it belongs to a patient ``user`` may see (else AccessDenied).

    deleted: False → a live entry; True → a deleted one (to undo the deletion).
    """
    found = (
        ActivityEntry.objects.filter(
            pk=entry_id, patient__in=visible_patients(user), deleted_at__isnull=not deleted
        )
        .select_related("patient", "patient__clinic", "patient__user")
        .first()
    )
    if found is None:
        raise AccessDenied
    record_read(actor=user, patient=found.patient, what=What.DIARY_ENTRY, object_id=found.pk)
    return found


def entry_for_change(user: Any, entry_id: int, *, deleted: bool = False) -> ActivityEntry:
    """An entry ``user`` may change: only the patient's own (patients.access.may_change),
    never a physiotherapist's read access. Raises AccessDenied otherwise."""
    found = entry(user, entry_id, deleted=deleted)
    if not may_change(user, found.patient):
        raise AccessDenied
    return found


@dataclass(frozen=True)
class AssessedEntry:
    """A diary entry with the pain-monitoring model's verdict on it."""

    entry: ActivityEntry
    assessment: Assessment


def assess_all(items: list[ActivityEntry], limits: ZoneLimits) -> list[AssessedEntry]:
    """Assess every entry (chronological list) against the two before it of the same
    activity (``ActivityEntry.activity_key``: the kind, the prescribed exercise, or the
    patient's name for an everyday task or other activity)."""
    history: dict[str, list[Session]] = defaultdict(list)
    out = []
    for item in items:
        session = item.as_session()
        previous = list(reversed(history[item.activity_key]))
        out.append(AssessedEntry(item, assess(session, previous, limits)))
        history[item.activity_key].append(session)
    return out


def assessed_entries(user: Any, patient: Patient) -> list[AssessedEntry]:
    """All of a patient's entries with zone and advice, oldest first."""
    return assess_all(list(entries(user, patient)), limits_for(patient))


def assessed_entry(user: Any, entry_id: int) -> AssessedEntry:
    """One entry with its assessment (needs the earlier entries of the same kind)."""
    found = entry(user, entry_id)
    earlier = list(
        ActivityEntry.objects.filter(
            patient=found.patient, kind=found.kind, prescription=found.prescription_id,
            task=found.task, started_at__lte=found.started_at, deleted_at__isnull=True,
        ).order_by("started_at", "pk")
    )
    earlier = [e for e in earlier if (e.started_at, e.pk) < (found.started_at, found.pk)]
    return assess_all([*earlier, found], limits_for(found.patient))[-1]


# The start page stops asking for a 24-hour value this long after it fell due: by then the
# patient cannot recall it reliably. It can still be given on the entry's own page.
ASK_FOR_FOLLOW_UP_DURING = timedelta(days=2)


def due_follow_ups(user: Any, patient: Patient, now: datetime) -> QuerySet[ActivityEntry]:
    """Entries whose 24-hour value is due, not yet given, and still worth asking for."""
    return entries(user, patient).filter(
        pain_24h__isnull=True,
        follow_up_due_at__lte=now,
        follow_up_due_at__gt=now - ASK_FOR_FOLLOW_UP_DURING,
    )


def flare_up_plan(user: Any, patient: Patient) -> FlareUpPlan | None:
    """The patient's flare-up plan, if any and if ``user`` may see it."""
    check_read(user, patient, What.FLARE_UP_PLAN)
    return FlareUpPlan.objects.filter(patient=patient).first()


def not_settling(user: Any, patient: Patient, today: date) -> course.NotSettling | None:
    """SPEC C5 on the baseline pain logged in the diary during the current episode: the
    figures (how long it has been, both weekly means) when it is not settling, else None."""
    episode = current_episode(patient)
    if episode is None or today < episode.start_date:
        return None
    pains = entries(user, patient).filter(local_date__gte=episode.start_date)
    return course.not_settling_from_pain(
        episode.start_date, today, pains.values_list("local_date", "pain_baseline")
    )


@dataclass(frozen=True)
class LimitsView:
    """The pain-monitoring limits in force for a patient, and where the zone limits come
    from: "patient" (set for them), "clinic" or "default" (the published ones)."""

    limits: ZoneLimits
    source: str


def limits_in_force(user: Any, patient: Patient) -> LimitsView:
    """The patient's limits (``limits_for``) and their source, if ``user`` may see them."""
    check_read(user, patient, What.PAIN_LIMITS)
    limits = limits_for(patient)
    zones = (limits.safe_max, limits.acceptable_max)
    if zones == (patient.zone_safe_max, patient.zone_acceptable_max):
        source = "patient"
    elif patient.clinic is not None and zones == (
        patient.clinic.zone_safe_max, patient.clinic.zone_acceptable_max
    ):
        source = "clinic"
    else:
        source = "default"
    return LimitsView(limits, source)


def limits_history(user: Any, patient: Patient) -> QuerySet[LimitsChange]:
    """Every change of the patient's limits, newest first, with who made it."""
    check_read(user, patient, What.PAIN_LIMITS)
    return LimitsChange.objects.filter(patient=patient).select_related("changed_by")


def managed_clinic_limits(user: Any) -> list[tuple[Clinic, list[ClinicLimitsChange]]]:
    """The clinics whose default zone limits ``user`` sets (``access.managed_clinics``),
    each with its changes, newest first (two queries)."""
    clinics = list(managed_clinics(user).order_by("name"))
    changes: dict[int, list[ClinicLimitsChange]] = defaultdict(list)
    for change in ClinicLimitsChange.objects.filter(clinic__in=clinics).select_related(
        "changed_by"
    ):
        changes[change.clinic_id].append(change)
    return [(clinic, changes[clinic.pk]) for clinic in clinics]
