"""The clinic's access-log review (SPEC T8): the log reviewer (clinic admin) searches the
log of their clinics by patient, staff member and period, sees reads without a care
relation and unusual volumes first, and exports what they find as CSV (Swedish Excel).
The search is sent by POST, so that a personnummer never ends up in a URL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from battrerygg.clinic import log_review
from battrerygg.interop.spreadsheet import rows_to_csv
from battrerygg.localtime import local_date
from battrerygg.patients.access import AccessDenied
from battrerygg.web.pages import admin_page

LONGEST = timedelta(days=366)


class LogSearchForm(forms.Form):
    """Patient (personnummer or reference, optional), staff member (optional), period."""

    patient = forms.CharField(label=_("Patient (personnummer or reference)"),
                              required=False, max_length=64)
    staff = forms.TypedChoiceField(label=_("Staff member"), coerce=int, required=False,
                                   empty_value=None)
    start = forms.DateField(label=_("From"),
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("To"),
                          widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["staff"].choices = [("", _("Everyone")),
                                        *log_review.staff_choices(user)]

    def clean_patient(self) -> Any:
        text = str(self.cleaned_data.get("patient") or "").strip()
        if not text:
            return None
        try:
            return log_review.find_patient(self.user, text)
        except AccessDenied:
            raise forms.ValidationError(
                _("No patient of your clinics has this personnummer or reference."),
            ) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("The period ends before it starts."))
        elif start and end and end - start > LONGEST:
            self.add_error("end", _("Search at most one year at a time."))
        return data

    def search(self) -> log_review.Search:
        data = self.cleaned_data
        return log_review.Search(patient=data["patient"], staff=data["staff"],
                                 start=data["start"], end=data["end"])


@admin_page
def log(request: HttpRequest) -> HttpResponse:
    """GET: the last seven days of the clinics' log; POST: a search, or with ``export``
    its CSV. Every search and export is itself logged."""
    today = local_date(log_review.ZONE)
    if request.method == "POST":
        form = LogSearchForm(request.POST, user=request.user)
    else:
        form = LogSearchForm({"start": (today - timedelta(days=6)).isoformat(),
                              "end": today.isoformat()}, user=request.user)
    if not form.is_valid():
        return render(request, "clinic/log_review.html", {"form": form, "result": None},
                      status=400)
    what = form.search()
    if request.method == "POST" and "export" in request.POST:
        name = f"access-log-{what.start.isoformat()}-{what.end.isoformat()}.csv"
        return StreamingHttpResponse(
            rows_to_csv(log_review.HEADER, log_review.export(request.user, what)),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return render(request, "clinic/log_review.html", {
        "form": form, "result": log_review.search(request.user, what),
        "limit": log_review.daily_limit(), "shown": log_review.SHOWN,
    })
