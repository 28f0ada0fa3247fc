"""Every write of group sessions and bookings (SPEC T4): checked here (forms are not the
only caller; who may do what is asked of ``patients.access``), in a transaction, audited
when it concerns a patient, harmless to repeat.

Concurrency: every write that counts places locks the session row first
(``select_for_update``), so two physiotherapists booking the last place at the same moment
are served one after the other on PostgreSQL: one gets the place, the other the waiting
list. A session never holds more booked patients than its capacity.

A patient moved up from the waiting list is recorded with no actor (the system moved them;
naming the patient who cancelled would tell one patient about another).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from battrerygg.accounts.models import User
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.groups.models import (
    CAPACITY_MAX,
    CAPACITY_MIN,
    Attendance,
    Booking,
    BookingStatus,
    GroupSession,
    SessionKind,
)
from battrerygg.localtime import exists_locally
from battrerygg.patients import access
from battrerygg.patients.access import AccessDenied
from battrerygg.patients.models import Patient
from battrerygg.patients.services import current_episode
from battrerygg.submissions import create_once, save_once

YEARS_AHEAD = 2  # a session may be scheduled at most this many years ahead
_GAP = _("That time does not exist on that day: the clocks are put forward an hour. "
         "Choose another time.")
# Characters never in a video link we store (they could break out of an attribute or hide
# where the link goes); whitespace and control characters are refused separately.
_URL_FORBIDDEN = set("\"'<>`\\{}|^")

MESSAGES: dict[str, Promise] = {
    "past_start": _("The session must start in the future."),
    "end_before_start": _("The session must end after it starts."),
    "start_gap": _GAP,
    "end_gap": _GAP,
    "too_far": _("The session can be at most two years ahead."),
    "episode_ended": _("The care episode has ended. The patient cannot be booked."),
    "capacity": _("The number of places must be from 1 to 50."),
    "capacity_below_bookings": _(
        "There are more patients booked than that. Cancel bookings first, or keep more places."
    ),
    "no_place": _("Give a place, a video link or both."),
    "bad_video": _("The video link must be a full web address starting with https://."),
    "no_title": _("Give the session a title."),
    "bad_kind": _("Choose the kind of session."),
    "bad_leader": _("The leader must be a physiotherapist of the clinic."),
    "cancelled": _("The session is cancelled."),
    "started": _("The session has already started."),
    "not_started": _("Attendance can be marked once the session has started."),
    "bad_attendance": _("Mark each patient as attended, not attended or not marked."),
}


class GroupError(ValueError):
    """A write that breaks a rule. ``code`` names it, ``message`` is the translated text
    (lazy) to show; nothing has been changed when it is raised."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = MESSAGES[code]


@dataclass(frozen=True)
class SessionInput:
    """What a session is: kind (SessionKind), title, start and end (aware datetimes),
    place and/or https video link, capacity 1–50 and the leader (a physiotherapist)."""

    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    leader: User
    place: str = ""
    video_url: str = ""


def valid_video_url(url: str) -> bool:
    """Whether ``url`` (str, at most 500 characters) is an https address with a host.

    Refused: any other scheme; whitespace, control characters, quotes, angle brackets,
    backticks, backslashes and braces (``_URL_FORBIDDEN``); user info before the host (an
    "@" in the network location, as in https://evil.example@meet.example.se/, which hides
    where the link goes); a port that is not a number.
    """
    if not url or len(url) > 500:
        return False
    if any(c.isspace() or not c.isprintable() or c in _URL_FORBIDDEN for c in url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.hostname) and "@" not in parts.netloc


