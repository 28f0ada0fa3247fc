"""The pain-monitoring diary and the flare-up plan (SPEC P3, P5). Thin views."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from battrerygg.clinical.pain_monitoring import Zone
from battrerygg.diary import chart, queries, services
from battrerygg.diary.forms import ActivityForm, FlareUpPlanForm, FollowUpForm
from battrerygg.diary.models import ActivityKind
from battrerygg.diary.texts import (
    ERRORS,
    REASONS,
    SHORT_REASONS,
    ZONE_LABELS,
    advice_text,
    reasons,
)
from battrerygg.patients.access import AccessDenied
from battrerygg.redflags.texts import ADVICE as RED_FLAG_ADVICE
from battrerygg.web.pages import patient_view

CHART_DAYS = 56
TABLE_PAGE_SIZE = 50
UNDO_KEY = "diary_undo_entries"


def _by_week(items: Any) -> list[tuple[date, date, int, list[queries.AssessedEntry]]]:
    """Group assessed entries (newest first) by ISO week of the patient's local date:
    (monday, sunday, week number, entries)."""
    weeks: list[tuple[date, date, int, list[queries.AssessedEntry]]] = []
    for item in items:
        day = item.entry.local_date
        monday = day - timedelta(days=day.weekday())
        if not weeks or weeks[-1][0] != monday:
            weeks.append((monday, monday + timedelta(days=6), day.isocalendar().week, []))
        weeks[-1][3].append(item)
    return weeks


@patient_view
def index(request: HttpRequest, patient: Any) -> HttpResponse:
    """History: chart of the last weeks and a table of every entry."""
    assessed = queries.assessed_entries(request.user, patient)
    now = timezone.now()
    since = now.astimezone(patient.tz).date().toordinal() - CHART_DAYS
    recent = [a for a in assessed if a.entry.local_date.toordinal() > since]
    limits = queries.limits_for(patient)
    return render(
        request,
        "diary/index.html",
        {
            "chart": chart.build(recent, limits, patient.tz),
            "recent": recent,
            "rows": (rows := Paginator(list(reversed(assessed)), TABLE_PAGE_SIZE).get_page(
                request.GET.get("page")
            )),
            "weeks": _by_week(rows),
            "limits": limits,
            "limits_source": queries.limits_in_force(request.user, patient).source,
            "zone_labels": ZONE_LABELS,
            "advice_headings": {row.entry.pk: _advice(row)["heading"] for row in rows},
            "short_reasons": {
                row.entry.pk: next(
                    (SHORT_REASONS[key] for key in
                     reasons(row.assessment)
                     if key in SHORT_REASONS), "")
                for row in rows
            },
            "zone_ranges": [(zone.value, ZONE_LABELS[zone], *limits.range_of(zone))
                            for zone in Zone],
            "chart_days": CHART_DAYS,
            "undo": _undoable(request),
        },
    )


@patient_view
def new(request: HttpRequest, patient: Any) -> HttpResponse:
    """Log an activity. A resubmitted form (same key) shows the entry already saved."""
    limits = queries.limits_for(patient)
    if request.method == "POST":
        form = ActivityForm(request.POST, tz=patient.tz, limits=limits)
        if form.is_valid():
            try:
                entry, created = services.record_activity(
                    patient, form.to_input(), submission_key=form.cleaned_data["submission_key"]
                )
            except services.DiaryError as exc:
                form.add_error(None, ERRORS[exc.code])
            else:
                if entry.deleted_at is not None:  # sent again after it was deleted
                    remember_undo(request, entry.pk)
                    messages.info(request, _(
                        "This form had already been sent, and the entry was deleted since."
                    ))
                    return redirect("diary:index")
                if created:
                    messages.success(request, _("Your activity is saved."))
                else:
                    messages.info(request, _(
                        "This form had already been sent, so the activity was saved only "
                        "once. Here it is as first saved."
                    ))
                return redirect("diary:entry", entry_id=entry.pk)
        if "submission_key" in form.errors:  # damaged key: give the next try a fresh one
            form.data = form.data.copy()
            form.data["submission_key"] = str(ActivityForm.new_key())
    else:
        local_now = timezone.now().astimezone(patient.tz)
        form = ActivityForm(
            tz=patient.tz,
            limits=limits,
            initial={
                "submission_key": ActivityForm.new_key(),
                "local_date": local_now.date(),
                "local_time": local_now.time().replace(second=0, microsecond=0),
                "kind": request.GET.get("kind", ""),
            },
        )
    return render(request, "diary/new.html", {"form": form})


@patient_view
def edit(request: HttpRequest, patient: Any, entry_id: int) -> HttpResponse:
    """Correct a logged activity (the 24-hour value is corrected on the entry page)."""
    e = queries.entry_for_change(request.user, entry_id)
    limits = queries.limits_for(patient)
    if request.method == "POST":
        form = ActivityForm(request.POST, tz=patient.tz, limits=limits,
                            keep_date=e.local_date)
        if form.is_valid():
            try:
                changed = services.update_activity(e, form.to_input())
            except services.DiaryError as exc:
                form.add_error(None, ERRORS[exc.code])
            else:
                if changed:
                    messages.success(request, _("Your changes are saved."))
                return redirect("diary:entry", entry_id=e.pk)
    else:
        form = ActivityForm(tz=patient.tz, limits=limits, initial={
            "submission_key": e.submission_key,
            "local_date": e.local_start.date(),
            "local_time": e.local_start.time(),
            "repeated_hour": "winter" if e.local_start.fold else "summer",
            **{name: getattr(e, name) for name in services.EDITABLE_FIELDS},
        })
    return render(request, "diary/new.html", {"form": form, "editing": e})


@patient_view
def entry(request: HttpRequest, patient: Any, entry_id: int) -> HttpResponse:
    """One entry: its zone and advice at once, and the 24-hour question when due."""
    item = queries.assessed_entry(request.user, entry_id)
    return _render_entry(request, item, FollowUpForm(initial={"pain_24h": item.entry.pain_24h}))


def _reasons(item: queries.AssessedEntry) -> list[Any]:
    return [REASONS[key] for key in reasons(item.assessment)]


def _advice(item: queries.AssessedEntry) -> dict[str, Any]:
    return advice_text(
        item.assessment.advice, exercise=item.entry.kind == ActivityKind.PROGRAMME_EXERCISE
    )


def _render_entry(request: HttpRequest, item: queries.AssessedEntry, form: FollowUpForm,
                  status: int = 200) -> HttpResponse:
    now = timezone.now()
    e = item.entry
    return render(
        request,
        "diary/entry.html",
        {
            "item": item,
            "e": e,
            "zone_label": ZONE_LABELS[item.assessment.zone],
            "advice": _advice(item),
            "reasons": _reasons(item),
            "follow_up_open": now >= e.follow_up_due_at or form.is_bound,
            "canonical_path": reverse("diary:entry", args=[e.pk]),
            "form": form,
        },
        status=status,
    )


@require_POST
@patient_view
def follow_up(request: HttpRequest, patient: Any, entry_id: int) -> HttpResponse:
    """Record the 24-hour value. A plain form goes on to the entry page; from the start
    page with htmx, the question is swapped in place for the updated advice."""
    try:
        own = queries.entry_for_change(request.user, entry_id)
        item = queries.assessed_entry(request.user, own.pk)
    except AccessDenied:
        if request.htmx:
            return render(request, "diary/_gone.html")
        raise  # the 404 page, and the refusal logged (web.middleware)
    form = FollowUpForm(request.POST, auto_id=f"id_due{item.entry.pk}_%s")
    if form.is_valid():
        try:
            services.record_follow_up(item.entry, form.cleaned_data["pain_24h"])
        except services.DiaryError as exc:
            form.add_error(None, ERRORS[exc.code])
        else:
            if request.htmx:
                item = queries.assessed_entry(request.user, item.entry.pk)
                return render(request, "diary/_follow_up_done.html", {
                    "item": item, "e": item.entry,
                    "zone_label": ZONE_LABELS[item.assessment.zone],
                    "advice": _advice(item),
                    "reasons": _reasons(item),
                })
            messages.success(request, _("Thank you. The advice for this activity is updated."))
            return redirect("diary:entry", entry_id=item.entry.pk)
    if request.htmx:  # htmx swaps only 2xx answers: show the errors in place
        return render(request, "diary/_due_form.html", {"e": item.entry, "form": form})
    return _render_entry(request, item, form, status=400)


@patient_view
def delete(request: HttpRequest, patient: Any, entry_id: int) -> HttpResponse:
    """Ask, then hide an entry logged by mistake (undo for services.UNDO_WINDOW)."""
    try:
        found = queries.entry_for_change(request.user, entry_id)
    except AccessDenied:
        # already deleted (Back, double click); else AccessDenied: 404
        queries.entry_for_change(request.user, entry_id, deleted=True)
        return redirect("diary:index")
    if request.method == "POST":
        services.delete_entry(found)
        remember_undo(request, found.pk)
        return redirect("diary:index")
    return render(request, "diary/delete.html", {"e": found})


def remember_undo(request: HttpRequest, entry_id: int) -> None:
    """Offer to undo the deletion of this entry on the diary page."""
    request.session[UNDO_KEY] = [*request.session.get(UNDO_KEY, []), entry_id][-10:]


@require_POST
@patient_view
def restore(request: HttpRequest, patient: Any, entry_id: int) -> HttpResponse:
    """Undo a deletion (within services.UNDO_WINDOW)."""
    try:
        found = queries.entry_for_change(request.user, entry_id, deleted=True)
    except AccessDenied:
        # restored already (double click): show it; else AccessDenied: 404
        live = queries.entry_for_change(request.user, entry_id)
        return redirect("diary:entry", entry_id=live.pk)
    try:
        services.restore_entry(found)
    except services.DiaryError as exc:
        messages.error(request, ERRORS[exc.code])
        return redirect("diary:index")
    messages.success(request, _("The entry is back."))
    return redirect("diary:entry", entry_id=found.pk)


def _undoable(request: HttpRequest) -> list[Any]:
    """Entries the patient deleted lately that can still be restored, newest first."""
    keep, found = [], []
    now = timezone.now()
    for pk in request.session.get(UNDO_KEY, []):
        try:
            item = queries.entry(request.user, pk, deleted=True)
        except AccessDenied:
            continue
        if now - item.deleted_at <= services.UNDO_WINDOW:
            keep.append(pk)
            found.append(item)
    if keep != request.session.get(UNDO_KEY, []):
        request.session[UNDO_KEY] = keep
    return list(reversed(found))


@patient_view
def plan(request: HttpRequest, patient: Any) -> HttpResponse:
    """The flare-up plan, or an invitation to make one."""
    return render(
        request,
        "diary/plan.html",
        {"plan": queries.flare_up_plan(request.user, patient), "red_flags": RED_FLAG_ADVICE},
    )


@patient_view
def plan_edit(request: HttpRequest, patient: Any) -> HttpResponse:
    """Create or change the flare-up plan."""
    current = queries.flare_up_plan(request.user, patient)
    form = FlareUpPlanForm(request.POST if request.method == "POST" else None, instance=current)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in services.PLAN_FIELDS}
        services.save_flare_up_plan(patient, **values)
        messages.success(request, _("Your flare-up plan is saved."))
        return redirect("diary:plan")
    return render(request, "diary/plan_edit.html", {"form": form})


@patient_view
def plan_print(request: HttpRequest, patient: Any) -> HttpResponse:
    """A printable page of the plan."""
    current = queries.flare_up_plan(request.user, patient)
    if current is None:
        return redirect("diary:plan_edit")
    return render(request, "diary/plan_print.html", {"plan": current, "patient": patient})
