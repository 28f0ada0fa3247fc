"""The red-flag check form: every warning sign answered yes or no."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.red_flags import Sign
from battrerygg.redflags.texts import GROUPS, QUESTIONS

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class RedFlagForm(forms.Form):
    """One required yes/no question per sign: an unanswered question is never read as
    "no", so a check cannot give the all-clear by mistake."""

    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        initial=uuid.uuid4,
        error_messages={
            "required": _("The form was incomplete. Reload the page and try again."),
            "invalid": _("The form was incomplete. Reload the page and try again."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for sign in Sign:
            self.fields[sign.value] = forms.ChoiceField(
                label=QUESTIONS[sign],
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Answer yes or no."),
                    "invalid_choice": _("Answer yes or no."),
                },
            )

    def groups(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(title, [self[sign.value] for sign in signs]) for title, signs in GROUPS]

    def answers(self) -> dict[str, bool]:
        """{sign: True for yes} — only valid after is_valid()."""
        return {sign.value: self.cleaned_data[sign.value] == "yes" for sign in Sign}
