"""Balance check-in, goal, motivation and reminder forms: validated at the boundary, with
translated messages; the services validate again."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.balance import Capacity, Load, Ratings
from battrerygg.clinical.goals import TARGET_LIMITS, Unit, validate_target
from battrerygg.diary.forms import ActivityForm
from battrerygg.plan.models import GOAL_ACTIVITY_CHOICES, GoalUnit, PhysicalLoadDirection
from battrerygg.plan.services import EARLIEST_CHECKIN, MOTIVATION_MAX
from battrerygg.plan.texts import FACTORS

RATING_CHOICES = [(str(i), str(i)) for i in range(11)]


class RatingWidget(forms.RadioSelect):
    """A 0–10 rating as eleven radio buttons, with the meaning of both ends beneath."""

    template_name = "plan/widgets/rating.html"

    def __init__(self, *args: Any, low: Any = "", high: Any = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.low, self.high = low, high

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["low"], context["widget"]["high"] = self.low, self.high
        return context


def rating_field(factor: str) -> forms.TypedChoiceField:
    """A required rating 0–10 of one capacity factor or load, with its explanation."""
    text = FACTORS[factor]
    return forms.TypedChoiceField(
        label=text.label,
        help_text=text.explanation,
        choices=RATING_CHOICES,
        coerce=int,
        widget=RatingWidget(low=text.low, high=text.high),
        error_messages={
            "required": _("Choose a number from 0 to 10."),
            "invalid_choice": _("The rating must be a whole number from 0 to 10."),
        },
    )


def field_name(factor: Capacity | Load) -> str:
    """The form and model field of a factor: capacity by name, loads as load_<name>."""
    return factor.value if isinstance(factor, Capacity) else f"load_{factor.value}"


class CheckInForm(forms.Form):
    """A balance check-in (SPEC P4): four capacity factors and four loads, 0–10 each."""

    submission_key = ActivityForm.base_fields["submission_key"]
    local_date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": _("Give the date of the check-in."),
            "invalid": _("Give the date as year-month-day, for example 2026-03-09."),
        },
    )
    posture = rating_field(Capacity.POSTURE)
    strength = rating_field(Capacity.STRENGTH)
    flexibility = rating_field(Capacity.FLEXIBILITY)
    fitness = rating_field(Capacity.FITNESS)
    load_physical = rating_field(Load.PHYSICAL)
    physical_direction = forms.ChoiceField(
        label=_("Is your physical load too much or too little? (optional)"),
        choices=[("", _("Not sure")), *PhysicalLoadDirection.choices],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the options.")},
    )
    load_negative_emotions = rating_field(Load.NEGATIVE_EMOTIONS)
    load_stress = rating_field(Load.STRESS)
    load_worrying_thoughts = rating_field(Load.WORRYING_THOUGHTS)

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["local_date"].initial = today
        self.fields["submission_key"].initial = uuid.uuid4

    capacity_fields = [field_name(c) for c in Capacity]
    load_fields = [field_name(x) for x in Load]

    def clean_local_date(self) -> date:
        day: date = self.cleaned_data["local_date"]
        if day > self.today:
            raise forms.ValidationError(_("The date cannot be in the future."))
        if day < self.today - EARLIEST_CHECKIN:
            raise forms.ValidationError(_("You can date a check-in at most a year back."))
        return day

    def ratings(self) -> Ratings:
        """The answers as the clinical core's value (call after is_valid())."""
        data = self.cleaned_data
        return Ratings(
            capacity={c: data[field_name(c)] for c in Capacity},
            loads={x: data[field_name(x)] for x in Load},
        )


class GoalForm(forms.Form):
    """A weekly goal for a general-fitness activity (SPEC P6)."""

    activity = forms.ChoiceField(
        label=_("Activity"),
        choices=[("", _("Choose an activity")), *GOAL_ACTIVITY_CHOICES],
        error_messages={
            "required": _("Choose the activity the goal is for."),
            "invalid_choice": _("Choose one of the activities in the list."),
        },
    )
    target = forms.IntegerField(
        label=_("How much per week"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Give how much you want to do per week."),
            "invalid": _("Give a whole number."),
        },
    )
    unit = forms.ChoiceField(
        label=_("Counted in"),
        choices=GoalUnit.choices,
        initial=Unit.MINUTES.value,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose minutes or times."),
            "invalid_choice": _("Choose minutes or times."),
        },
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        unit, target = cleaned.get("unit"), cleaned.get("target")
        if unit and target is not None:
            try:
                validate_target(Unit(unit), target)
            except ValueError:
                low, high = TARGET_LIMITS[Unit(unit)]
                message = (
                    _("Give between %(low)s and %(high)s minutes a week.")
                    if unit == Unit.MINUTES
                    else _("Give between %(low)s and %(high)s times a week.")
                )
                self.add_error("target", message % {"low": low, "high": high})
        return cleaned


class MotivationForm(forms.Form):
    text = forms.CharField(
        label=_("What motivates you to get going?"),
        help_text=_("In your own words, for example: to play with my grandchildren, to walk "
                    "to work, to sleep better."),
        required=False,
        max_length=MOTIVATION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Write at most 2000 characters.")},
    )


class ReminderForm(forms.Form):
    by_email = forms.BooleanField(
        label=_("Send me reminders by e-mail"),
        help_text=_("At most one e-mail a day, only when something is waiting: pain values "
                    "to enter, this week's goals, a balance check-in or questionnaires. The "
                    "e-mail contains no pain values."),
        required=False,
    )
