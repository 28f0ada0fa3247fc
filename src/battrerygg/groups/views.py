"""The patient's pages of group sessions: my bookings, the calendar file, cancelling.
Booking ids in URLs are re-checked (404 for anyone else's booking)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from battrerygg.groups import queries, services
from battrerygg.groups.calendar import booking_calendar
from battrerygg.patients.models import Patient
from battrerygg.web.pages import patient_view


@patient_view
def index(request: HttpRequest, patient: Patient) -> HttpResponse:
    """Mina grupptillfällen: bookings with place, video link, waiting-list position."""
    now = timezone.now()
    found = queries.bookings(request.user, patient)
    return render(request, "groups/my_sessions.html", {
        "upcoming": [b for b in found if b.session.ends_at > now],
        "past": [b for b in found if b.session.ends_at <= now][::-1],
        "now": now,
    })


@patient_view
def calendar_file(request: HttpRequest, patient: Patient, booking_id: int) -> HttpResponse:
    """The booking as an .ics file (cancelled sessions give a cancelling file)."""
    booking = queries.own_booking(request.user, booking_id)
    response = HttpResponse(booking_calendar(booking, now=timezone.now()),
                            content_type="text/calendar; charset=utf-8")
    day = timezone.localtime(booking.session.starts_at, booking.session.tz).date()
    response["Content-Disposition"] = f'attachment; filename="battrerygg-{day:%Y-%m-%d}.ics"'
    return response


@require_POST
@patient_view
def cancel(request: HttpRequest, patient: Patient, booking_id: int) -> HttpResponse:
    """Cancel my booking (repeating is harmless)."""
    try:
        booking = queries.own_booking(request.user, booking_id)
        services.cancel_booking(request.user, booking.pk, now=timezone.now())
    except services.GroupError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your booking is cancelled."))
    return redirect("groups:index")
