"""Staff reads that span patients (lists), always through the access layer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from battrerygg.accounts.models import Role, StaffMembership
from battrerygg.patients.access import managed_clinics, visible_patients
from battrerygg.patients.models import Patient


def my_patients(user: Any) -> QuerySet[Patient]:
    """The patients ``user`` may see, by name. A list of names is not a read of anyone's
    health data, so it writes no audit rows; opening a patient does."""
    return visible_patients(user).select_related("user").order_by("user__full_name", "pk")


@dataclass(frozen=True)
class ClinicCounts:
    """A clinic an admin manages, with how many physiotherapists and patients it has."""

    name: str
    physiotherapists: int
    patients: int


def clinic_counts(user: Any) -> list[ClinicCounts]:
    """The clinic admin's clinics with counts only (an admin sees no patient content), in
    the order of ``access.managed_clinics``. One query; writes no audit rows."""
    physios = (
        StaffMembership.objects.filter(clinic=OuterRef("pk"), user__role=Role.PHYSIOTHERAPIST,
                                       user__is_active=True)
        .values("clinic").annotate(n=Count("user", distinct=True)).values("n")
    )
    patients = (
        Patient.objects.filter(clinic=OuterRef("pk")).values("clinic").annotate(n=Count("pk"))
        .values("n")
    )
    clinics = managed_clinics(user).annotate(
        physio_count=Coalesce(Subquery(physios), 0),
        patient_count=Coalesce(Subquery(patients), 0),
    )
    return [ClinicCounts(c.name, c.physio_count, c.patient_count) for c in clinics]
