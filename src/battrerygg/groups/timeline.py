"""The patient's group sessions on the physiotherapist's timeline (``patients.timeline``):
one event per booking, at the session's start, with its status and attendance."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.groups import queries
from battrerygg.groups.models import BookingStatus
from battrerygg.patients.models import Patient
from battrerygg.patients.timeline import Event, register


@register("groups", _("Group sessions"), order=45)
def group_sessions(user: Any, patient: Patient) -> Iterable[Event]:
    """Events of ``patient``'s bookings (cancelled ones too), read through the access layer."""
    for item in queries.bookings(user, patient, include_cancelled=True):
        booking, session = item.booking, item.session
        if session.is_cancelled:
            status, tone = gettext("The session is cancelled."), ""
        elif booking.status == BookingStatus.WAITING:
            status = gettext("On the waiting list, number %(n)s") % {"n": item.position}
            tone = "acc"
        else:
            status = booking.get_status_display()
            tone = "safe" if booking.attended == "yes" else ""
        details = [str(status)]
        if booking.status == BookingStatus.BOOKED and booking.attended:
            details.append(str(booking.get_attended_display()))
        yield Event(
            at=session.starts_at, kind="groups",
            title=f"{session.get_kind_display()}: {session.title}",
            details=tuple(details), tone=tone,
            url=reverse("groups_staff:detail", args=[session.pk]),
        )
