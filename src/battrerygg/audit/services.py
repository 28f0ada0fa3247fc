"""Writing the access log. Called from services (changes), staff pages (reads), the
request middleware (refused attempts) and the log review (reads of the log itself).

Every row goes through ``_append``: it copies the actor's name and role and the clinic's
name into the row (as they are now, so the row keeps them when they change), adds the
request's address and id (``request_context``, set by ``web.middleware``), and chains the
row to the one before it (``audit.chain``) while holding the chain's head row, so writers in
parallel add their rows one after the other.

A staff page that shows a patient's data opens a *read scope* (``page_read``): it writes one
read row for the page, and the query functions the page calls do not add more. Outside such a
scope (e.g. an export) each query call that reads a patient's data writes its own row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from battrerygg.accounts.models import Clinic
from battrerygg.audit.chain import GENESIS, digest
from battrerygg.audit.context import current_request
from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent, ChainHead

# (actor pk, patient pk, clinic or None) of the page being served, if any.
_scope: ContextVar[tuple[Any, Any, Any] | None] = ContextVar("audit_scope", default=None)


def _lock_head(count: int) -> tuple[int, str]:
    """Reserve ``count`` places at the end of the chain: lock the head row (an UPDATE, held
    until the transaction ends) and return (the seq of the first new row, the hash of the
    row before it). Creates the head of an empty log (after a flush).

    The last hash is kept in the head row, not read from the log in the same statement: on
    PostgreSQL a subquery of an UPDATE that waited for the lock sees the rows of its own
    snapshot, not those the writer before it just committed, and the chain would fork
    (``test_writers_in_parallel_do_not_fork_the_chain`` fails so)."""
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    with connection.cursor() as cursor:
        for _attempt in range(2):
            cursor.execute(
                f"UPDATE {table} SET seq = seq + %s WHERE id = 1 RETURNING seq, hash",  # noqa: S608 (our table's name)
                [count])
            found = cursor.fetchone()
            if found is not None:
                return int(found[0]) - count + 1, str(found[1])
            cursor.execute(
                f"INSERT INTO {table} (id, seq, hash) VALUES (1, 0, %s) "  # noqa: S608
                "ON CONFLICT (id) DO NOTHING", [GENESIS])
    raise RuntimeError("the audit chain head cannot be locked")  # pragma: no cover


def _name_of(actor: Any) -> tuple[str, str]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return "", ""
    return str(actor.full_name or actor.email), str(actor.role)


def _append(rows: list[AuditEvent], clinics: Iterable[Any] = ()) -> list[AuditEvent]:
    """Complete ``rows`` (snapshots, request, time, chain) and insert them in one INSERT.

    clinics: Clinic objects some rows name (their names are read otherwise, one query).
    """
    if not rows:
        return []
    info = current_request()
    names = {clinic.pk: clinic.name for clinic in clinics if clinic is not None}
    missing = {row.clinic_id for row in rows if row.clinic_id is not None} - set(names)
    if missing:
        names.update(Clinic.objects.filter(pk__in=missing).values_list("pk", "name"))
    address_field = AuditEvent._meta.get_field("address")
    address = address_field.get_prep_value(info.address) if info and info.address else None
    now = timezone.now()
    with transaction.atomic(savepoint=False):
        seq, previous = _lock_head(len(rows))
        for row in rows:
            row.seq, row.at, row.prev_hash = seq, now, previous
            row.clinic_name = names.get(row.clinic_id, "") if row.clinic_id else ""
            row.address = address
            row.request_id = info.request_id if info else ""
            row.hash = previous = digest(row.__dict__)
            seq += 1
        created = AuditEvent.objects.bulk_create(rows)
        ChainHead.objects.filter(pk=1).update(hash=previous)
    return created


def _row(*, actor: Any, patient: Any, action: str, what: What, object_id: object = "",
         clinic_id: Any = None) -> AuditEvent:
    name, role = _name_of(actor)
    real = actor if name else None
    return AuditEvent(actor=real, actor_name=name, actor_role=role, patient=patient,
                      action=action, what=what, object_id=str(object_id)[:200],
                      clinic_id=clinic_id)


def _scoped_clinic(actor: Any, patient: Any) -> Any:
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
    clinic = clinic if clinic is not None else _scoped_clinic(actor, patient)
    row = _row(actor=actor, patient=patient, action=action, what=what, object_id=object_id,
               clinic_id=clinic.pk if clinic is not None else None)
    return _append([row], [clinic])[0]


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
    row = _row(actor=actor, patient=patient, action=AuditEvent.Action.READ, what=what,
               object_id=object_id, clinic_id=_relation_clinic(actor, patient))
    return _append([row])[0]


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
    row = _row(actor=actor, patient=patient, action=AuditEvent.Action.READ, what=what,
               clinic_id=clinic.pk if clinic is not None else None)
    return _append([row], [clinic])[0]


@contextmanager
def page_read(
    *, actor: Any, patient: Any, what: What, clinic: Any = None, record: bool = True
) -> Iterator[AuditEvent | None]:
    """Serve one staff page about ``patient``: write one read row (``what``, e.g.
    "timeline"), unless ``record`` is False (a form post, whose changes are recorded by the
    services), and let the page's queries read without adding rows."""
    row = record_page_read(actor=actor, patient=patient, what=what, clinic=clinic) \
        if record else None
    token = _scope.set((actor.pk, patient.pk, clinic))
    try:
        yield row
    finally:
        _scope.reset(token)


