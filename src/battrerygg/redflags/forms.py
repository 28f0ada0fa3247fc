"""The red-flag check form: one yes/no question per warning sign."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms

from battrerygg.clinical.red_flags import Sign
from battrerygg.redflags.texts import GROUPS, QUESTIONS


class RedFlagForm(forms.Form):
    """A checkbox per sign (ticked = yes). Unticked boxes are answers of "no"."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for sign in Sign:
            self.fields[sign.value] = forms.BooleanField(label=QUESTIONS[sign], required=False)

    def groups(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(title, [self[sign.value] for sign in signs]) for title, signs in GROUPS]

    def answers(self) -> dict[str, bool]:
        return {sign.value: bool(self.cleaned_data.get(sign.value)) for sign in Sign}
