"""Staff pages of group sessions: the list, scheduling, a session with its roster and
attendance, the education material, and one patient's bookings.

Session ids in URLs are re-checked through the access layer (404 when not at one of the
user's clinics). Audit rows: see the package docstring.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from battrerygg.accounts.models import Role
from battrerygg.audit.keys import What
from battrerygg.groups import queries, services
from battrerygg.groups.forms import FIELD_OF_ERROR, BookForm, SessionForm
from battrerygg.groups.material import slides
from battrerygg.groups.models import Attendance, GroupSession, SessionKind
from battrerygg.patients.access import (
    StaffAccess,
    has_role,
    may_mark_attendance,
    roster_visible,
    staff_clinics,
)
from battrerygg.web.pages import patient_page, physio_page, posted_id, staff_page


def _zone(user: Any) -> ZoneInfo:
    clinic = staff_clinics(user).first()
    return ZoneInfo(clinic.timezone if clinic else "Europe/Stockholm")


@staff_page
def session_list(request: HttpRequest) -> HttpResponse:
    """Upcoming and recent sessions of the user's clinics, with counts (no names)."""
    upcoming, recent = queries.staff_sessions(request.user, now=timezone.now())
    with timezone.override(_zone(request.user)):
        return render(request, "groups/staff_list.html", {"upcoming": upcoming, "recent": recent})


def _session_form(request: HttpRequest, session: GroupSession | None) -> HttpResponse:
    clinics = staff_clinics(request.user)
    if session is not None:
        clinics = clinics.filter(pk=session.clinic_id)
    chosen = request.POST.get("clinic") if request.method == "POST" else None
    clinic = (clinics.filter(pk=chosen).first() if chosen and chosen.isdigit() else None) or (
        session.clinic if session else clinics.first()
    )
    initial: dict[str, Any] = {"clinic": clinic}
    if session is not None:
        local = timezone.localtime(session.starts_at, session.tz)
        initial |= {
            "kind": session.kind, "title": session.title, "date": local.date(),
            "starts": local.time(), "ends": timezone.localtime(session.ends_at, session.tz).time(),
            "place": session.place, "video_url": session.video_url,
            "capacity": session.capacity, "leader": session.leader,
        }
    elif has_role(request.user, Role.PHYSIOTHERAPIST):
        initial["leader"] = request.user
    form = SessionForm(request.POST if request.method == "POST" else None, initial=initial,
                       clinics=clinics, leaders=queries.leaders(clinic))
    if session is not None:
        form.fields["clinic"].disabled = True
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        try:
            if session is None:
                saved, _created = services.schedule_session(
                    request.user, form.cleaned_data["clinic"], form.session_input(), now=now,
                    submission_key=form.cleaned_data["submission_key"],
                )
                messages.success(request, _("The session is scheduled."))
            else:
                saved = services.edit_session(request.user, session.pk, form.session_input(),
                                              now=now)
                messages.success(request, _("The session is saved."))
        except services.GroupError as error:
            form.add_error(FIELD_OF_ERROR.get(error.code), str(error.message))
        else:
            return redirect("groups_staff:detail", saved.pk)
    return render(request, "groups/session_form.html", {"form": form, "session": session})


@staff_page
def session_new(request: HttpRequest) -> HttpResponse:
    """Schedule a session (saved once however often the form is sent)."""
    return _session_form(request, None)


@staff_page
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    """Change a session that has not started."""
    session = queries.session_for_staff(request.user, session_id)
    if session.is_cancelled or session.starts_at <= timezone.now():
        messages.info(request, _("A session that has started or is cancelled cannot be changed."))
        return redirect("groups_staff:detail", session.pk)
    return _session_form(request, session)


@staff_page
def session_cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    """Ask, then cancel the session (repeating is harmless)."""
    session = queries.session_for_staff(request.user, session_id)
    if request.method == "POST":
        try:
            services.cancel_session(request.user, session.pk, now=timezone.now())
        except services.GroupError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _(
                "The session is cancelled. The booked patients' calendar files now cancel it."))
        return redirect("groups_staff:detail", session.pk)
    with timezone.override(session.tz):
        return render(request, "groups/session_cancel.html", {"session": session})


