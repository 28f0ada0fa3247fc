"""Reads of the access log: a patient sees who has read their record (SPEC Q2)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from battrerygg.audit.models import AuditEvent
from battrerygg.patients.access import own_patient


def reads_of_my_record(user: Any) -> QuerySet[AuditEvent]:
    """Staff reads of the logged-in patient's own data, newest first, with the reader and
    their clinic. Raises AccessDenied for anyone but a patient (staff cannot browse the log
    through the product; only the patient it is about)."""
    patient = own_patient(user)
    return (
        AuditEvent.objects.filter(patient=patient, action=AuditEvent.Action.READ)
        .exclude(actor=user)
        .select_related("actor", "clinic")
        .order_by("-at", "-pk")
    )
