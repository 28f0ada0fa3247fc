"""Small template helpers, available in every template (settings: builtins)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def dictget(mapping: Any, key: Any) -> Any:
    """``mapping|dictget:key`` → mapping[key], or "" when missing."""
    try:
        return mapping[key]
    except (KeyError, TypeError, IndexError):
        return ""
