"""The physiotherapist's form for a patient's pain-monitoring limits (SPEC C1)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.pain_monitoring import TOLERANCE_MAX
from battrerygg.diary.services import LimitsInput
from battrerygg.diary.texts import ERRORS


def _limit(label: Any, help_text: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, help_text=help_text, required=False, coerce=int, empty_value=None,
        choices=[("", _("the clinic's or the published limit")),
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
