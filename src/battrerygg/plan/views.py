"""Patient pages of the balance model, weekly goals and reminders (SPEC P4, P6)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from battrerygg.clinical.balance import (
    CAPACITY_NEEDS_WORK_AT_MOST,
    LOAD_NEEDS_WORK_AT_LEAST,
    Capacity,
    Load,
    emotions_very_high,
    suggestions,
    tilt,
)
from battrerygg.localtime import local_date
from battrerygg.patients.access import AccessDenied
from battrerygg.patients.models import Patient
from battrerygg.plan import drawing, queries, reminders, services
from battrerygg.plan.forms import CheckInForm, GoalForm, MotivationForm, ReminderForm
from battrerygg.plan.models import BalanceCheckIn, PhysicalLoadDirection
from battrerygg.plan.texts import ACTIONS, FACTORS, TILT_TEXT
from battrerygg.web.pages import patient_view

SUMMARY_WEEKS = 8


def _kicker(factor: Capacity | Load, checkin: BalanceCheckIn) -> str:
    """What kind of work a suggestion is: raise a capacity, or change a load."""
    if isinstance(factor, Capacity):
        return _("Raise capacity")
    if factor is Load.PHYSICAL and checkin.physical_direction == PhysicalLoadDirection.TOO_LITTLE:
        return _("Move more")
    return _("Lighten the load")


def _checkin_context(checkin: BalanceCheckIn) -> dict[str, Any]:
    ratings = checkin.ratings
    return {
        "checkin": checkin,
        "scale": drawing.scale(ratings),
        "tilt_text": TILT_TEXT[tilt(ratings)],
        "suggestions": [
            (s, FACTORS[s.factor], ACTIONS[s.action], _kicker(s.factor, checkin),
             "capacity" if isinstance(s.factor, Capacity) else "load")
            for s in suggestions(ratings)
        ],
        "emotions_very_high": emotions_very_high(ratings),
        "good_capacity": CAPACITY_NEEDS_WORK_AT_MOST + 1,
        "light_load": LOAD_NEEDS_WORK_AT_LEAST - 1,
        "capacity": [(FACTORS[c], v) for c, v in ratings.capacity.items()],
        "loads": [(FACTORS[x], v) for x, v in ratings.loads.items()],
    }


@patient_view
def balance(request: HttpRequest, patient: Patient) -> HttpResponse:
    """The latest check-in drawn as a balance, what to work on, and the history."""
    history = queries.checkins(request.user, patient)
    context: dict[str, Any] = {
        "history": list(reversed(history)),
        "chart": drawing.history([(c.local_date, c.ratings) for c in history]),
        "next_checkin": queries.next_checkin(request.user, patient,
                                             history[-1] if history else None),
        "today": local_date(patient.tz),
    }
    if history:
        context |= _checkin_context(history[-1])
    return render(request, "plan/balance.html", context)


@patient_view
def checkin_detail(request: HttpRequest, patient: Patient, checkin_id: int) -> HttpResponse:
    """One earlier check-in."""
    found = queries.checkin(request.user, checkin_id)
    return render(request, "plan/checkin.html", _checkin_context(found))


@patient_view
def checkin_new(request: HttpRequest, patient: Patient) -> HttpResponse:
    """Rate capacity and loads; saved once however often the form is sent."""
    form = CheckInForm(request.POST if request.method == "POST" else None,
                       today=local_date(patient.tz))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.record_checkin(
                patient, local_date=data["local_date"], ratings=form.ratings(),
                today=form.today, physical_direction=data["physical_direction"],
                submission_key=data["submission_key"],
            )
        except services.PlanError:  # the form checks the same rules first
            form.add_error(None, _("The check-in could not be saved. Check the date."))
        else:
            messages.success(request, _("Your check-in is saved."))
            return redirect("plan:checkin", saved.pk)
    return render(request, "plan/checkin_new.html", {
        "form": form,
        "groups": [
            (_("Capacity"), _("What your back can cope with."),
             [form[name] for name in form.capacity_fields]),
            (_("Loads"), _("What weighs on your back, in body and mind."),
             [form[name] for name in form.load_fields]),
        ],
    })


@patient_view
def goals(request: HttpRequest, patient: Patient) -> HttpResponse:
    """Weekly goals with this week's progress, the last weeks, and what motivates."""
    today = local_date(patient.tz)
    weeks = queries.weeks(request.user, patient, today - timedelta(weeks=SUMMARY_WEEKS - 1),
                          today)
    this_week = weeks[0] if weeks and weeks[0].monday <= today <= weeks[0].sunday else None
    return render(request, "plan/goals.html", {
        "current": queries.current_goals(request.user, patient),
        "this_week": this_week,
        "earlier": [w for w in weeks if w is not this_week],
        "motivation": queries.motivation(request.user, patient),
        "form": GoalForm(),
        "by_email": queries.wants_email_reminders(request.user, patient),
    })


