"""Small template helpers, available in every template (settings: builtins)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def dictget(mapping: Any, key: Any) -> Any:
    """``mapping|dictget:key`` → mapping[key], or "" when missing."""
    try:
        return mapping[key]
    except (KeyError, TypeError, IndexError):
        return ""


@register.filter
def signed(value: Any) -> str:
    """``points|signed`` → "+2", "−4" or "0": a change with its direction, as floatformat:"-1"
    (one decimal when there is one, in the active language's format); "" for no number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    text = floatformat(abs(number), "-1")
    if number > 0:
        return f"+{text}"
    if number < 0:
        return f"\u2212{text}"
    return str(text)
