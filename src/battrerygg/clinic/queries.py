"""Staff reads that span patients (lists), always through the access layer."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from battrerygg.patients.access import visible_patients
from battrerygg.patients.models import Patient


def my_patients(user: Any) -> QuerySet[Patient]:
    """The patients ``user`` may see, by name. A list of names is not a read of anyone's
    health data, so it writes no audit rows; opening a patient does."""
    return visible_patients(user).select_related("user").order_by("user__full_name", "pk")
