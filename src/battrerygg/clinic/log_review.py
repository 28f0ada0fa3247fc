"""The clinic's access-log review (SPEC T8, PDL 4 kap. 3 §): the reads of the log reviewer.

The log reviewer (a clinic admin) searches the rows of the log of their clinics
(``access.reviewable_events``) by patient, staff member and period. What needs a look comes
first:

1. *a read without a care relation*: a staff member read a patient's data without a care
   relation with them at that moment (``access.had_care_relation``);
2. *an unusual volume*: a staff member read more than ``LOG_REVIEW_DAILY_PATIENTS``
   different patients on one day (Europe/Stockholm; ``settings.LOG_REVIEW_DAILY_PATIENTS``,
   environment ``BATTRERYGG_LOG_REVIEW_DAILY_PATIENTS``, default 25: a physiotherapist's
   ordinary day is 8 to 15 patients, the dashboard counting as a read of each one shown);
   every row of that staff member on that day is marked;

then everything else, newest first. Every search and export is itself a row of the log
(``audit.services.record_log_review``), which names the patient searched for.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from battrerygg.accounts.models import Role
from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from battrerygg.audit.services import record_log_review
from battrerygg.audit.texts import review_label
from battrerygg.localtime import midnight
from battrerygg.patients import identity
from battrerygg.patients.access import (
    AccessDenied,
    had_care_relation,
    managed_memberships,
    may_review_log,
    may_review_patient,
    reviewable_events,
)
from battrerygg.patients.models import Patient

ZONE = ZoneInfo("Europe/Stockholm")
SHOWN = 200
"""Rows shown on the page; the export has them all (up to EXPORTED)."""
EXPORTED = 100_000
MAX_UNUSUAL_DAYS = 200
"""At most this many (staff member, day) pairs are marked unusual in one search."""


@dataclass(frozen=True)
class Search:
    """What the reviewer asks for. patient: a Patient of the reviewer's clinics or None;
    staff: a user id or None; start, end: local dates, both included."""

    patient: Patient | None
    staff: int | None
    start: date
    end: date

    def describe(self) -> str:
        """The search as the log row records it (no personnummer: the patient's ref)."""
        who = f" patient={self.patient.ref}" if self.patient is not None else ""
        staff = f" staff={self.staff}" if self.staff is not None else ""
        return f"{self.start.isoformat()}..{self.end.isoformat()}{who}{staff}"


@dataclass(frozen=True)
class Row:
    """One row of the result: the event and why it comes first (if it does)."""

    event: AuditEvent
    no_relation: bool
    unusual: bool

    @property
    def patient_label(self) -> str:
        return patient_label(self.event.patient)

    @property
    def what_label(self) -> str:
        """What the row is about, in the reviewer's words (``audit.texts.REVIEW``)."""
        return review_label(self.event.what)

    @property
    def actor_label(self) -> str:
        """Who acted: the staff member's name then; "the patient" for the patient's own
        acts (the review names patients by masked personnummer only)."""
        return actor_label(self.event)

    @property
    def role_label(self) -> str:
        """The staff member's role then, in the reader's language ("" for a patient's own
        act or a visitor)."""
        if self.event.actor_role in ("", Role.PATIENT):
            return ""
        return str(dict(Role.choices).get(self.event.actor_role, self.event.actor_role))


def patient_label(patient: Patient | None) -> str:
    """How the review names a patient: the masked personnummer (``19121212-****``), else
    the start of their reference; "" for none. Names stay on the patient's pages."""
    if patient is None:
        return ""
    if patient.personnummer:
        return identity.mask(patient.personnummer)
    return str(patient.ref)[:8]


def actor_label(event: AuditEvent) -> str:
    """``Row.actor_label``; "" for a refused visitor who was not logged in."""
    if event.actor_role == Role.PATIENT:
        return str(_("the patient"))
    return event.actor_name


def daily_limit() -> int:
    """``settings.LOG_REVIEW_DAILY_PATIENTS``: more distinct patients read by one staff
    member on one day than this is an unusual volume."""
    return int(getattr(settings, "LOG_REVIEW_DAILY_PATIENTS", 25))


def staff_choices(user: Any) -> list[tuple[int, str]]:
    """The staff of the reviewer's clinics, (user id, name), for the search form."""
    members = managed_memberships(user).select_related("user").order_by(
        "user__full_name", "user__email")
    seen: dict[int, str] = {}
    for membership in members:
        seen.setdefault(membership.user_id, str(membership.user))
    return list(seen.items())


def find_patient(user: Any, text: str) -> Patient | None:
    """The patient of the reviewer's clinics with this personnummer (any accepted form) or
    reference. Raises AccessDenied when there is none (unknown, malformed or another
    clinic's: the review says "no such patient" for all alike)."""
    text = text.strip()
    found: Patient | None = None
    try:
        found = Patient.objects.filter(ref=uuid.UUID(text)).first()
    except ValueError:
        try:
            found = Patient.objects.filter(personnummer=identity.normalise(text)).first()
        except ValueError:
            found = None
    if found is None or not may_review_patient(user, found):
        raise AccessDenied
    return found


def _filtered(user: Any, search: Search) -> QuerySet[AuditEvent]:
    if not may_review_log(user):
        raise AccessDenied
    start = midnight(search.start, ZONE)
    end = midnight(search.end + timedelta(days=1), ZONE)
    rows = reviewable_events(user).filter(at__gte=start, at__lt=end)
    if search.patient is not None:
        rows = rows.filter(patient=search.patient)
    if search.staff is not None:
        rows = rows.filter(actor_id=search.staff)
    return rows


def _unusual_days(rows: QuerySet[AuditEvent]) -> list[tuple[int, date]]:
    """(actor id, local day) of the staff members who read more than ``daily_limit()``
    distinct patients that day, among ``rows`` (one query)."""
    found = (
        rows.filter(action=AuditEvent.Action.READ, patient__isnull=False,
                    actor__isnull=False)
        .annotate(day=TruncDate("at", tzinfo=ZONE))
        .values("actor_id", "day")
        .annotate(patients=Count("patient", distinct=True))
        .filter(patients__gt=daily_limit())
        .order_by("-patients")[:MAX_UNUSUAL_DAYS]
    )
    return [(int(item["actor_id"]), item["day"]) for item in found]


def _ordered(rows: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
    unusual = Q(pk__in=[])
    for actor_id, day in _unusual_days(rows):
        unusual |= Q(actor_id=actor_id, at__gte=midnight(day, ZONE),
                     at__lt=midnight(day + timedelta(days=1), ZONE))
    staff_read = (Q(action=AuditEvent.Action.READ, patient__isnull=False,
                    actor__isnull=False) & ~Q(what=What.ACCESS_LOG)
                  & ~Q(actor_role="patient"))
    return (
        rows.annotate(
            related=had_care_relation(),
            unusual=Case(When(unusual, then=Value(True)), default=Value(False),
                         output_field=BooleanField()),
        )
        .annotate(no_relation=Case(When(staff_read & Q(related=False), then=Value(True)),
                                   default=Value(False), output_field=BooleanField()))
        .select_related("patient")
        .order_by("-no_relation", "-unusual", "-at", "-seq")
    )


@dataclass(frozen=True)
class Result:
    """The rows shown (at most SHOWN) and how many matched."""

    rows: list[Row]
    total: int


def search(user: Any, what: Search) -> Result:
    """The rows of ``what``, what needs a look first; writes the review's own log row.
    Raises AccessDenied for anyone who is not a log reviewer. Four queries and the row."""
    found = _filtered(user, what)
    total = found.count()
    rows = [Row(event, bool(event.no_relation), bool(event.unusual))  # type: ignore[attr-defined]
            for event in _ordered(found)[:SHOWN]]
    record_log_review(actor=user, what=What.ACCESS_LOG, patient=what.patient,
                      object_id=what.describe())
    return Result(rows, total)


HEADER = ("time", "staff_member", "role", "clinic", "patient", "patient_ref", "action",
          "what", "object", "address", "request_id", "no_care_relation", "unusual_volume",
          "seq")


def export(user: Any, what: Search) -> Iterator[list[Any]]:
    """Every row of ``what`` (up to EXPORTED) as CSV values in ``HEADER``'s order, in the
    review's order. Writes the export's own log row (action "export") at once, before the
    rows are read (a streaming response reads them later). Raises AccessDenied for anyone
    who is not a log reviewer."""
    found = _ordered(_filtered(user, what))
    record_log_review(actor=user, what=What.ACCESS_LOG, patient=what.patient,
                      object_id=what.describe(), export=True)
    return _values(found[:EXPORTED])


def _values(found: QuerySet[AuditEvent]) -> Iterator[list[Any]]:
    for event in found.iterator(chunk_size=2000):
        at: datetime = event.at.astimezone(ZONE)
        flags = (bool(event.no_relation), bool(event.unusual))  # type: ignore[attr-defined]
        yield [at.strftime("%Y-%m-%d %H:%M:%S"), actor_label(event), event.actor_role,
               event.clinic_name, patient_label(event.patient),
               str(event.patient.ref) if event.patient else "", event.action, event.what,
               event.object_id, event.address, event.request_id, int(flags[0]),
               int(flags[1]), event.seq]
