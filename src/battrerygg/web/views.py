"""The start page and the language switch."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from battrerygg.accounts.models import Role
from battrerygg.diary import queries as diary_queries
from battrerygg.diary.forms import FollowUpForm
from battrerygg.diary.texts import ZONE_LABELS
from battrerygg.guide.content import lesson_by_illustration
from battrerygg.patients.access import AccessDenied, has_role, own_patient
from battrerygg.patients.services import remember_current_episode
from battrerygg.plan import queries as plan_queries
from battrerygg.proms.queries import due_questionnaires
from battrerygg.redflags.queries import latest_check

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def home(request: HttpRequest) -> HttpResponse:
    """Public landing page, or the patient's start page with what is due."""
    user = request.user
    if has_role(user, Role.PATIENT):
        try:
            patient = own_patient(user)
        except AccessDenied:
            return render(request, "web/landing.html", {})
        with timezone.override(patient.tz):
            return _start_page(request, patient)
    if has_role(user, Role.PHYSIOTHERAPIST, Role.CLINIC_ADMIN):
        return redirect("clinic:dashboard")
    monitoring = lesson_by_illustration(request.LANGUAGE_CODE, "pain-monitoring")
    return render(request, "web/landing.html", {"monitoring_lesson": monitoring})


def _start_page(request: HttpRequest, patient: Any) -> HttpResponse:
    """The patient's start page: due 24-hour questions, latest advice, course, plan."""
    user = request.user
    now = timezone.now()
    today = now.astimezone(patient.tz).date()
    remember_current_episode(patient)  # a read-only page: one lookup for every card
    assessed = diary_queries.assessed_entries(user, patient)
    plan_due = plan_queries.due(user, patient, now)
    context = {
        "patient": patient,
        "due": [
            (a, FollowUpForm(auto_id=f"id_due{a.entry.pk}_%s"))
            for a in assessed
            if a.entry.pk in plan_due.follow_up_ids
        ],
        "latest": list(reversed(assessed[-3:])),
        "not_settling": diary_queries.not_settling(user, patient, today),
        "plan": diary_queries.flare_up_plan(user, patient),
        "red_flag_check": latest_check(user, patient),
        "zone_labels": ZONE_LABELS,
        "plan_due": plan_due,
        "questionnaires_due": due_questionnaires(user, patient, today, request.LANGUAGE_CODE),
    }
    return render(request, "web/start.html", context)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language; a logged-in user's choice is saved to their account."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in SUPPORTED:
        if request.user.is_authenticated:
            request.user.language = language
            request.user.save(update_fields=["language"])
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=True,
        )
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: a translated apology that names the request's id (the
    ``X-Request-ID`` every log line and audit row of the request carries), so that support
    finds the error in the log; no stack trace, nothing of the request's data (ASVS V7.4.1).
    Renders without the database or context processors: it must work when they failed."""
    from django.template import loader

    request_id = str(getattr(request, "request_id", "") or "")
    html = loader.get_template("500.html").render({"request_id": request_id})
    return HttpResponse(html, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """An expired or missing form token: a translated page; in place for htmx (which
    swaps only 2xx answers), so the patient sees why nothing happened."""
    if request.headers.get("HX-Request") == "true":
        return render(request, "web/_expired.html", status=200)
    return render(request, "403_csrf.html", status=403)
