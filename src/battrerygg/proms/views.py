"""Questionnaires for the patient (SPEC P8): one question per screen, saved as they go,
a summary before sending, results in plain words and over time. Thin views: every write
is a service, every read a query. Work without JavaScript (plain forms)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.instruments.base import AnswerError
from battrerygg.localtime import local_date
from battrerygg.proms import chart, display, queries, services, texts
from battrerygg.proms.models import Response, Timepoint
from battrerygg.web.pages import patient_view


def _language() -> str:
    return (get_language() or "sv")[:2]


def _error(code: str) -> str:
    return str(texts.ERRORS.get(code, texts.ERRORS["unknown_item"]))


def _first_open(found: Response) -> int:
    """Position (1-based) of the first unanswered item, or 0 when all are answered."""
    for n, item in enumerate(REGISTRY[found.instrument].items, start=1):
        if item.link_id not in found.answers:
            return n
    return 0


def _next_url(found: Response) -> str:
    if found.submitted:
        return reverse("proms:result", args=[found.pk])
    n = _first_open(found)
    if n == 0:
        return reverse("proms:summary", args=[found.pk])
    return reverse("proms:question", args=[found.pk, n])


@patient_view
def index(request: HttpRequest, patient: Any) -> HttpResponse:
    """Due questionnaires and the latest result of each instrument."""
    today = local_date(patient.tz)
    sent = queries.submitted(request.user, patient)
    latest: dict[str, Response] = {}
    counts: dict[str, int] = {}
    for found in sent:
        latest[found.instrument] = found
        counts[found.instrument] = counts.get(found.instrument, 0) + 1
    return render(request, "proms/index.html", {
        "due": queries.due_questionnaires(request.user, patient, today, _language()),
        "results": [
            {"response": r, "title": texts.TITLES[r.instrument], "count": counts[r.instrument],
             "category": texts.PATIENT_CATEGORIES.get((r.instrument, r.category), ""),
             "scale": texts.SHORT_SCALE[r.instrument]}
            for r in sorted(latest.values(), key=lambda r: list(REGISTRY).index(r.instrument))
        ],
    })


@require_POST
@patient_view
def start(request: HttpRequest, patient: Any) -> HttpResponse:
    """Open or resume a due questionnaire, then go to its first unanswered question."""
    assignment = request.POST.get("assignment", "")
    today = local_date(patient.tz)
    try:
        found, _created = services.start_response(
            patient, request.POST.get("instrument", ""), request.POST.get("timepoint", ""),
            actor=request.user, today=today, language=_language(),
            assignment_id=int(assignment) if assignment.isascii() and assignment.isdigit()
            and len(assignment) <= 18 else None,
        )
    except services.PromsError as exc:
        messages.error(request, _error(exc.code))
        return redirect("proms:index")
    return redirect(_next_url(found))


def _page(request: HttpRequest, found: Response, number: int, *, error: str = "",
          answer: str | None = None, status: int = 200) -> HttpResponse:
    instrument = REGISTRY[found.instrument]
    wording = queries.wording(instrument, _language())
    view = display.item_view(instrument, number, wording)
    return render(request, "proms/question.html", {
        "r": found,
        "instrument": instrument,
        "title": display.title_of(instrument, wording),
        "wording": wording,
        "needs_wording": display.needs_wording(instrument, wording),
        "q": view,
        "number": number,
        "count": len(instrument.items),
        "percent": round(100 * len(found.answers) / len(instrument.items)),
        "answered": len(found.answers),
        "answer": found.answers.get(view.link_id, "") if answer is None else answer,
        # A PSFS rating names the activity the patient wrote on the screen before.
        "named": found.answers.get(view.link_id.removesuffix("_score"), "")
        if view.link_id.endswith("_score") else "",
        "error": error,
        "not_installed": texts.NOT_INSTALLED,
        # Came from the summary's "Change": the main button goes back there.
        "from_summary": request.GET.get("from") == "summary"
        or request.POST.get("go") == "summary",
    }, status=status)


@patient_view
def question(request: HttpRequest, patient: Any, response_id: int, number: int
             ) -> HttpResponse:
    """One question. POST saves the answer and goes on (next), back, or to the summary."""
    found = queries.response_for_change(request.user, response_id)
    if found.submitted:
        return redirect("proms:result", response_id=found.pk)
    instrument = REGISTRY[found.instrument]
    if not 1 <= number <= len(instrument.items):
        raise Http404
    if request.method != "POST":
        return _page(request, found, number)
    go = request.POST.get("go", "next")
    raw = request.POST.get("answer", "")
    link_id = instrument.items[number - 1].link_id
    if go == "back" and not raw.strip():
        return redirect("proms:question", response_id=found.pk, number=max(1, number - 1))
    try:
        services.save_answer(found, link_id, raw, actor=request.user)
    except services.PromsError as exc:
        if go == "back":  # going back never loses the patient: nothing saved, no error
            return redirect("proms:question", response_id=found.pk, number=max(1, number - 1))
        return _page(request, found, number, error=_error(exc.code), answer=raw, status=400)
    if go == "back":
        return redirect("proms:question", response_id=found.pk, number=max(1, number - 1))
    if go == "summary" or number == len(instrument.items):
        return redirect("proms:summary", response_id=found.pk)
    return redirect("proms:question", response_id=found.pk, number=number + 1)


@patient_view
def summary(request: HttpRequest, patient: Any, response_id: int) -> HttpResponse:
    """Every answer before sending, each with a link to change it. POST sends the form."""
    found = queries.response_for_change(request.user, response_id)
    if found.submitted:
        return redirect("proms:result", response_id=found.pk)
    error = ""
    status = 200
    if request.method == "POST":
        try:
            key = uuid.UUID(request.POST.get("submission_key", ""))
        except ValueError:
            key = uuid.uuid4()
        try:
            found, sent = services.submit_response(found, submission_key=key,
                                                   actor=request.user)
        except services.PromsError as exc:
            error, status = _error(exc.code), 400
        else:
            if sent:
                messages.success(request, _("Thank you. Your answers are sent."))
            return redirect("proms:result", response_id=found.pk)
    instrument = REGISTRY[found.instrument]
    if not error:  # say before sending when the answers cannot give a result (e.g. ODI)
        try:
            reason = instrument.score(found.answers).missing_reason
        except AnswerError as exc:
            reason = exc.code
        if reason in texts.ERRORS:
            error = _error(reason)
    wording = queries.wording(instrument, _language())
    rows = [(view, found.answers.get(view.link_id))
            for view in display.all_items(instrument, wording)]
    return render(request, "proms/summary.html", {
        "r": found, "instrument": instrument, "title": display.title_of(instrument, wording),
        "rows": rows, "error": error, "submission_key": uuid.uuid4(),
        "missing": instrument.unanswered_required(found.answers),
        "needs_wording": display.needs_wording(instrument, wording),
        "not_installed": texts.NOT_INSTALLED,
    }, status=status)


@patient_view
def result(request: HttpRequest, patient: Any, response_id: int) -> HttpResponse:
    """A sent questionnaire: the score in plain words and the change from baseline (C6)."""
    found = queries.response(request.user, response_id)
    if not found.submitted:
        return redirect(_next_url(found))
    instrument = REGISTRY[found.instrument]
    return render(request, "proms/result.html", {
        "r": found,
        "instrument": instrument,
        "title": texts.TITLES[instrument.id],
        "category": texts.PATIENT_CATEGORIES.get((found.instrument, found.category), ""),
        "meaning": texts.SCORE_MEANING[instrument.id],
        "missing": texts.MISSING.get(found.missing_reason, ""),
        "change": queries.change_from_baseline(found),
        "baseline": queries.baseline_for(found),
        "psychosocial": found.subscales.get("psychosocial"),
    })


@patient_view
def history(request: HttpRequest, patient: Any, instrument_id: str) -> HttpResponse:
    """One instrument's scores over time: an SVG chart and the same values in a table."""
    instrument = REGISTRY.get(instrument_id)
    if instrument is None:
        raise Http404
    sent = queries.submitted(request.user, patient, instrument_id)
    scored = [r for r in sent if r.total is not None]
    values = [(r.submitted_at.astimezone(patient.tz).date(), r.total) for r in scored]
    return render(request, "proms/history.html", {
        "instrument": instrument,
        "title": texts.TITLES[instrument.id],
        "meaning": texts.SCORE_MEANING[instrument.id],
        "chart": chart.build(values, instrument.max_total),
        "rows": [
            {"r": r, "change": change,
             "verdict": (texts.PATIENT_CHANGE_VERDICTS.get(change.verdict or "", "")
                         if change else ""),
             "category": texts.PATIENT_CATEGORIES.get((r.instrument, r.category), ""),
             "scale": texts.SHORT_SCALE[r.instrument]}
            for r in reversed(sent)
            for change in [queries.change_from_baseline(r)]
        ],
        "timepoints": dict(Timepoint.choices),
    })
