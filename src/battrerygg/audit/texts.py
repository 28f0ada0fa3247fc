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
    "dashboard": _("the overview of patients who need attention"),
    "assessment": _("your assessment"),
    "enrolment": _("your consent and enrolment"),
    "consent": _("your consent and enrolment"),
    "invite": _("your invitation"),
    "episode": _("your episode of care"),
    "programme": _("your exercise programme"),
    "programme.sessions": _("your exercise programme"),
    "programme.prescription": _("your exercise programme"),
    "sessions": _("your group sessions"),
    "groups.bookings": _("your group sessions"),
    "groups.roster": _("the list of participants of a group session"),
}

OTHER: Promise = _("your data")


def what_label(key: str) -> str:
    """The patient-facing name of an audit ``what`` key; a key without a name (which a
    test prevents for every read the product writes) reads "your data"."""
    return str(WHAT.get(key, OTHER))
