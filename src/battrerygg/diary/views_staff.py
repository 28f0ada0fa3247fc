"""The physiotherapist's page of a patient's pain-monitoring limits (SPEC C1: thresholds set
per patient "on a screen of their own"). ``patient_page(What.PAIN_LIMITS)``: one audit read
row per page view; a change is audited by ``services.set_limits``. A clinic admin sets the
clinic's default zone limits (``clinic_limits``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from battrerygg.audit.keys import What
from battrerygg.clinical.pain_monitoring import DEFAULT_LIMITS, Zone, ZoneLimits
from battrerygg.diary import queries, services
from battrerygg.diary.forms_staff import ClinicLimitsForm, LimitsForm
from battrerygg.diary.texts import ERRORS, LIMITS_SOURCES, ZONE_LABELS
from battrerygg.patients.access import StaffAccess
from battrerygg.web.pages import admin_page, patient_page


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


@admin_page
def clinic_limits(request: HttpRequest) -> HttpResponse:
    """A clinic admin sets the default zone limits of their clinics, with a reason; patients
    whose physiotherapist set limits for them keep theirs."""
    clinics = [clinic for clinic, _changes in queries.managed_clinic_limits(request.user)]
    form = ClinicLimitsForm(request.POST or None, clinics=clinics)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            clinic = next(c for c in clinics if c.pk == data["clinic"])
            try:
                change = services.set_clinic_limits(
                    request.user, clinic, data["safe_max"], data["acceptable_max"],
                    data["reason"],
                )
            except services.DiaryError as exc:
                form.add_error(None, ERRORS[exc.code])
            else:
                messages.success(request, gettext("The limits are saved.") if change
                                 else gettext("These limits were already set. Nothing changed."))
                return redirect("diary_staff:clinic_limits")
    rows = []
    for clinic, changes in queries.managed_clinic_limits(request.user):
        try:
            limits = ZoneLimits(clinic.zone_safe_max, clinic.zone_acceptable_max)
        except (TypeError, ValueError):
            limits = DEFAULT_LIMITS
        rows.append((clinic, limits, changes))
    return render(request, "diary/clinic_limits.html", {"rows": rows, "form": form},
                  status=status)
