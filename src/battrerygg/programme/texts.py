"""Translated wording of the programme app (our own)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.dosing import Suggestion
from battrerygg.clinical.pain_monitoring import Advice

CATEGORY_LABELS: dict[str, Promise] = {
    "strength": _("Strength"),
    "mobility": _("Mobility"),
    "posture": _("Posture"),
    "fitness": _("General fitness"),
}

ERRORS: dict[str, Promise] = {
    "unknown_exercise": _("Choose an exercise from the library."),
    "episode_ended": _("The episode of care has ended. Start a new episode before you "
                       "prescribe."),
    "level": _("Choose one of the exercise's levels."),
    "frequency": _("Give how many times a week: a whole number from 1 to 14."),
    "missing": _("Give the dose as sets × repetitions, or as minutes (not both)."),
    "sets": _("Sets must be a whole number from 1 to 10."),
    "repetitions": _("Repetitions must be a whole number from 1 to 50."),
    "minutes": _("Minutes must be a whole number from 1 to 180."),
    "hold": _("The hold must be a whole number of seconds from 1 to 120."),
    "load": _("The load must be 0.5 to 200 kg in half kilograms, or one of the bands."),
    "extras": _("Give at most one of hold, kilograms and band, and only with sets × "
                "repetitions."),
    "top": _("The dose is already at the exercise's highest level. Nothing was changed."),
    "bottom": _(
        "The dose is already at the exercise's easiest level. Nothing was changed. "
        "Consider another exercise or ending this one."
    ),
    "ended": _("This prescription has ended. Nothing was changed."),
    "nothing_to_undo": _("There is no dose change to undo."),
    "unknown_prescription": _("Choose one of the exercises in your programme."),
}

# The C1 advice of a session in the physiotherapist's words (short, for tables).
STAFF_ADVICE: dict[str, Promise] = {
    Advice.REDUCE: _("Reduce the load"),
    Advice.KEEP: _("Keep the load"),
    Advice.INCREASE: _("Increase gradually"),
    Advice.AWAIT_24H: _("24-hour value missing"),
}

SUGGESTIONS: dict[str, Promise] = {
    Suggestion.PROGRESS: _("Suggestion: progress"),
    Suggestion.KEEP: _("Suggestion: keep the dose"),
    Suggestion.REGRESS: _("Suggestion: regress"),
    Suggestion.AWAIT: _("Suggestion: wait for the 24-hour value"),
}

DOSE_CHANGE_NOTES: dict[str, Promise] = {
    "progressed": _("The dose was raised one step."),
    "regressed": _("The dose was lowered one step."),
    "changed": _("The prescription was changed."),
    "undone": _("The latest dose change was undone."),
    "ended": _("The prescription was ended."),
    "reopened": _("The prescription is current again."),
    "stale": _("This had already been done, so nothing more was changed."),
}
