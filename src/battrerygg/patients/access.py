"""The access layer: which patients a user may see, and what they may do.

Every view, API route and export asks this module; nothing else decides. Rules (SPEC §1):
- a patient sees and changes their own data only;
- a physiotherapist sees patients of their clinics with whom they have an active care
  relation (staff screens come later; their reads are audit-logged, see ``audit``);
- clinic admins and system admins see no patient content through the product.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from battrerygg.accounts.models import Clinic, Role
from battrerygg.patients.models import Patient


class AccessDenied(Exception):
    """The user may not see or change this patient's data (shown as 404, never 403,
    so that ids of other patients are not confirmed)."""


def visible_patients(user: Any) -> QuerySet[Patient]:
    """Patients whose data ``user`` may read. Anonymous users: none."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Patient.objects.none()
    if user.role == Role.PATIENT:
        return Patient.objects.filter(user=user)
    if user.role == Role.PHYSIOTHERAPIST:
        return Patient.objects.filter(
            care_relations__physiotherapist=user,
            care_relations__ended_at__isnull=True,
            care_relations__clinic__in=Clinic.objects.filter(memberships__user=user),
        ).distinct()
    return Patient.objects.none()


def may_see(user: Any, patient: Patient) -> bool:
    """Whether ``user`` may read ``patient``'s data: the same answer as
    ``visible_patients``, without a query when a patient asks about themself."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.role == Role.PATIENT:
        return bool(patient.user_id == user.pk)
    return visible_patients(user).filter(pk=patient.pk).exists()


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