@staff_page
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    """A session: details, counts, and the patients the user may see by name (one audit
    row per patient shown), with the attendance form once the session has started."""
    session = queries.session_for_staff(request.user, session_id)
    now = timezone.now()
    lines = queries.roster(request.user, session)
    booked = [line for line in lines if line.position is None]
    may_mark = (
        session.starts_at <= now and not session.is_cancelled
        and may_mark_attendance(request.user, session) and bool(booked)
    )
    with timezone.override(session.tz):
        return render(request, "groups/session_detail.html", {
            "session": session, "booked": booked,
            "waiting": [line for line in lines if line.position is not None],
            "full_roster": roster_visible(request.user, session),
            # a physiotherapist sees names (all, or their own patients); an admin counts only
            "sees_names": has_role(request.user, Role.PHYSIOTHERAPIST),
            "may_mark": may_mark, "attendance_choices": Attendance.choices,
            "may_change": not session.is_cancelled and session.starts_at > now,
            "is_education": session.kind == SessionKind.EDUCATION,
            "started": session.starts_at <= now,
        })


@require_POST
@physio_page
def attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    """Save the attendance form: fields ``attended-<booking id>`` = yes / no / ""."""
    session = queries.session_for_staff(request.user, session_id)
    marks: dict[int, str] = {}
    for key, value in request.POST.items():
        if key.startswith("attended-"):  # a booking id beyond any row's: 404
            marks[posted_id(key.removeprefix("attended-"))] = value
    try:
        changed = services.mark_attendance(request.user, session.pk, marks, now=timezone.now())
    except services.GroupError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Attendance is saved.") if changed
                         else _("Nothing was changed."))
    return redirect("groups_staff:detail", session.pk)


@staff_page
def material(request: HttpRequest) -> HttpResponse:
    """The education session's talking points as slides (one section per screen)."""
    return render(request, "groups/material.html", {"slides": slides()})


def _session_label(session: GroupSession) -> str:
    start = timezone.localtime(session.starts_at, session.tz)
    free = max(session.capacity - session.booked_count, 0)
    places = (_("%(n)s of %(total)s places left") % {"n": free, "total": session.capacity}
              if free else _("full, waiting list"))
    return f"{start:%Y-%m-%d %H:%M} · {session.title} · {session.get_kind_display()} · {places}"


@patient_page(What.SESSIONS)
def patient_sessions(request: HttpRequest, access: StaffAccess) -> HttpResponse:
    """One patient's bookings, and a form to book them into an upcoming session."""
    now = timezone.now()
    patient = access.patient
    open_sessions = queries.bookable_sessions(request.user, patient, now=now)
    with timezone.override(_zone(request.user)):
        choices = [(s.pk, _session_label(s)) for s in open_sessions]
        if request.method == "POST":
            # The same booking sent again (a double click, a reload, two tabs) finds its
            # session among the patient's bookings and is answered as the first one was.
            offered = {pk for pk, _label in choices}
            choices += [(b.session.pk, b.session.title)
                        for b in queries.bookings(request.user, patient)
                        if b.session.pk not in offered]
        form = BookForm(request.POST if request.method == "POST" else None, choices=choices)
        if request.method == "POST" and form.is_valid():
            try:
                # no now: the service reads the clock under the session lock (queue order)
                booking, created = services.book_patient(
                    request.user, form.cleaned_data["session"], patient)
            except services.GroupError as error:
                form.add_error("session", str(error.message))
            else:
                if booking.status == "waiting":
                    messages.warning(request, _(
                        "The session is full. The patient is on the waiting list."))
                else:
                    messages.success(request, _("The patient is booked."))
                return redirect("groups_staff:patient_sessions", patient.ref)
        return render(request, "groups/patient_sessions.html", {
            "patient": patient, "bookings": queries.bookings(request.user, patient),
            "form": form, "now": now,
        })


@require_POST
@patient_page(What.SESSIONS)
def patient_booking_cancel(
    request: HttpRequest, access: StaffAccess, booking_id: int
) -> HttpResponse:
    """Cancel one of the patient's bookings (the first on the waiting list moves up)."""
    if not access.patient.group_bookings.filter(pk=booking_id).exists():
        raise Http404
    try:
        services.cancel_booking(request.user, booking_id, now=timezone.now())
    except services.GroupError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The booking is cancelled."))
    return redirect("groups_staff:patient_sessions", access.patient.ref)
