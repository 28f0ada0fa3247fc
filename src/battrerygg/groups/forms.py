"""Forms of the group pages: parsed here with translated messages; the rules are checked
by the services (``GroupError``), whose messages the view puts on the right field."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from battrerygg.groups.models import CAPACITY_MAX, SessionKind
from battrerygg.groups.services import SessionInput

FIELD_OF_ERROR = {
    "past_start": "date", "too_far": "date", "start_gap": "starts", "end_gap": "ends",
    "end_before_start": "ends", "capacity": "capacity",
    "capacity_below_bookings": "capacity", "no_place": "place", "bad_video": "video_url",
    "no_title": "title", "bad_kind": "kind", "bad_leader": "leader",
}


def _time_field(label: Any, required: Any) -> forms.TimeField:
    """A local time of day as hours:minutes."""
    return forms.TimeField(
        label=label, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M"],
        error_messages={"required": required,
                        "invalid": _("Give the time as hours:minutes, for example 14:30.")},
    )


class SessionForm(forms.Form):
    """A session's details; times are the clinic's local time on one day."""

    # Required: a post without the key the page gave (a direct post) could save twice.
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": _("The form was incomplete. Reload the page and try again."),
                        "invalid": _("The form was incomplete. Reload the page and try again.")},
    )
    clinic = forms.ModelChoiceField(
        label=_("Clinic"), queryset=None, empty_label=None,
        error_messages={"required": _("Choose the clinic."),
                        "invalid_choice": _("Choose the clinic.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind of session"), choices=SessionKind.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of session."),
                        "invalid_choice": _("Choose the kind of session.")},
    )
    title = forms.CharField(
        label=_("Title"), max_length=120,
        error_messages={"required": _("Give the session a title."),
                        "max_length": _("Keep the title under 120 characters.")},
    )
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"required": _("Give the date of the session."),
                        "invalid": _("Give the date as year-month-day, for example 2026-03-09.")},
    )
    starts = _time_field(_("Starts"), _("Give the time it starts."))
    ends = _time_field(_("Ends"), _("Give the time it ends."))
    place = forms.CharField(
        label=_("Place (optional)"), max_length=200, required=False,
        help_text=_("For example the room and the address."),
        error_messages={"max_length": _("Keep the place under 200 characters.")},
    )
    video_url = forms.CharField(
        label=_("Video link (optional)"), max_length=500, required=False,
        help_text=_("A full address starting with https://"),
        widget=forms.URLInput,
        error_messages={"max_length": _("The video link is too long.")},
    )
    capacity = forms.IntegerField(
        label=_("Places"), min_value=0, max_value=CAPACITY_MAX * 100,
        help_text=_("From 1 to 50 patients."),
        error_messages={"required": _("Give the number of places."),
                        "invalid": _("Give the number of places as a whole number."),
                        "min_value": _("The number of places must be from 1 to 50."),
                        "max_value": _("The number of places must be from 1 to 50.")},
    )
    leader = forms.ModelChoiceField(
        label=_("Leader"), queryset=None,
        help_text=_("The physiotherapist who leads the session."),
        error_messages={"required": _("Choose the leader."),
                        "invalid_choice": _("The leader must be a physiotherapist of the clinic.")},
    )

    def __init__(self, *args: Any, clinics: Any, leaders: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clinic"].queryset = clinics
        self.fields["leader"].queryset = leaders
        self.fields["leader"].label_from_instance = lambda u: u.full_name or u.email
        if not self.is_bound and not self.initial.get("submission_key"):
            self.fields["submission_key"].initial = uuid.uuid4()

    def session_input(self) -> SessionInput:
        """The cleaned data as the service's input (call after is_valid())."""
        data = self.cleaned_data
        tz = ZoneInfo(data["clinic"].timezone)
        return SessionInput(
            kind=data["kind"], title=data["title"],
            starts_at=datetime.combine(data["date"], data["starts"], tzinfo=tz),
            ends_at=datetime.combine(data["date"], data["ends"], tzinfo=tz),
            capacity=data["capacity"], leader=data["leader"],
            place=data["place"], video_url=data["video_url"],
        )


class BookForm(forms.Form):
    """Choose an upcoming session to book a patient into."""

    session = forms.TypedChoiceField(
        label=_("Session"), coerce=int, widget=forms.RadioSelect,
        error_messages={"required": _("Choose a session."),
                        "invalid_choice": _("Choose one of the sessions listed.")},
    )

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = choices
