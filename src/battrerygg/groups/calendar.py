"""The patient's calendar file for a booking (RFC 5545, written with ``icalendar``).

UID: the booking's random ``uid`` (stable, reveals nothing). DTSTART/DTEND in UTC.
SUMMARY: the session's title; LOCATION: the place; URL: the video link; DESCRIPTION: the
kind of session and the clinic. No personnummer, no name, no health data. A cancelled
session or booking gives METHOD:CANCEL and STATUS:CANCELLED with a higher SEQUENCE, so a
calendar program that imported the event removes it. A place on the waiting list is
TENTATIVE.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from battrerygg.groups.models import Booking, BookingStatus, SessionKind


def booking_calendar(booking: Booking, *, now: datetime) -> bytes:
    """The .ics file of ``booking`` (bytes, UTF-8), in the active language."""
    session = booking.session
    cancelled = session.is_cancelled or booking.status == BookingStatus.CANCELLED
    cal = Calendar()
    cal.add("prodid", "-//BättreRygg//Group sessions//SV")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", f"{booking.uid}@battrerygg")
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", session.title)
    event.add("description", _("%(kind)s at %(clinic)s.") % {
        "kind": SessionKind(session.kind).label, "clinic": session.clinic.name,
    })
    if session.place:
        event.add("location", session.place)
    if session.video_url:
        event.add("url", session.video_url)
    # A booking cancelled by the patient outranks the session's own changes.
    own_cancel = 1 if booking.status == BookingStatus.CANCELLED else 0
    event.add("sequence", session.sequence + own_cancel)
    waiting = booking.status == BookingStatus.WAITING
    event.add("status", "CANCELLED" if cancelled else "TENTATIVE" if waiting else "CONFIRMED")
    cal.add_component(event)
    return cal.to_ical()
