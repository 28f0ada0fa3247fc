"""The access layer: which patients a user may see, and what they may do.

Every view, API route and export asks this module; nothing else decides. Rules (SPEC §1):
- a patient sees and changes their own data only;
- a physiotherapist sees patients of their clinics with whom they have an active care
  relation at one of those clinics; their reads are audit-logged (``audit``);
- a clinic admin manages the staff and groups of their clinics and sees no patient content;
- a system admin sees no patient content through the product.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from battrerygg.accounts.models import Clinic, Role
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_read
from battrerygg.patients.models import CareRelation, Patient


class AccessDenied(Exception):
    """The user may not see or change this patient's data (shown as 404, never 403,
    so that ids of other patients are not confirmed)."""


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(user.is_active)


def staff_clinics(user: Any, role: str | None = None) -> QuerySet[Clinic]:
    """Clinics ``user`` works at as staff (physiotherapist or clinic admin); none for
    anyone else. role: limit to users of that role (e.g. Role.CLINIC_ADMIN)."""
    if not _active(user) or user.role not in (Role.PHYSIOTHERAPIST, Role.CLINIC_ADMIN):
        return Clinic.objects.none()
    if role is not None and user.role != role:
        return Clinic.objects.none()
    return Clinic.objects.filter(memberships__user=user).order_by("name")


def _active_relations(user: Any) -> QuerySet[CareRelation]:
    return CareRelation.objects.filter(
        physiotherapist=user,
        ended_at__isnull=True,
        clinic__memberships__user=user,
    )


def visible_patients(user: Any) -> QuerySet[Patient]:
    """Patients whose data ``user`` may read. Anonymous users: none."""
    if not _active(user):
        return Patient.objects.none()
    if user.role == Role.PATIENT:
        return Patient.objects.filter(user=user)
    if user.role == Role.PHYSIOTHERAPIST:
        return Patient.objects.filter(pk__in=_active_relations(user).values("patient_id"))
    return Patient.objects.none()


def may_see(user: Any, patient: Patient) -> bool:
    """Whether ``user`` may read ``patient``'s data: the same answer as
    ``visible_patients``, without a query when a patient asks about themself."""
    if not _active(user):
        return False
    if user.role == Role.PATIENT:
        return bool(patient.user_id == user.pk)
    return visible_patients(user).filter(pk=patient.pk).exists()


@dataclass(frozen=True)
class StaffAccess:
    """A physiotherapist's access to one patient: the patient and the clinic of the care
    relation the access rests on (recorded in the audit log)."""

    patient: Patient
    clinic: Clinic


def patient_for_staff(user: Any, ref: uuid.UUID | str) -> StaffAccess:
    """The patient with reference ``ref`` if ``user`` is a physiotherapist with an active
    care relation to them at one of their clinics. Raises AccessDenied otherwise (unknown,
    malformed or foreign references alike)."""
    if not _active(user) or user.role != Role.PHYSIOTHERAPIST:
        raise AccessDenied
    try:
        ref = uuid.UUID(str(ref))
    except ValueError:
        raise AccessDenied from None
    relation = (
        _active_relations(user)
        .filter(patient__ref=ref)
        .select_related("patient", "patient__user", "patient__clinic", "clinic")
        .order_by("started_at")
        .first()
    )
    if relation is None:
        raise AccessDenied
    return StaffAccess(relation.patient, relation.clinic)


def own_patient(user: Any) -> Patient:
    """The patient record of a logged-in patient. Raises AccessDenied for anyone else."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.PATIENT:
        raise AccessDenied
    try:
        return Patient.objects.select_related("clinic").get(user=user)
    except Patient.DoesNotExist:
        raise AccessDenied from None


def may_change(user: Any, patient: Patient) -> bool:
    """Patient-entered data (diary, plan, red-flag checks) is changed by the patient only."""
    return bool(getattr(user, "is_authenticated", False)) and patient.user_id == user.pk


def may_treat(user: Any, patient: Patient) -> bool:
    """Clinical records (assessment, enrolment, prescriptions, bookings) are written by a
    physiotherapist with an active care relation to the patient."""
    return (
        _active(user)
        and user.role == Role.PHYSIOTHERAPIST
        and _active_relations(user).filter(patient=patient).exists()
    )


def check_read(user: Any, patient: Patient, what: What, object_id: object = "") -> None:
    """Let ``user`` read ``patient``'s data named ``what`` (e.g. "diary"), writing the
    audit read row for staff (none inside a staff page's read scope, which has its own).
    Raises AccessDenied when ``may_see`` says no."""
    if not may_see(user, patient):
        raise AccessDenied
    record_read(actor=user, patient=patient, what=what, object_id=object_id)


def roster_visible(user: Any, session: Any) -> bool:
    """Whether ``user`` sees the whole roster (every booked patient's name and attendance)
    of a group session (groups.GroupSession): only its leader, while a physiotherapist of
    the session's clinic. Other physiotherapists of the clinic see their own patients in
    it (``visible_patients``); clinic admins see counts only; patients see their own
    booking only."""
    return (
        _active(user)
        and user.role == Role.PHYSIOTHERAPIST
        and session.leader_id == user.pk
        and staff_clinics(user).filter(pk=session.clinic_id).exists()
    )
