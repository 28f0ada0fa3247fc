"""Writing the access log. Called from services (changes) and staff pages (reads).

A staff page that shows a patient's data opens a *read scope* (``page_read``): it writes one
read row for the page, and the query functions the page calls do not add more. Outside such a
scope (e.g. an export) each query call that reads a patient's data writes its own row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent

# (actor pk, patient pk, clinic pk or None) of the page being served, if any.
_scope: ContextVar[tuple[Any, Any, Any] | None] = ContextVar("audit_scope", default=None)


def _clinic_pk(actor: Any, patient: Any) -> Any:
    current = _scope.get()
    if current and current[0] == getattr(actor, "pk", None) and current[1] == patient.pk:
        return current[2]
    return None


def record_change(
    *, actor: Any, patient: Any, action: str, what: What, object_id: object = "",
    clinic: Any = None,
) -> AuditEvent:
    """Record a change (create/update/delete) of a patient's data by ``actor``.

    clinic: the clinic a staff member acted for; taken from the open page scope when not
    given.
    """
    clinic_id = clinic.pk if clinic is not None else _clinic_pk(actor, patient)
    return AuditEvent.objects.create(
        actor=actor, patient=patient, action=action, what=what, object_id=str(object_id),
        clinic_id=clinic_id,
    )


def record_read(
    *, actor: Any, patient: Any, what: What, object_id: object = ""
) -> AuditEvent | None:
    """Record a read of a patient's data, when the reader is staff (not the patient).

    Inside a page scope for this actor and patient the page's own row stands for the read,
    so nothing more is written and None is returned.
    """
    if getattr(patient, "user_id", None) == getattr(actor, "pk", None):
        return None
    current = _scope.get()
    if current and current[0] == getattr(actor, "pk", None) and current[1] == patient.pk:
        return None
    return AuditEvent.objects.create(
        actor=actor, patient=patient, action=AuditEvent.Action.READ, what=what,
        object_id=str(object_id), clinic_id=_relation_clinic(actor, patient),
    )


def _relation_clinic(actor: Any, patient: Any) -> Any:
    """The clinic of the actor's active care relation with the patient (the clinic a read
    outside a staff page is made from), or None. The patient object answers
    (``patients.Patient.relation_clinic_id``): audit does not import the patients app."""
    return patient.relation_clinic_id(actor)


def record_page_read(*, actor: Any, patient: Any, what: What, clinic: Any = None
                     ) -> AuditEvent | None:
    """The one read row of a staff page about ``patient`` that was shown (see page_read)."""
    if getattr(patient, "user_id", None) == getattr(actor, "pk", None):
        return None
    return AuditEvent.objects.create(
        actor=actor, patient=patient, action=AuditEvent.Action.READ, what=what, clinic=clinic,
    )


@contextmanager
def page_read(
    *, actor: Any, patient: Any, what: What, clinic: Any = None, record: bool = True
) -> Iterator[AuditEvent | None]:
    """Serve one staff page about ``patient``: write one read row (``what``, e.g.
    "timeline"), unless ``record`` is False (a form post, whose changes are recorded by the
    services), and let the page's queries read without adding rows."""
    row = record_page_read(actor=actor, patient=patient, what=what, clinic=clinic) \
        if record else None
    token = _scope.set((actor.pk, patient.pk, clinic.pk if clinic is not None else None))
    try:
        yield row
    finally:
        _scope.reset(token)


def record_reads(*, actor: Any, shown: list[tuple[Any, Any]], what: What) -> list[AuditEvent]:
    """Record one read row per patient in ``shown`` ((patient, clinic pk or None) pairs) in
    a single INSERT, for pages that show several patients' data at once (the dashboard).

    Callers keep ``shown`` below the backend's batch limit (SQLite: 999 parameters, 7 per
    row, so up to 142 rows), so that one page view is one insert.
    """
    rows = [
        AuditEvent(actor=actor, patient=patient, action=AuditEvent.Action.READ, what=what,
                   clinic_id=clinic_pk)
        for patient, clinic_pk in shown
    ]
    return AuditEvent.objects.bulk_create(rows) if rows else []
