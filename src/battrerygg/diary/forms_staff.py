"""The physiotherapist's form for a patient's pain-monitoring limits (SPEC C1)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.pain_monitoring import TOLERANCE_MAX
from battrerygg.diary.services import LimitsInput
from battrerygg.diary.texts import ERRORS


def _limit(label: Any, help_text: Any, empty: Any = None) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, help_text=help_text, required=False, coerce=int, empty_value=None,
        choices=[("", empty or _("the clinic's or the published limit")),
                 *((str(n), str(n)) for n in range(10))],
        error_messages={"invalid_choice": ERRORS["limits"]},
    )


class LimitsForm(forms.Form):
    """Zone limits (both or neither), the 24-hour tolerance and the reason."""

    safe_max = _limit(_("Highest pain in the safe zone"), _("Published: 2."))
    acceptable_max = _limit(_("Highest pain in the acceptable zone"),
                            _("Published: 5. Higher pain is the high-risk zone."))
    follow_up_tolerance = forms.TypedChoiceField(
        label=_("Tolerance of the 24-hour value (points above the pain before)"),
        help_text=_("0 is the exact rule. Use 1 or 2 when the patient's pain is regularly "
                    "higher in the morning than when they start an activity."),
        coerce=int, choices=[(str(n), str(n)) for n in range(TOLERANCE_MAX + 1)],
        error_messages=dict.fromkeys(("required", "invalid_choice"), ERRORS["limits"]),
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": ERRORS["reason"],
                        "max_length": _("Write at most 1000 characters.")},
    )

    def to_input(self) -> LimitsInput:
        data = self.cleaned_data
        return LimitsInput(data["safe_max"], data["acceptable_max"],
                           data["follow_up_tolerance"], data["reason"])


class ClinicLimitsForm(forms.Form):
    """A clinic's default zone limits (both or neither) and the reason."""

    clinic = forms.TypedChoiceField(
        label=_("Clinic"), coerce=int,
        error_messages=dict.fromkeys(("required", "invalid_choice"),
                                     _("Choose one of your clinics.")),
    )
    safe_max = _limit(_("Highest pain in the safe zone"), _("Published: 2."),
                      _("the published limit"))
    acceptable_max = _limit(_("Highest pain in the acceptable zone"),
                            _("Published: 5. Higher pain is the high-risk zone."),
                            _("the published limit"))
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": ERRORS["reason"],
                        "max_length": _("Write at most 1000 characters.")},
    )

    def __init__(self, *args: Any, clinics: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["clinic"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(c.pk, c.name) for c in clinics]
        if len(clinics) == 1:
            field.initial = clinics[0].pk
