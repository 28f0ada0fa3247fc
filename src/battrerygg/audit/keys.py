"""The audit log's ``what`` keys: which kind of a patient's data a row is about (SPEC Q2).

Every function that writes a row (``audit.services``: record_read, record_reads,
record_change, page_read, record_page_read; ``patients.access.check_read``;
``web.pages.patient_page``) is given a member of ``What``, never a free string, so a key
cannot be misspelt and each has a plain name on the patient's access-log page
(``audit/texts.py``; a test iterates this enum).

A member's value is what is stored, and it never changes: rows are never rewritten (the log
is append-only), so a renamed key stays readable through ``RENAMED``.

Naming: a kind of data has one key for its reads and its changes (``weekly_goals``,
``motivation``, ``consent``). One item read by id has a key of its own where the patient's
page names it differently from the list (``diary`` / ``diary.entry``, ``balance_checkins`` /
``balance_checkin``). A kind of change has a dotted suffix (``diary.entry.restore``,
``programme.dose.progressed``; the changes of one booking are ``groups.booking.*``, the
list read ``groups.bookings``). A staff page that shows several kinds at once is named
after the page (``timeline``, ``dashboard``, ``enrolment``, ``sessions``).
"""

from __future__ import annotations

from enum import StrEnum


class What(StrEnum):
    """The kind of data an audit row is about; the value is stored in ``AuditEvent.what``."""

    # Staff pages about one patient, or about many (the dashboard).
    TIMELINE = "timeline"
    DASHBOARD = "dashboard"
    ENROLMENT = "enrolment"
    SESSIONS = "sessions"
    # The patient record and the care relation (patients, clinic admin).
    PATIENT = "patient"
    CARE_RELATION = "care_relation"
    # Who may see a patient (access follows care, SPEC §1): a care relation ended, a
    # transfer of patients proposed and decided, a clinic's request to care for a
    # registered patient and the patient's answer.
    CARE_RELATION_END = "care_relation.end"
    TRANSFER_PROPOSED = "care_relation.transfer.proposed"
    TRANSFER_APPROVED = "care_relation.transfer.approved"
    TRANSFER_DECLINED = "care_relation.transfer.declined"
    TRANSFER_CANCELLED = "care_relation.transfer.cancelled"
    CARE_REQUEST = "care_relation.request"
    # Care records (care).
    ASSESSMENT = "assessment"
    CONSENT = "consent"
    INVITE = "invite"
    EPISODE = "episode"
    # The diary.
    DIARY = "diary"
    DIARY_ENTRY = "diary.entry"
    DIARY_ENTRY_RESTORE = "diary.entry.restore"
    DIARY_FOLLOW_UP = "diary.follow_up"
    FLARE_UP_PLAN = "flare_up_plan"
    # The patient's pain-monitoring limits (zones, 24-hour tolerance), reads and changes.
    PAIN_LIMITS = "pain_limits"
    # Balance check-ins, goals and motivation (plan).
    BALANCE_CHECKINS = "balance_checkins"
    BALANCE_CHECKIN = "balance_checkin"
    WEEKLY_GOALS = "weekly_goals"
    MOTIVATION = "motivation"
    REMINDER_PREFERENCE = "reminder_preference"
    # The red-flag check.
    RED_FLAG_CHECK = "red_flag_check"
    # Questionnaires (proms).
    PROMS_DUE = "proms.due"
    PROMS_RESULTS = "proms.results"
    PROMS_RESPONSE = "proms.response"
    PROMS_ASSIGNMENT = "proms.assignment"
    # A response's answers and its sending: keys older than the naming rule above, kept
    # because stored rows keep their key (a rename would need RENAMED for no reader's gain).
    PROMS_ANSWER = "proms.answer"
    PROMS_SUBMIT = "proms.submit"
    # The exercise programme.
    PROGRAMME = "programme"
    PROGRAMME_SESSIONS = "programme.sessions"
    PROGRAMME_PRESCRIPTION = "programme.prescription"
    PROGRAMME_PRESCRIPTION_END = "programme.prescription.end"
    PROGRAMME_PRESCRIPTION_REOPEN = "programme.prescription.reopen"
    PROGRAMME_DOSE_CHANGED = "programme.dose.changed"
    PROGRAMME_DOSE_PROGRESSED = "programme.dose.progressed"
    PROGRAMME_DOSE_REGRESSED = "programme.dose.regressed"
    PROGRAMME_DOSE_UNDO = "programme.dose.undo"
    # Group sessions.
    GROUPS_BOOKINGS = "groups.bookings"
    GROUPS_BOOKING = "groups.booking"
    GROUPS_BOOKING_MOVED_UP = "groups.booking.moved_up"
    GROUPS_BOOKING_CANCELLED = "groups.booking.cancelled"
    GROUPS_ATTENDANCE = "groups.attendance"
    GROUPS_ROSTER = "groups.roster"
    # The physiotherapist's review of the dashboard signals (clinic).
    CLINIC_REVIEW = "clinic.review"
    # A refused attempt (action "denied"): a page or form the access layer said no to.
    REQUEST = "request"
    # The clinic's log reviewer searching or exporting the access log (SPEC T8).
    ACCESS_LOG = "access_log"
    # Authentication decisions (ASVS 4.0 V7.1.3, V7.2.1; ``record_auth_event``): rows
    # about an account, not a patient; never a password, a code, a token or a claim value.
    LOGIN = "auth.login"
    LOGIN_FAILED = "auth.login.failed"
    LOGIN_LOCKED_OUT = "auth.login.locked_out"
    SECOND_FACTOR_FAILED = "auth.second_factor.failed"
    RECOVERY_CODE_USED = "auth.recovery_code.used"
    AUTHENTICATOR_ADDED = "auth.authenticator.added"
    AUTHENTICATOR_REMOVED = "auth.authenticator.removed"
    RECOVERY_CODES_RESET = "auth.recovery_codes.reset"
    PASSWORD_RESET_REQUESTED = "auth.password_reset.requested"
    PASSWORD_RESET = "auth.password_reset.done"
    PASSWORD_CHANGED = "auth.password.changed"
    SESSIONS_ENDED = "auth.sessions.ended"
    LOGOUT = "auth.logout"
    SSO_REFUSED = "auth.sso.refused"
    # A staff member's HSA-id set by their clinic admin (single sign-on matches staff by it).
    STAFF_HSA_ID = "staff.hsa_id"
    # The staff member's own answer about it: "this is my e-ID card's" (only then does
    # single sign-on log in by it) or "not mine" (removed).
    STAFF_HSA_ID_CONFIRMED = "staff.hsa_id.confirmed"
    STAFF_HSA_ID_REJECTED = "staff.hsa_id.rejected"


# Keys stored before a rename, and the member they mean now. Changes of a weekly goal were
# "weekly_goal" and its reads "weekly_goals" (one kind of data, two keys) until issue 10.
RENAMED: dict[str, What] = {
    "weekly_goal": What.WEEKLY_GOALS,
}


def what_of(key: str) -> What | None:
    """The member a stored key means: a current value, or a renamed one (``RENAMED``);
    None for a key the product has never written."""
    if key in RENAMED:
        return RENAMED[key]
    try:
        return What(key)
    except ValueError:
        return None
