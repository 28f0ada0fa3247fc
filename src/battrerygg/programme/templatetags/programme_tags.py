"""Template helpers of the programme: a dose in words."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext, ngettext

register = template.Library()


@register.filter
def dose(item: Any) -> str:
    """'3 × 10 repetitions' or '20 minutes' for anything with sets, repetitions, minutes."""
    if item.minutes is not None:
        return ngettext("%(n)s minute", "%(n)s minutes", item.minutes) % {"n": item.minutes}
    return gettext("%(sets)s × %(reps)s repetitions") % {
        "sets": item.sets, "reps": item.repetitions,
    }


@register.filter
def per_week(times: int) -> str:
    """'3 times a week'."""
    return ngettext("%(n)s time a week", "%(n)s times a week", times) % {"n": times}
