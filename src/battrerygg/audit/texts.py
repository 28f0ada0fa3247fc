"""Plain names of what was read, for the patient's view of the access log."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

WHAT: dict[str, Promise] = {
    "timeline": _("your record (overview)"),
    "diary": _("your pain diary"),
    "diary.entry": _("a diary entry"),
    "flare_up_plan": _("your flare-up plan"),
    "balance_checkins": _("your balance check-ins"),
    "balance_checkin": _("a balance check-in"),
    "weekly_goals": _("your weekly goals"),
    "motivation": _("what motivates you"),
    "proms.due": _("your questionnaires"),
    "proms.results": _("your questionnaire results"),
    "proms.response": _("a questionnaire"),
    "red_flag_check": _("your answers on warning signs"),
}


def what_label(key: str) -> str:
    """The patient-facing name of an audit ``what`` key; unknown keys are shown as is."""
    return str(WHAT.get(key, key))