def _years_later(moment: datetime, years: int) -> datetime:
    """The same calendar moment ``years`` later (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def _check(clinic: Any, data: SessionInput, *, now: datetime) -> None:
    """Raise GroupError for the first rule ``data`` breaks.

    Times are compared as UTC instants (two aware datetimes with the same zone compare as
    wall-clock times in Python, so 02:30–03:30 on a spring-forward night would look an hour
    long while it is none). Local times skipped when the clocks go forward are refused.
    """
    if data.kind not in SessionKind.values:
        raise GroupError("bad_kind")
    if not data.title.strip():
        raise GroupError("no_title")
    if not exists_locally(data.starts_at):
        raise GroupError("start_gap")
    if not exists_locally(data.ends_at):
        raise GroupError("end_gap")
    starts, ends = data.starts_at.astimezone(UTC), data.ends_at.astimezone(UTC)
    if starts <= now:
        raise GroupError("past_start")
    if starts > _years_later(now.astimezone(UTC), YEARS_AHEAD):
        raise GroupError("too_far")
    if ends <= starts:
        raise GroupError("end_before_start")
    if not CAPACITY_MIN <= data.capacity <= CAPACITY_MAX:
        raise GroupError("capacity")
    if not data.place.strip() and not data.video_url.strip():
        raise GroupError("no_place")
    if data.video_url.strip() and not valid_video_url(data.video_url.strip()):
        raise GroupError("bad_video")
    if not access.may_lead(data.leader, clinic):
        raise GroupError("bad_leader")


def _fields(data: SessionInput) -> dict[str, Any]:
    return {
        "kind": data.kind, "title": data.title.strip(), "starts_at": data.starts_at,
        "ends_at": data.ends_at, "capacity": data.capacity, "leader": data.leader,
        "place": data.place.strip(), "video_url": data.video_url.strip(),
    }


def schedule_session(
    actor: Any, clinic: Any, data: SessionInput, *, now: datetime,
    submission_key: uuid.UUID | None = None,
) -> tuple[GroupSession, bool]:
    """Schedule a new session at ``clinic``: (session, created).

    Raises AccessDenied when ``actor`` is not staff of the clinic, GroupError when ``data``
    breaks a rule (past start, end before start, capacity outside 1–50, neither place nor
    video link, a link that is not https, a leader who is not a physiotherapist of the
    clinic). The same form again (same submission_key and data) returns the session first
    saved with it (a double submit), without change; a changed form under the same key is
    a new session (``battrerygg.submissions``).
    """
    if not access.may_manage_sessions(actor, clinic):
        raise AccessDenied

    def create(key: uuid.UUID | None) -> GroupSession:
        _check(clinic, data, now=now)
        return GroupSession.objects.create(
            clinic=clinic, created_by=actor, submission_key=key, **_fields(data)
        )

    if submission_key is None:
        return create(None), True
    content = _fields(data) | {"clinic": clinic.pk, "leader": data.leader.pk}
    return save_once(
        lambda key: GroupSession.objects.filter(submission_key=key, clinic=clinic).first(),
        create, submission_key, content,
    )


def _locked(session_id: int) -> GroupSession:
    return GroupSession.objects.select_for_update().select_related("clinic").get(pk=session_id)


def _booked_count(session: GroupSession) -> int:
    return session.bookings.filter(status=BookingStatus.BOOKED).count()


def _move_up(session: GroupSession, *, now: datetime) -> list[Booking]:
    """Fill free places from the head of the waiting list (session row locked)."""
    free = session.capacity - _booked_count(session)
    moved: list[Booking] = []
    if free <= 0 or session.is_cancelled:
        return moved
    for booking in session.bookings.filter(status=BookingStatus.WAITING).select_related(
        "patient"
    ).order_by("queued_at", "pk")[:free]:
        booking.status = BookingStatus.BOOKED
        booking.save(update_fields=["status", "updated_at"])
        record_change(actor=None, patient=booking.patient, action="update",
                      what=What.GROUPS_BOOKING_MOVED_UP, object_id=booking.pk,
                      clinic=session.clinic)
        moved.append(booking)
    return moved


@transaction.atomic
def edit_session(actor: Any, session_id: int, data: SessionInput, *, now: datetime) -> GroupSession:
    """Change a session that has not started and is not cancelled. Raises AccessDenied,
    GroupError (the rules of ``schedule_session``; "capacity_below_bookings" when fewer
    places than booked patients; "started"; "cancelled"). More places move patients up from
    the waiting list. Saving unchanged values changes nothing."""
    session = _locked(session_id)
    if not access.may_manage_sessions(actor, session.clinic):
        raise AccessDenied
    if session.is_cancelled:
        raise GroupError("cancelled")
    if session.starts_at <= now:
        raise GroupError("started")
    _check(session.clinic, data, now=now)
    if data.capacity < _booked_count(session):
        raise GroupError("capacity_below_bookings")
    changed = {k: v for k, v in _fields(data).items() if getattr(session, k) != v}
    if not changed:
        return session
    for key, value in changed.items():
        setattr(session, key, value)
    session.sequence += 1
    session.save()
    _move_up(session, now=now)
    return session


@transaction.atomic
def cancel_session(actor: Any, session_id: int, *, now: datetime) -> GroupSession:
    """Cancel a session that has not ended; bookings are kept and their calendar files then
    cancel the event. Cancelling again changes nothing. Raises AccessDenied, GroupError
    ("started" once it has ended)."""
    session = _locked(session_id)
    if not access.may_manage_sessions(actor, session.clinic):
        raise AccessDenied
    if session.is_cancelled:
        return session
    if session.ends_at <= now:
        raise GroupError("started")
    session.cancelled_at = now
    session.sequence += 1
    session.save(update_fields=["cancelled_at", "sequence", "updated_at"])
    return session


@transaction.atomic
def book_patient(
    actor: Any, session_id: int, patient: Patient, *, now: datetime | None = None
) -> tuple[Booking, bool]:
    """Book ``patient`` into a session: (booking, created). A free place gives status
    booked; a full session puts the patient on the waiting list (never over capacity).
    A patient already booked or waiting keeps that booking (created False).

    now: the time of the booking (aware); None (the pages) reads the clock once the session
    row is locked, so the waiting-list order (``queued_at``) is the order of arrival under
    the lock. Tests pass a fixed time.

    Raises AccessDenied unless ``actor`` is a physiotherapist of the session's clinic who
    may treat the patient; GroupError "episode_ended" when the patient has no open episode,
    "cancelled" or "started".
    """
    session = _locked(session_id)
    if now is None:
        now = timezone.now()  # taken under the lock: queue order = order of arrival
    if not access.may_book(actor, patient, session):
        raise AccessDenied
    if current_episode(patient) is None:
        raise GroupError("episode_ended")
    booked_at = now

    def create() -> Booking:
        if session.is_cancelled:
            raise GroupError("cancelled")
        if session.starts_at <= booked_at:
            raise GroupError("started")
        full = _booked_count(session) >= session.capacity
        booking = Booking.objects.create(
            session=session, patient=patient, booked_by=actor, queued_at=booked_at,
            status=BookingStatus.WAITING if full else BookingStatus.BOOKED,
        )
        record_change(actor=actor, patient=patient, action="create", what=What.GROUPS_BOOKING,
                      object_id=booking.pk, clinic=session.clinic)
        return booking

    return create_once(  # one active booking per patient and session, session row locked
        lambda: session.bookings.exclude(status=BookingStatus.CANCELLED).filter(
            patient=patient).first(),
        create,
    )


@transaction.atomic
def cancel_booking(actor: Any, booking_id: int, *, now: datetime) -> Booking:
    """Cancel a booking (the patient's own, or by a physiotherapist who may treat the
    patient at the session's clinic). When a booked place frees up, the first on the
    waiting list moves up. Cancelling again changes nothing. Raises AccessDenied (also for
    an unknown id), GroupError "started" once the session has started."""
    try:
        session_id = Booking.objects.values_list("session_id", flat=True).get(pk=booking_id)
    except Booking.DoesNotExist:
        raise AccessDenied from None
    session = _locked(session_id)
    booking = Booking.objects.select_related("patient").get(pk=booking_id)
    if not access.may_cancel_booking(actor, booking.patient, session):
        raise AccessDenied
    if booking.status == BookingStatus.CANCELLED:
        return booking
    if session.starts_at <= now and not session.is_cancelled:
        raise GroupError("started")
    was_booked = booking.status == BookingStatus.BOOKED
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.save(update_fields=["status", "cancelled_at", "updated_at"])
    staff = not access.is_self(actor, booking.patient)
    record_change(actor=actor, patient=booking.patient, action="update",
                  what=What.GROUPS_BOOKING_CANCELLED, object_id=booking.pk,
                  clinic=session.clinic if staff else None)
    if was_booked:
        _move_up(session, now=now)
    return booking


@transaction.atomic
def mark_attendance(
    actor: Any, session_id: int, marks: dict[int, str], *, now: datetime
) -> int:
    """Record attendance: marks maps booking id → "yes", "no" or "" (not marked). Returns
    how many bookings changed (marks equal to the stored ones change nothing).

    Only for a session that has started (GroupError "not_started"), is not cancelled, and
    only for booked patients. The leader marks anyone booked; another physiotherapist of the
    clinic marks the patients they may treat. Raises AccessDenied for anyone else or for a
    booking outside that set; GroupError "bad_attendance" for an unknown mark.
    """
    session = _locked(session_id)
    if not access.may_mark_attendance(actor, session):
        raise AccessDenied
    if session.is_cancelled:
        raise GroupError("cancelled")
    if session.starts_at > now:
        raise GroupError("not_started")
    if any(mark not in Attendance.values for mark in marks.values()):
        raise GroupError("bad_attendance")
    allowed = session.bookings.filter(
        status=BookingStatus.BOOKED, patient__in=access.roster_patients(actor, session)
    ).select_related("patient")
    bookings = {b.pk: b for b in allowed.filter(pk__in=list(marks))}
    if len(bookings) != len(marks):
        raise AccessDenied
    changed = 0
    for booking_id, mark in marks.items():
        booking = bookings[booking_id]
        if booking.attended == mark:
            continue
        booking.attended = mark
        booking.save(update_fields=["attended", "updated_at"])
        record_change(actor=actor, patient=booking.patient, action="update",
                      what=What.GROUPS_ATTENDANCE, object_id=booking.pk, clinic=session.clinic)
        changed += 1
    return changed
