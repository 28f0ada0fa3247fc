"""Shared helpers of the plan tests: a check-in form from the journey's JSON."""

from __future__ import annotations

import uuid

from django.utils import translation
from django.utils.translation import gettext


def checkin_form(checkin: dict, **changes) -> dict:
    """POST data of a balance check-in from a journey-anna-refined.json check-in; None drops
    a field."""
    data = {"submission_key": str(uuid.uuid4()), "local_date": checkin["local_date"]}
    data |= {name: str(v) for name, v in checkin["capacity"].items()}
    data |= {f"load_{name}": str(v) for name, v in checkin["loads"].items()}
    data |= changes
    return {k: v for k, v in data.items() if v is not None}


def sv(msgid: str, values: dict | None = None) -> str:
    """The Swedish text of a message (fails if it has no translation)."""
    with translation.override("sv"):
        text = gettext(msgid)
    assert text != msgid, f"not translated to Swedish: {msgid!r}"
    return text % values if values else text
