"""Forms of the programme: validate at the boundary, in the user's language."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from battrerygg.programme import library, texts
from battrerygg.programme.models import BAND_CHOICES
from battrerygg.programme.services import FREQUENCY_MAX, FREQUENCY_MIN, PrescriptionInput

_KEY_ERRORS = {
    "required": _("The form was incomplete. Reload the page and try again."),
    "invalid": _("The form was incomplete. Reload the page and try again."),
}


def _number(label: Any, low: int, high: int, code: str, required: bool = False) -> forms.Field:
    message = texts.ERRORS[code]
    return forms.IntegerField(
        label=label, required=required, min_value=low, max_value=high,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages=dict.fromkeys(("required", "invalid", "min_value", "max_value"), message),
    )


class DoseForm(forms.Form):
    """Level, dose (sets × repetitions or minutes), frequency and notes."""

    level = forms.TypedChoiceField(
        label=_("Level"), coerce=int, choices=[(str(n), str(n)) for n in (1, 2, 3)],
        error_messages=dict.fromkeys(("required", "invalid_choice"), texts.ERRORS["level"]),
    )
    sets = _number(_("Sets"), 1, 10, "sets")
    repetitions = _number(_("Repetitions per set"), 1, 50, "repetitions")
    minutes = _number(_("Or minutes"), 1, 180, "minutes")
    hold_seconds = _number(_("Hold, seconds (holds and stretches)"), 1, 120, "hold")
    load_kg = forms.DecimalField(
        label=_("Load, kg (strength)"), required=False, min_value=0.5, max_value=200,
        max_digits=4, decimal_places=1, widget=forms.NumberInput(attrs={"step": "0.5"}),
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value", "max_digits", "max_decimal_places",
             "max_whole_digits"), texts.ERRORS["load"]),
    )
    band = forms.ChoiceField(
        label=_("Or an elastic band (strength)"), required=False,
        choices=[("", _("No band")), *BAND_CHOICES],
        error_messages={"invalid_choice": texts.ERRORS["load"]},
    )
    frequency_per_week = _number(_("Times per week"), FREQUENCY_MIN, FREQUENCY_MAX, "frequency",
                                 required=True)
    notes = forms.CharField(
        label=_("Notes for the patient (optional)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Write at most 1000 characters.")},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        sets, reps, minutes = (cleaned.get(k) for k in ("sets", "repetitions", "minutes"))
        if any(k in self.errors for k in ("sets", "repetitions", "minutes")):
            return cleaned
        if minutes is not None and (sets is not None or reps is not None):
            self.add_error(None, texts.ERRORS["missing"])
        elif minutes is None and (sets is None or reps is None):
            self.add_error(None, texts.ERRORS["missing"])
        extras = [cleaned.get(k) for k in ("hold_seconds", "load_kg", "band")]
        if len([x for x in extras if x not in (None, "")]) > (0 if minutes is not None else 1):
            self.add_error(None, texts.ERRORS["extras"])
        return cleaned

    def dose_data(self) -> dict[str, Any]:
        """The dose fields as services.PrescriptionInput / change_dose take them."""
        c = self.cleaned_data
        return {"sets": c.get("sets"), "repetitions": c.get("repetitions"),
                "minutes": c.get("minutes"), "hold_seconds": c.get("hold_seconds"),
                "load_kg": c.get("load_kg"), "band": c.get("band") or ""}


class PrescribeForm(DoseForm):
    """Prescribe an exercise from the library."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, error_messages=_KEY_ERRORS)
    exercise = forms.ChoiceField(
        label=_("Exercise"),
        error_messages=dict.fromkeys(
            ("required", "invalid_choice"), texts.ERRORS["unknown_exercise"]
        ),
    )

    field_order = ["exercise", "level", "sets", "repetitions", "minutes", "hold_seconds",
                   "load_kg", "band", "frequency_per_week", "notes"]

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups: dict[str, list[tuple[str, str]]] = {}
        for item in library.exercises(language):
            groups.setdefault(str(texts.CATEGORY_LABELS[item.category]), []).append(
                (item.slug, item.title)
            )
        self.fields["exercise"].choices = [("", _("Choose an exercise")), *groups.items()]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        item = library.exercise("sv", cleaned.get("exercise") or "")
        level = cleaned.get("level")
        if item is not None and level is not None and item.level(level) is None:
            self.add_error("level", texts.ERRORS["level"])
        return cleaned

    def to_input(self) -> PrescriptionInput:
        c = self.cleaned_data
        return PrescriptionInput(
            exercise=c["exercise"], level=c["level"], **self.dose_data(),
            frequency_per_week=c["frequency_per_week"], notes=c.get("notes") or "",
        )

    @staticmethod
    def new_key() -> uuid.UUID:
        return uuid.uuid4()


class VersionForm(forms.Form):
    """A one-click action on a prescription, made from its ``version``."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
