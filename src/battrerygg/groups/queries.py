"""Reads of group sessions and bookings, always through the access layer.

Counts (booked, places, waiting) are not anyone's health data and write no audit rows.
Names and attendance are: ``roster`` writes one read row per patient shown, in one bulk
insert (see the package docstring).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from battrerygg.accounts.models import User
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_reads
from battrerygg.groups.models import Booking, BookingStatus, GroupSession
from battrerygg.patients.access import (
    AccessDenied,
    check_read,
    check_treat,
    clinic_physiotherapists,
    own_patient,
    roster_patients,
    staff_clinics,
)
from battrerygg.patients.models import Patient

RECENT = timedelta(days=14)
"""Sessions that ended this long ago are still listed to staff (to mark attendance)."""


def with_counts(sessions: QuerySet[GroupSession]) -> QuerySet[GroupSession]:
    """Annotate ``booked_count`` and ``waiting_count`` (one query for the whole list)."""
    return sessions.annotate(
        booked_count=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED)),
        waiting_count=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
    )


def staff_sessions(user: Any, *, now: datetime) -> tuple[list[GroupSession], list[GroupSession]]:
    """(upcoming, recent) sessions of ``user``'s clinics, with counts: upcoming have not
    ended (soonest first), recent ended within the last 14 days (latest first)."""
    base = with_counts(
        GroupSession.objects.filter(clinic__in=staff_clinics(user)).select_related(
            "clinic", "leader"
        )
    )
    upcoming = list(base.filter(ends_at__gt=now).order_by("starts_at", "pk"))
    recent = list(base.filter(ends_at__lte=now, ends_at__gt=now - RECENT)
                  .order_by("-starts_at", "-pk"))
    return upcoming, recent


def session_for_staff(user: Any, session_id: int) -> GroupSession:
    """A session of one of ``user``'s clinics, with counts. Raises AccessDenied otherwise."""
    found = with_counts(
        GroupSession.objects.filter(pk=session_id, clinic__in=staff_clinics(user))
    ).select_related("clinic", "leader").first()
    if found is None:
        raise AccessDenied
    return found


def leaders(clinic: Any) -> QuerySet[User]:
    """The physiotherapists of ``clinic`` who may lead a session
    (``access.clinic_physiotherapists``), by name."""
    return clinic_physiotherapists(clinic).order_by("full_name", "email")


def _with_position(bookings: QuerySet[Booking]) -> QuerySet[Booking, Any]:
    """Annotate ``ahead``: how many wait before each booking (rows are Booking with that
    extra attribute, hence ``Any``)."""
    ahead = (
        Booking.objects.filter(
            session=OuterRef("session"), status=BookingStatus.WAITING,
        ).filter(Q(queued_at__lt=OuterRef("queued_at"))
                 | Q(queued_at=OuterRef("queued_at"), pk__lt=OuterRef("pk")))
        .order_by().values("session").annotate(n=Count("pk")).values("n")
    )
    return bookings.annotate(ahead=Coalesce(Subquery(ahead), 0))


@dataclass(frozen=True)
class RosterLine:
    """One patient in a session as staff see it."""

    booking: Booking
    patient: Patient
    position: int | None  # on the waiting list, 1 = next


def _lines(bookings: QuerySet[Booking]) -> list[RosterLine]:
    return [
        RosterLine(b, b.patient, b.ahead + 1 if b.status == BookingStatus.WAITING else None)
        for b in _with_position(bookings)
    ]


def roster(user: Any, session: GroupSession) -> list[RosterLine]:
    """The patients of ``session`` that ``user`` may see by name, booked first, then the
    waiting list in order: everyone for the leader, their own patients for another
    physiotherapist of the clinic, nobody for a clinic admin (``access.roster_patients``;
    AccessDenied for anyone not staff of the session's clinic).

    Writes one audit read row per patient returned, in one bulk insert ("groups.roster",
    object_id = session id, clinic = the session's clinic).
    """
    shown = roster_patients(user, session)
    bookings = (
        session.bookings.exclude(status=BookingStatus.CANCELLED)
        .filter(patient__in=shown)
        .select_related("patient__user")
        .order_by("status", "queued_at", "pk")  # "booked" sorts before "waiting"
    )
    lines = _lines(bookings)
    record_reads(actor=user, shown=[(line.patient, session.clinic_id) for line in lines],
                 what=What.GROUPS_ROSTER, object_id=session.pk)
    return lines


@dataclass(frozen=True)
class PatientBooking:
    """A booking as shown on a patient's list: the session, the status, the waiting-list
    position (None unless waiting) and the attendance."""

    booking: Booking
    session: GroupSession
    position: int | None


def bookings(
    user: Any, patient: Patient, *, include_cancelled: bool = False
) -> list[PatientBooking]:
    """``patient``'s bookings, soonest session first (cancelled bookings only when asked).

    For the timeline and the patient's own page. Raises AccessDenied unless ``user`` may see
    the patient; a staff read outside a page scope writes one audit row ("groups.bookings").
    """
    check_read(user, patient, What.GROUPS_BOOKINGS)
    found = Booking.objects.filter(patient=patient).select_related(
        "session", "session__clinic", "session__leader"
    ).order_by("session__starts_at", "pk")
    if not include_cancelled:
        found = found.exclude(status=BookingStatus.CANCELLED)
    return [
        PatientBooking(b, b.session, b.ahead + 1 if b.status == BookingStatus.WAITING else None)
        for b in _with_position(found)
    ]


def own_booking(user: Any, booking_id: int) -> Booking:
    """A booking of the logged-in patient. Raises AccessDenied for any other booking or
    user (shown as 404)."""
    patient = own_patient(user)
    found = Booking.objects.filter(pk=booking_id, patient=patient).select_related(
        "session", "session__clinic", "session__leader", "patient__user"
    ).first()
    if found is None:
        raise AccessDenied
    return found


def bookable_sessions(user: Any, patient: Patient, *, now: datetime) -> list[GroupSession]:
    """Upcoming, not cancelled sessions at the clinics where ``user`` works, that
    ``patient`` is not already booked into, with counts (for the booking form). Raises
    AccessDenied unless ``user`` may treat the patient (``access.check_treat``)."""
    check_treat(user, patient)
    taken = Booking.objects.filter(patient=patient).exclude(
        status=BookingStatus.CANCELLED
    ).values("session_id")
    return list(
        with_counts(GroupSession.objects.filter(
            clinic__in=staff_clinics(user), starts_at__gt=now, cancelled_at__isnull=True,
        ).exclude(pk__in=taken)).select_related("clinic", "leader").order_by("starts_at", "pk")
    )
