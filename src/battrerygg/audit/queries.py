"""Reads of the access log: a patient sees who has read their record (SPEC Q2).

The caller resolves whose log may be read (the access layer: ``patients.access``); this
module only reads the rows of the patient it is given.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from battrerygg.audit.models import AuditEvent


def reads_of_record(patient: Any) -> QuerySet[AuditEvent]:
    """Staff reads of ``patient``'s data (a patients.Patient), newest first, with the
    reader's name and clinic as they were then (copied into each row: a renamed user or
    clinic does not rewrite this list); the patient's own reads are left out."""
    return (
        AuditEvent.objects.filter(patient=patient, action=AuditEvent.Action.READ)
        .exclude(actor_id=patient.user_id)
        .order_by("-at", "-pk")
    )


def access_changes(patient: Any, whats: frozenset[str]) -> QuerySet[AuditEvent]:
    """The changes of who may see ``patient`` (rows whose ``what`` is one of ``whats``: the
    care relation, transfers, requests to care), newest first, with the actor and clinic."""
    return (
        AuditEvent.objects.filter(patient=patient, what__in=whats)
        .exclude(action=AuditEvent.Action.READ)
        .select_related("actor", "clinic")
        .order_by("-at", "-pk")
    )
