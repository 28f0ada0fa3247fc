"""Reads of stored red-flag checks, through the access layer."""

from __future__ import annotations

from typing import Any

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_read
from battrerygg.patients.access import AccessDenied, check_read, visible_patients
from battrerygg.patients.models import Patient
from battrerygg.redflags.models import RedFlagCheck


def check(user: Any, check_id: int) -> RedFlagCheck:
    """One stored check, if it belongs to a patient ``user`` may see (else AccessDenied).

    A physiotherapist's read is audit-logged (one row per call); the patient's own is not.
    """
    found = (
        RedFlagCheck.objects.filter(pk=check_id, patient__in=visible_patients(user))
        .select_related("patient__user")
        .first()
    )
    if found is None:
        raise AccessDenied
    record_read(actor=user, patient=found.patient, what=What.RED_FLAG_CHECK, object_id=found.pk)
    return found


def latest_check(user: Any, patient: Patient) -> RedFlagCheck | None:
    """The patient's most recent check, or None."""
    check_read(user, patient, What.RED_FLAG_CHECK)
    return RedFlagCheck.objects.filter(patient=patient).order_by("-created_at").first()


def checks(user: Any, patient: Patient) -> list[RedFlagCheck]:
    """All of the patient's red-flag checks, oldest first."""
    check_read(user, patient, What.RED_FLAG_CHECK)
    return list(RedFlagCheck.objects.filter(patient=patient).order_by("created_at", "pk"))