@patient_view
def goal_new(request: HttpRequest, patient: Patient) -> HttpResponse:
    """Set a weekly goal (or change the current goal for that activity)."""
    form = GoalForm(request.POST if request.method == "POST" else None,
                    initial={"activity": request.GET.get("activity", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.set_goal(patient, activity=data["activity"], unit=data["unit"],
                          target=data["target"], today=local_date(patient.tz))
        messages.success(request, _("Your weekly goal is saved."))
        return redirect("plan:goals")
    return render(request, "plan/goal_form.html", {"form": form})


@patient_view
def goal_edit(request: HttpRequest, patient: Patient, goal_id: int) -> HttpResponse:
    """Change how much a current goal asks for; past weeks keep the goal they had."""
    goal = queries.goal_for_change(request.user, goal_id)
    form = GoalForm(request.POST if request.method == "POST" else None,
                    initial={"activity": goal.activity, "unit": goal.unit,
                             "target": goal.target})
    form.fields["activity"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.set_goal(patient, activity=goal.activity, unit=data["unit"],
                          target=data["target"], today=local_date(patient.tz))
        messages.success(request, _("Your weekly goal is saved."))
        return redirect("plan:goals")
    return render(request, "plan/goal_form.html", {"form": form, "goal": goal})


@require_POST
@patient_view
def goal_end(request: HttpRequest, patient: Patient, goal_id: int) -> HttpResponse:
    """Stop a goal from this week on. A goal already stopped: nothing happens."""
    try:
        goal = queries.goal_for_change(request.user, goal_id)
    except AccessDenied:
        if not queries.had_goal(request.user, patient, goal_id):
            raise  # not this patient's goal (or removed): the 404 page, the refusal logged
        messages.info(request, _("That goal is no longer in force."))
        return redirect("plan:goals")
    services.end_goal(goal, today=local_date(patient.tz))
    messages.success(request, _("The goal is removed. You can set a new one at any time."))
    return redirect("plan:goals")


@patient_view
def motivation(request: HttpRequest, patient: Patient) -> HttpResponse:
    """What motivates the patient, in their words."""
    current = queries.motivation(request.user, patient)
    form = MotivationForm(request.POST if request.method == "POST" else None,
                          initial={"text": current.text if current else ""})
    if request.method == "POST" and form.is_valid():
        services.save_motivation(patient, form.cleaned_data["text"])
        messages.success(request, _("Saved."))
        return redirect("plan:goals")
    return render(request, "plan/motivation.html", {"form": form})


@patient_view
def reminder_settings(request: HttpRequest, patient: Patient) -> HttpResponse:
    """Opt in to or out of reminder e-mails."""
    form = ReminderForm(request.POST if request.method == "POST" else None,
                        initial={"by_email": queries.wants_email_reminders(request.user, patient)})
    if request.method == "POST" and form.is_valid():
        on = form.cleaned_data["by_email"]
        services.set_email_reminders(patient, on)
        messages.success(request, _("You will get reminders by e-mail.") if on
                         else _("You will not get reminder e-mails."))
        return redirect("plan:reminders")
    return render(request, "plan/reminders.html", {"form": form,
                                                  "email": patient.user.email})


@csrf_exempt  # the signed token is the credential; RFC 8058 one-click posts carry no CSRF
@require_http_methods(["GET", "POST"])
def reminders_stop(request: HttpRequest, token: str) -> HttpResponse:
    """Stop reminder e-mails from the link in an e-mail, without logging in. GET asks,
    POST stops (mail scanners that follow links change nothing)."""
    try:
        patient = reminders.patient_of_token(token)
    except signing.BadSignature:
        return render(request, "plan/reminders_stop.html", {"invalid": True}, status=400)
    with translation.override(patient.user.language or request.LANGUAGE_CODE):
        if request.method == "POST":
            services.set_email_reminders(patient, False)
            return render(request, "plan/reminders_stop.html", {"stopped": True})
        return render(request, "plan/reminders_stop.html", {})
