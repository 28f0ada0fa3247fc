"""Diary and flare-up plan forms: validate at the boundary, in the user's language."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.pain_monitoring import DEFAULT_LIMITS, ZoneLimits, zone_of
from battrerygg.diary.models import ActivityKind, FlareUpPlan, Intensity
from battrerygg.diary.services import PLAN_FIELDS, ActivityInput
from battrerygg.localtime import exists_locally, is_ambiguous

NRS_CHOICES = [(str(i), str(i)) for i in range(11)]


class NrsWidget(forms.RadioSelect):
    """An NRS 0–10 scale as eleven radio buttons, coloured by pain-monitoring zone."""

    template_name = "diary/widgets/nrs.html"

    def __init__(self, *args: Any, limits: ZoneLimits = DEFAULT_LIMITS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                option["zone"] = zone_of(int(option["value"]), self.limits).value
        return context


def nrs_field(label: Any, required_message: Any, help_text: Any = "") -> forms.TypedChoiceField:
    """A required NRS field (integer 0–10) with translated messages."""
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=NRS_CHOICES,
        coerce=int,
        widget=NrsWidget,
        error_messages={
            "required": required_message,
            "invalid_choice": _("Pain must be a whole number from 0 to 10."),
        },
    )


def _range_text(low: int, high: int) -> str:
    return gettext("Give a number from %(low)s to %(high)s, or leave the field empty.") % {
        "low": low, "high": high,
    }


_range_message = lazy(_range_text, str)  # translated when shown, not at import


def optional_number(
    label: Any, low: int, high: int, decimal_places: int | None = None
) -> forms.Field:
    """An optional whole (or decimal) number within low–high, with one clear message."""
    message = _range_message(low, high)
    errors = {"invalid": message, "min_value": message, "max_value": message,
              "max_decimal_places": message, "max_digits": message}
    if decimal_places is None:
        return forms.IntegerField(label=label, required=False, min_value=low, max_value=high,
                                  error_messages=errors)
    return forms.DecimalField(label=label, required=False, min_value=low, max_value=high,
                              decimal_places=decimal_places, error_messages=errors)


# How far back an activity can be logged.
OLDEST_ENTRY_DAYS = 365


class ActivityForm(forms.Form):
    """Log one activity (SPEC P3). The time is in the patient's time zone."""

    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The form was incomplete. Reload the page and try again."),
            "invalid": _("The form was incomplete. Reload the page and try again."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Activity"),
        choices=[("", _("Choose an activity")), *ActivityKind.choices],
        error_messages={
            "required": _("Choose what kind of activity you did."),
            "invalid_choice": _("Choose one of the activities in the list."),
        },
    )
    description = forms.CharField(
        label=_("What you did (optional)"), max_length=200, required=False,
        help_text=_(
            "For an everyday task or other activity, name it the same way each time, for "
            "example “vacuuming”: the advice compares it with the earlier times you did "
            "the same task."
        ),
        error_messages={"max_length": _("Write at most 200 characters.")},
    )
    local_date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": _("Give the date of the activity."),
            "invalid": _("Give the date as year-month-day, for example 2026-03-09."),
        },
    )
    local_time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H:%M:%S", "%H.%M"],
        error_messages={
            "required": _("Give the time the activity started."),
            "invalid": _("Give the time as hours:minutes, for example 10:30."),
        },
    )
    minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=1,
        max_value=1440,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Give how many minutes the activity lasted."),
            "invalid": _("Give the duration as a whole number of minutes."),
            "min_value": _("The duration must be at least 1 minute."),
            "max_value": _("The duration can be at most 1440 minutes (24 hours)."),
        },
    )
    intensity = forms.ChoiceField(
        label=_("How hard was it? (optional)"),
        choices=[("", _("Not given")), *Intensity.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose one of the options in the list.")},
    )
    sets = optional_number(_("Sets"), 1, 100)
    repetitions = optional_number(_("Repetitions per set"), 1, 1000)
    load_kg = optional_number(_("Load (kg)"), 0, 999, decimal_places=1)
    distance_km = optional_number(_("Distance (km)"), 0, 999, decimal_places=2)
    steps = optional_number(_("Steps"), 0, 200000)
    pain_baseline = nrs_field(
        _("Pain before the activity (baseline)"),
        _("Baseline pain is required: how much pain you had before the activity."),
        _("0 = no pain, 10 = worst pain imaginable."),
    )
    pain_during = nrs_field(
        _("Highest pain during the activity"),
        _("Give the highest pain you had during the activity."),
    )
    pain_after = nrs_field(
        _("Pain right after the activity"), _("Give the pain you had right after the activity.")
    )
    repeated_hour = forms.ChoiceField(
        label=_("The clocks were put back an hour that night, so this time happened twice. "
                "Which one do you mean?"),
        choices=[("summer", _("The first time, in summer time (before the clocks were put "
                              "back)")),
                 ("winter", _("The second time, in winter time (after the clocks were put "
                              "back)"))],
        required=False, widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose summer time or winter time.")},
    )

    def __init__(self, *args: Any, tz: Any, limits: ZoneLimits = DEFAULT_LIMITS,
                 now: datetime | None = None, keep_date: date | None = None,
                 **kwargs: Any) -> None:
        """tz: the patient's ZoneInfo; keep_date: when correcting an entry, its date (an
        unchanged date is not held to the one-year limit)."""
        super().__init__(*args, **kwargs)
        self.keep_date = keep_date
        self.ambiguous = False  # the time is in the repeated hour: the form asks which
        day, at = self.initial.get("local_date"), self.initial.get("local_time")
        if not self.is_bound and isinstance(day, date) and isinstance(at, time):
            self.ambiguous = is_ambiguous(datetime.combine(day, at, tzinfo=tz))
        self.tz = tz
        self.now = now or timezone.now()
        for name in ("pain_baseline", "pain_during", "pain_after"):
            self.fields[name].widget.limits = limits

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        day, at = cleaned.get("local_date"), cleaned.get("local_time")
        if not (day and at):
            return cleaned
        today = self.now.astimezone(self.tz).date()
        started = datetime.combine(day, at, tzinfo=self.tz)
        if started > self.now:
            self.add_error("local_time" if day == today else "local_date",
                           _("The activity cannot start in the future."))
        elif (today - day).days > OLDEST_ENTRY_DAYS and day != self.keep_date:
            self.add_error("local_date", _("You can log activities from the past year."))
        elif not exists_locally(started):
            self.add_error("local_time", _(
                "That time did not exist on that day: the clocks were put forward an hour. "
                "Choose a time one hour later."
            ))
        elif is_ambiguous(started):
            self.ambiguous = True
            if not cleaned.get("repeated_hour"):
                self.add_error("repeated_hour", _("Choose summer time or winter time."))
        return cleaned

    def to_input(self) -> ActivityInput:
        c = self.cleaned_data
        return ActivityInput(
            kind=c["kind"], local_date=c["local_date"], local_time=c["local_time"],
            minutes=c["minutes"], pain_baseline=c["pain_baseline"],
            pain_during=c["pain_during"], pain_after=c["pain_after"],
            description=c.get("description") or "", intensity=c.get("intensity") or "",
            sets=c.get("sets"),
            repetitions=c.get("repetitions"), load_kg=c.get("load_kg"),
            distance_km=c.get("distance_km"), steps=c.get("steps"),
            second_occurrence=(c.get("repeated_hour") == "winter") if self.ambiguous else None,
        )

    @staticmethod
    def new_key() -> uuid.UUID:
        return uuid.uuid4()


class FollowUpForm(forms.Form):
    """The pain 24 hours after an activity (or the next morning)."""

    pain_24h = nrs_field(
        _("Your pain now, the day after the activity"),
        _("Give the pain you have now, 0 to 10."),
        _("Compare with the pain you had before the activity."),
    )


PLAN_TEXT_MAX = 2000


class FlareUpPlanForm(forms.ModelForm):
    """The patient's flare-up plan (SPEC P5)."""

    class Meta:
        model = FlareUpPlan
        fields = list(PLAN_FIELDS)
        widgets = {
            "what_helps": forms.Textarea(attrs={"rows": 3}),
            "own_actions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "what_helps": _("For example heat, short walks, a certain position."),
            "own_actions": _("For example keep moving a little every hour, plan lighter days."),
        }

    expected_days = forms.IntegerField(
        label=FlareUpPlan._meta.get_field("expected_days").verbose_name,
        help_text=_("From experience, how long does a bad period usually last?"),
        required=False, min_value=1, max_value=365,
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value"), _("Give a number of days from 1 to 365.")
        ),
    )
    contact_physio_after_days = forms.IntegerField(
        label=FlareUpPlan._meta.get_field("contact_physio_after_days").verbose_name,
        help_text=_("The programme suggests about two weeks."),
        min_value=1, max_value=90, initial=14,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"),
            _("Give a number of days from 1 to 90."),
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("what_helps", "own_actions"):
            field = self.fields[name]
            field.max_length = PLAN_TEXT_MAX
            field.widget.attrs["maxlength"] = str(PLAN_TEXT_MAX)
            field.validators.append(MaxLengthValidator(PLAN_TEXT_MAX))
            field.error_messages["max_length"] = _("Write at most %(limit)s characters.") % {
                "limit": PLAN_TEXT_MAX
            }
