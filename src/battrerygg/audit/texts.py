"""Plain names of what was read: for the patient's view of the access log (``WHAT``, "your
pain diary") and for the clinic's log reviewer (``REVIEW``, "pain diary")."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from battrerygg.audit.keys import What, what_of

WHAT: dict[What, Promise] = {
    What.TIMELINE: _("your record (overview)"),
    What.DIARY: _("your pain diary"),
    What.DIARY_ENTRY: _("a diary entry"),
    What.DIARY_ENTRY_RESTORE: _("a diary entry"),
    What.DIARY_FOLLOW_UP: _("a diary entry"),
    What.FLARE_UP_PLAN: _("your flare-up plan"),
    What.BALANCE_CHECKINS: _("your balance check-ins"),
    What.BALANCE_CHECKIN: _("a balance check-in"),
    What.WEEKLY_GOALS: _("your weekly goals"),
    What.MOTIVATION: _("what motivates you"),
    What.REMINDER_PREFERENCE: _("your reminder settings"),
    What.PROMS_DUE: _("your questionnaires"),
    What.PROMS_RESULTS: _("your questionnaire results"),
    What.PROMS_RESPONSE: _("a questionnaire"),
    What.PROMS_ASSIGNMENT: _("your questionnaires"),
    What.PROMS_ANSWER: _("a questionnaire"),
    What.PROMS_SUBMIT: _("a questionnaire"),
    What.RED_FLAG_CHECK: _("your answers on warning signs"),
    What.DASHBOARD: _("the overview of patients who need attention"),
    What.CLINIC_REVIEW: _("a review of what you have reported"),
    What.PATIENT: _("your registration"),
    What.CARE_RELATION: _("who your physiotherapist is"),
    What.CARE_RELATION_END: _("who your physiotherapist is"),
    What.TRANSFER_PROPOSED: _("who your physiotherapist is"),
    What.TRANSFER_APPROVED: _("who your physiotherapist is"),
    What.TRANSFER_DECLINED: _("who your physiotherapist is"),
    What.TRANSFER_CANCELLED: _("who your physiotherapist is"),
    What.CARE_REQUEST: _("who your physiotherapist is"),
    What.ASSESSMENT: _("your assessment"),
    What.ENROLMENT: _("your consent and enrolment"),
    What.CONSENT: _("your consent and enrolment"),
    What.INVITE: _("your invitation"),
    What.EPISODE: _("your episode of care"),
    What.PROGRAMME: _("your exercise programme"),
    What.PAIN_LIMITS: _("your pain limits"),
    What.PROGRAMME_SESSIONS: _("your exercise programme"),
    What.PROGRAMME_PRESCRIPTION: _("your exercise programme"),
    What.PROGRAMME_PRESCRIPTION_END: _("your exercise programme"),
    What.PROGRAMME_PRESCRIPTION_REOPEN: _("your exercise programme"),
    What.PROGRAMME_DOSE_CHANGED: _("your exercise programme"),
    What.PROGRAMME_DOSE_PROGRESSED: _("your exercise programme"),
    What.PROGRAMME_DOSE_REGRESSED: _("your exercise programme"),
    What.PROGRAMME_DOSE_UNDO: _("your exercise programme"),
    What.SESSIONS: _("your group sessions"),
    What.GROUPS_BOOKINGS: _("your group sessions"),
    What.GROUPS_BOOKING: _("your group sessions"),
    What.GROUPS_BOOKING_MOVED_UP: _("your group sessions"),
    What.GROUPS_BOOKING_CANCELLED: _("your group sessions"),
    What.GROUPS_ATTENDANCE: _("your group sessions"),
    What.GROUPS_ROSTER: _("the list of participants of a group session"),
    What.REQUEST: _("a page that was refused"),
    What.ACCESS_LOG: _("the log of who has read your record"),
}

OTHER: Promise = _("your data")


def what_label(key: str) -> str:
    """The patient-facing name of a stored audit ``what`` key (a ``What`` value, or one
    renamed since: ``keys.RENAMED``); a key the product never wrote reads "your data"."""
    what = what_of(key)
    return str(WHAT[what]) if what is not None else str(OTHER)


REVIEW: dict[What, Promise] = {
    What.TIMELINE: _("record overview"),
    What.DASHBOARD: _("attention overview"),
    What.ENROLMENT: _("consent and enrolment"),
    What.SESSIONS: _("group sessions"),
    What.PATIENT: _("registration"),
    What.CARE_RELATION: _("care relation"),
    What.CARE_RELATION_END: _("care relation"),
    What.TRANSFER_PROPOSED: _("move of patients"),
    What.TRANSFER_APPROVED: _("move of patients"),
    What.TRANSFER_DECLINED: _("move of patients"),
    What.TRANSFER_CANCELLED: _("move of patients"),
    What.CARE_REQUEST: _("request to care for the patient"),
    What.PAIN_LIMITS: _("pain limits"),
    What.ASSESSMENT: _("assessment"),
    What.CONSENT: _("consent and enrolment"),
    What.INVITE: _("invitation"),
    What.EPISODE: _("episode of care"),
    What.DIARY: _("pain diary"),
    What.DIARY_ENTRY: _("diary entry"),
    What.DIARY_ENTRY_RESTORE: _("diary entry"),
    What.DIARY_FOLLOW_UP: _("diary entry"),
    What.FLARE_UP_PLAN: _("flare-up plan"),
    What.BALANCE_CHECKINS: _("balance check-ins"),
    What.BALANCE_CHECKIN: _("balance check-ins"),
    What.WEEKLY_GOALS: _("weekly goals"),
    What.MOTIVATION: _("motivation"),
    What.REMINDER_PREFERENCE: _("reminder settings"),
    What.RED_FLAG_CHECK: _("warning signs"),
    What.PROMS_DUE: _("questionnaires"),
    What.PROMS_RESULTS: _("questionnaires"),
    What.PROMS_RESPONSE: _("questionnaires"),
    What.PROMS_ASSIGNMENT: _("questionnaires"),
    What.PROMS_ANSWER: _("questionnaires"),
    What.PROMS_SUBMIT: _("questionnaires"),
    What.PROGRAMME: _("exercise programme"),
    What.PROGRAMME_SESSIONS: _("exercise programme"),
    What.PROGRAMME_PRESCRIPTION: _("exercise programme"),
    What.PROGRAMME_PRESCRIPTION_END: _("exercise programme"),
    What.PROGRAMME_PRESCRIPTION_REOPEN: _("exercise programme"),
    What.PROGRAMME_DOSE_CHANGED: _("exercise programme"),
    What.PROGRAMME_DOSE_PROGRESSED: _("exercise programme"),
    What.PROGRAMME_DOSE_REGRESSED: _("exercise programme"),
    What.PROGRAMME_DOSE_UNDO: _("exercise programme"),
    What.GROUPS_BOOKINGS: _("group sessions"),
    What.GROUPS_BOOKING: _("group sessions"),
    What.GROUPS_BOOKING_MOVED_UP: _("group sessions"),
    What.GROUPS_BOOKING_CANCELLED: _("group sessions"),
    What.GROUPS_ATTENDANCE: _("group sessions"),
    What.GROUPS_ROSTER: _("participants of a group session"),
    What.CLINIC_REVIEW: _("review of reported signals"),
    What.REQUEST: _("a page"),
    What.ACCESS_LOG: _("access log"),
}
"""The clinic's log reviewer's name of each key (``clinic.log_review``)."""


def review_label(key: str) -> str:
    """The log reviewer's name of a stored key; the key itself for one never written."""
    what = what_of(key)
    return str(REVIEW[what]) if what is not None else key
