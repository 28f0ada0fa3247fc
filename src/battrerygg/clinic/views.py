"""Staff pages about patients: the list and one patient's timeline."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from battrerygg.audit.keys import What
from battrerygg.clinic import queries
from battrerygg.clinical.pain_monitoring import Zone
from battrerygg.diary import chart
from battrerygg.diary import queries as diary_queries
from battrerygg.diary.texts import ZONE_LABELS
from battrerygg.localtime import local_date
from battrerygg.patients import timeline
from battrerygg.patients.access import StaffAccess
from battrerygg.patients.identity import mask
from battrerygg.patients.services import current_episode
from battrerygg.plan import queries as plan_queries
from battrerygg.web.pages import patient_page, physio_page

CHART_DAYS = 56
EVENTS_PER_PAGE = 50


@physio_page
def patients(request: HttpRequest) -> HttpResponse:
    """The physiotherapist's patients."""
    return render(request, "clinic/patients.html", {"patients": queries.my_patients(request.user)})


@patient_page(What.TIMELINE)
def patient(request: HttpRequest, access: StaffAccess) -> HttpResponse:
    """One patient's timeline: a pain chart of the last 8 weeks, the flare-up plan and
    every recorded event, newest first (``?show=<kind>`` keeps one kind)."""
    user, found = request.user, access.patient
    with timezone.override(found.tz):
        assessed = diary_queries.assessed_entries(user, found)
        today = local_date(found.tz)
        since = today.toordinal() - CHART_DAYS
        recent = [a for a in assessed if a.entry.local_date.toordinal() > since]
        limits = diary_queries.limits_for(found)
        show = request.GET.get("show", "")
        return render(request, "clinic/patient.html", {
            "patient": found,
            "clinic": access.clinic,
            "personnummer": mask(found.personnummer) if found.personnummer else "",
            "episode": current_episode(found),
            "episodes": list(found.episodes.all()),
            "chart": chart.build(recent, limits, found.tz),
            "recent": recent,
            "zone_ranges": [(z.value, ZONE_LABELS[z], *limits.range_of(z)) for z in Zone],
            "not_settling": diary_queries.not_settling(user, found, today),
            "plan": diary_queries.flare_up_plan(user, found),
            "motivation": plan_queries.motivation(user, found),
            "kinds": timeline.kinds(),
            "show": show if show in timeline.SOURCES else "",
            "events": Paginator(timeline.events(user, found, show or None),
                                EVENTS_PER_PAGE).get_page(request.GET.get("page")),
        })
