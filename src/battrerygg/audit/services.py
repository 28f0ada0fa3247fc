"""Writing the access log. Called from services (changes) and staff queries (reads)."""

from __future__ import annotations

from typing import Any

from battrerygg.audit.models import AuditEvent


def record_change(
    *, actor: Any, patient: Any, action: str, what: str, object_id: object = ""
) -> AuditEvent:
    """Record a change (create/update/delete) of a patient's data by ``actor``."""
    return AuditEvent.objects.create(
        actor=actor, patient=patient, action=action, what=what, object_id=str(object_id)
    )


def record_read(
    *, actor: Any, patient: Any, what: str, object_id: object = ""
) -> AuditEvent | None:
    """Record a read of a patient's data, when the reader is staff (not the patient)."""
    if getattr(patient, "user_id", None) == getattr(actor, "pk", None):
        return None
    return AuditEvent.objects.create(
        actor=actor, patient=patient, action=AuditEvent.Action.READ, what=what,
        object_id=str(object_id),
    )
