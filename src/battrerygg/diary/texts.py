"""What the pain-monitoring model's results say to the patient (our wording, SPEC C1)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.pain_monitoring import Advice, Assessment, Zone

ZONE_LABELS: dict[str, Promise] = {
    Zone.SAFE: _("Safe"),
    Zone.ACCEPTABLE: _("Acceptable"),
    Zone.HIGH_RISK: _("High risk"),
}

ADVICE: dict[str, dict[str, Promise]] = {
    Advice.REDUCE: {
        "heading": _("Reduce the load next time"),
        "text": _(
            "Next time, do a little less: shorter time, lower intensity or fewer repetitions."
        ),
    },
    Advice.KEEP: {
        "heading": _("Keep the same load"),
        "text": _("Keep the same load next time."),
    },
    Advice.INCREASE: {
        "heading": _("You can increase a little"),
        "text": _(
            "This is the third time in a row that this activity went well. Next time you can "
            "increase the load a little: a few more minutes or repetitions."
        ),
    },
    Advice.AWAIT_24H: {
        "heading": _("How is the pain the day after?"),
        "text": _(
            "Whether the load was right depends on your pain the day after. We will ask you "
            "for it."
        ),
    },
}

# A session of an exercise from the programme: the physiotherapist sets its dose, so
# "increase" tells the patient that, rather than to raise it alone (SPEC P7, T3).
EXERCISE_INCREASE: dict[str, Promise] = {
    "heading": _("It went well: your physiotherapist can raise the dose"),
    "text": _(
        "This is the third time in a row that this exercise went well. Your physiotherapist "
        "sets the dose and sees this. Keep the same dose until they change it."
    ),
}

# The advice texts of an exercise from the programme.
EXERCISE_ADVICE: dict[str, dict[str, Promise]] = {**ADVICE, Advice.INCREASE: EXERCISE_INCREASE}


def advice_text(advice: str, *, exercise: bool) -> dict[str, Promise]:
    """The heading and text of an advice; ``exercise``: a session of a programme exercise."""
    return (EXERCISE_ADVICE if exercise else ADVICE)[advice]


# Why: one sentence per finding of the model, shown above the advice.
REASONS: dict[str, Promise] = {
    "high_risk": _("The pain during the activity reached the high-risk zone."),
    "high_not_raised": _(
        "The pain during the activity was high, but not higher than before you started: "
        "the activity did not make it worse."
    ),
    "within_zone": _("The pain during the activity stayed within safe to acceptable."),
    "after_high_risk": _("The pain right after the activity reached the high-risk zone."),
    "not_back": _("The pain was not back to your baseline within 24 hours."),
    "back": _("The pain was back to your baseline within 24 hours."),
}

# The short form of the main reason, for the diary table.
SHORT_REASONS: dict[str, Promise] = {
    "high_risk": _("high risk during"),
    "after_high_risk": _("high risk right after"),
    "not_back": _("not back to baseline"),
}


def reasons(assessment: Assessment) -> list[str]:
    """Keys of REASONS that explain an assessment, in reading order."""
    if assessment.provoked_during:
        out = ["high_risk"]
    elif assessment.zone == Zone.HIGH_RISK:
        out = ["high_not_raised"]
    else:
        out = ["within_zone"]
    if assessment.provoked_after:
        out.append("after_high_risk")
    if assessment.back_to_baseline is True:
        out.append("back")
    elif assessment.back_to_baseline is False:
        out.append("not_back")
    return out


# The diary's write errors (services.DiaryError codes), also shown by the programme's
# session form, whose sessions are diary entries.
ERRORS: dict[str, Promise] = {
    "future": _("The activity cannot start in the future."),
    "unknown_kind": _("Choose one of the activities in the list."),
    "too_long": _("The duration can be at most 1440 minutes (24 hours)."),
    "too_early": _("It is too early to give the 24-hour value."),
    "undo_expired": _("It is too late to undo the deletion."),
    "unknown_intensity": _("Choose one of the options in the list."),
    "too_short": _("The duration must be at least 1 minute."),
    "reason": _("Write why you set these limits."),
    "limits_pair": _("Give both zone limits, or neither to use the clinic's."),
    "limits": _(
        "The safe zone must end below the acceptable zone, and the acceptable zone below 10."
    ),
    "nonexistent_time": _(
        "That time did not exist on that day: the clocks were put forward an hour. "
        "Choose a time one hour later."
    ),
    "ambiguous_time": _(
        "That time happened twice that night, because the clocks were put back an hour. "
        "Choose whether you mean summer time or winter time."
    ),
}

# Where the zone limits in force come from (queries.LimitsView.source).
LIMITS_SOURCES: dict[str, Promise] = {
    "patient": _("set for this patient"),
    "clinic": _("the clinic's limits"),
    "default": _("the published limits (Thomeé 1997)"),
}
