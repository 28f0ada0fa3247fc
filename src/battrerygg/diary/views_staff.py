"""The physiotherapist's page of a patient's pain-monitoring limits (SPEC C1: thresholds set
per patient "on a screen of their own"). ``patient_page(What.PAIN_LIMITS)``: one audit read
row per page view; a change is audited by ``services.set_limits``."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from battrerygg.audit.keys import What
from battrerygg.clinical.pain_monitoring import Zone
from battrerygg.diary import queries, services
from battrerygg.diary.forms_staff import LimitsForm
from battrerygg.diary.texts import ERRORS, LIMITS_SOURCES, ZONE_LABELS
from battrerygg.patients.access import StaffAccess
from battrerygg.web.pages import patient_page


@patient_page(What.PAIN_LIMITS)
def limits(request: HttpRequest, access: StaffAccess) -> HttpResponse:
    """Show the limits in force and their history; set new ones with a reason."""
    patient = access.patient
    if request.method == "POST":
        form = LimitsForm(request.POST)
        if form.is_valid():
            try:
                change = services.set_limits(request.user, patient, form.to_input())
            except services.DiaryError as exc:
                form.add_error(None, ERRORS[exc.code])
            else:
                messages.success(request, gettext("The limits are saved.") if change
                                 else gettext("These limits were already set. Nothing changed."))
                return redirect("diary_staff:limits", ref=patient.ref)
        status = 400
    else:
        form = LimitsForm(initial={
            "safe_max": patient.zone_safe_max, "acceptable_max": patient.zone_acceptable_max,
            "follow_up_tolerance": patient.follow_up_tolerance,
        })
        status = 200
    current = queries.limits_in_force(request.user, patient)
    return render(request, "diary/staff_limits.html", {
        "patient": patient,
        "current": current,
        "source": LIMITS_SOURCES[current.source],
        "zones": [(zone.value, ZONE_LABELS[zone], *current.limits.range_of(zone))
                  for zone in Zone],
        "history": queries.limits_history(request.user, patient),
        "high_resting_pain_from": current.limits.acceptable_max + 1,
        "form": form,
    }, status=status)