def record_reads(*, actor: Any, shown: list[tuple[Any, Any]], what: What,
                 object_id: object = "") -> list[AuditEvent]:
    """Record one read row per patient in ``shown`` ((patient, clinic pk or None) pairs) in
    a single INSERT, for pages that show several patients' data at once (the dashboard, a
    group session's roster).

    Callers keep ``shown`` below the backend's batch limit (Django's SQLite backend: 999
    parameters, 15 per row, so up to 66 rows), so that one page view is one insert; the
    chain costs two more queries (its head locked, then moved), whatever the number.
    """
    return _append([
        _row(actor=actor, patient=patient, action=AuditEvent.Action.READ, what=what,
             object_id=object_id, clinic_id=clinic_pk)
        for patient, clinic_pk in shown
    ])


def record_denied(*, actor: Any, patient: Any = None, object_id: object = "") -> AuditEvent:
    """Record a refused attempt (the access layer said no: shown as 404 or 403) by
    ``actor`` (None: not logged in) at ``object_id`` (the method and path); patient: the
    patient the attempt named, when known."""
    return _append([_row(actor=actor, patient=patient, action=AuditEvent.Action.DENIED,
                         what=What.REQUEST, object_id=object_id)])[0]


def record_log_review(*, actor: Any, what: What, patient: Any = None, object_id: object = "",
                      export: bool = False) -> AuditEvent:
    """Record a search (or, with ``export``, an export) of the access log by its reviewer
    (``actor``); patient: the patient searched for, if any; object_id: the search."""
    action = AuditEvent.Action.EXPORT if export else AuditEvent.Action.READ
    return _append([_row(actor=actor, patient=patient, action=action, what=what,
                         object_id=object_id)])[0]


def record_auth_event(*, actor: Any, what: What, ok: bool = True, detail: str = "",
                      clinic: Any = None) -> AuditEvent:
    """Record an authentication decision or a change of how an account logs in (ASVS 4.0
    V7.1.3, V7.2.1): a login, a refused one, a lockout, a wrong second-factor code, an
    authenticator added or removed, a password reset or changed, sessions ended, a logout;
    and a clinic admin's change of a staff member's HSA-id (``clinic``: the clinic acted
    for). No patient.

    actor: the account concerned (None: unknown, e.g. a login for an address no account
    has); ok: False for a refusal (action "denied"), else action "auth"; detail: what
    happened in a few ASCII words (a method, a reason code, an authenticator's type),
    never a password, a code, a token, an unknown e-mail address or a claim's value.

    Runs in its own savepoint, so a failure leaves the caller's transaction usable; the
    receivers (``audit.auth_events``) log such a failure and let the login go on as it would
    (refused when it was refused).
    """
    action = AuditEvent.Action.AUTH if ok else AuditEvent.Action.DENIED
    row = _row(actor=actor, patient=None, action=action, what=what, object_id=detail,
               clinic_id=clinic.pk if clinic is not None else None)
    with transaction.atomic():
        return _append([row], [clinic])[0]
