"""Template helpers of the programme: a dose in words."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy, ngettext

register = template.Library()

BANDS = {
    "light": gettext_lazy("light band"),
    "medium": gettext_lazy("medium band"),
    "heavy": gettext_lazy("heavy band"),
    "extra_heavy": gettext_lazy("extra heavy band"),
}


@register.filter
def dose(item: Any, exercise: Any = None) -> str:
    """A dose in words for anything with sets, repetitions, minutes (and optionally
    hold_seconds, load_kg, band): '3 × 10 repetitions', '2 × 3 repetitions, hold 30
    seconds', '3 × 10 repetitions with 5 kg', '20 minutes'. exercise: the library exercise,
    if known; for breaks from sitting the minutes read 'get up after at most 30 minutes
    of sitting'."""
    if item.minutes is not None:
        if getattr(exercise, "breaks", False):
            return ngettext("get up after at most %(n)s minute of sitting",
                            "get up after at most %(n)s minutes of sitting", item.minutes) % {
                "n": item.minutes}
        return ngettext("%(n)s minute", "%(n)s minutes", item.minutes) % {"n": item.minutes}
    text = gettext("%(sets)s × %(reps)s repetitions") % {
        "sets": item.sets, "reps": item.repetitions,
    }
    hold = getattr(item, "hold_seconds", None)
    load = getattr(item, "load_kg", None)
    band = getattr(item, "band", None)
    if hold is not None:
        text += ", " + ngettext("hold %(n)s second", "hold %(n)s seconds", hold) % {"n": hold}
    elif load is not None:
        text += " " + gettext("with %(kg)s kg") % {
            "kg": number_format(load.normalize() if hasattr(load, "normalize") else load)}
    elif band:
        text += " " + gettext("with a %(band)s") % {"band": BANDS.get(str(band), str(band))}
    return text


@register.filter
def per_week(times: int) -> str:
    """'3 times a week'."""
    return ngettext("%(n)s time a week", "%(n)s times a week", times) % {"n": times}
