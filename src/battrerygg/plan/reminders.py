"""Reminder e-mails (SPEC P6 "gentle reminders"): at most one a day per patient who opted
in, only when something is waiting, in the patient's language, with no health details.

What is waiting (``items_due``):
- "follow_ups": 24-hour pain values to enter (the diary's follow-up window);
- "goals": this week's goals not yet reached — mentioned on Thursdays only, so there is
  time left in the week and no daily nagging;
- "checkin": a balance check-in, on the day it falls due and then once a week;
- "questionnaires": questionnaires due (baseline, 3/6/12-month follow-ups, assigned ones),
  on the day one falls due and then once a week while it stays open.
Run daily by cron: ``battrerygg send_reminders`` (see docs/deployment.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from battrerygg.patients.models import Patient
from battrerygg.plan import queries
from battrerygg.plan.models import ReminderSent
from battrerygg.proms.queries import due_questionnaires
from battrerygg.submissions import create_once

logger = logging.getLogger(__name__)

SALT = "battrerygg.plan.reminders.stop"
GOAL_REMINDER_WEEKDAY = 3  # Thursday (Monday = 0)


def token_for(patient: Patient) -> str:
    """A signed token for the stop link of ``patient``'s e-mails (no expiry)."""
    return signing.dumps({"patient": patient.pk}, salt=SALT)


def patient_of_token(token: str) -> Patient:
    """The patient a stop token was made for; signing.BadSignature when it is not ours."""
    data = signing.loads(token, salt=SALT)
    found = Patient.objects.filter(pk=data.get("patient")).first()
    if found is None:
        raise signing.BadSignature("no such patient")
    return found


def items_due(patient: Patient, now: datetime) -> list[str]:
    """Codes of what to remind ``patient`` of at ``now`` (see the module docstring).
    Read as the patient (the reminder is on their behalf), so no staff read is logged."""
    due = queries.due(patient.user, patient, now)
    items = []
    if due.follow_ups:
        items.append("follow_ups")
    if due.goals_open and due.today.weekday() == GOAL_REMINDER_WEEKDAY:
        items.append("goals")
    if due.checkin_due and (due.today - due.next_checkin).days % 7 == 0:
        items.append("checkin")
    questionnaires = due_questionnaires(patient.user, patient, due.today)
    if any((due.today - q.due).days % 7 == 0 for q in questionnaires if not q.paper_only):
        items.append("questionnaires")
    return items


@dataclass
class Report:
    """What one run did: patients e-mailed, already e-mailed today, nothing due, failed."""

    sent: list[str] = field(default_factory=list)
    already: int = 0
    nothing_due: int = 0
    failed: int = 0


def send_due_reminders(now: datetime, base_url: str | None = None) -> Report:
    """Send today's reminder e-mails to every active patient who opted in.

    Idempotent: a ReminderSent row per patient and local day is written in the same
    transaction as the e-mail is handed to the mail backend; a second run that day (or a
    concurrent one) finds it and sends nothing. A failed send rolls the row back, so the
    next run tries again.
    """
    base = base_url or settings.SITE_URL
    report = Report()
    patients = Patient.objects.filter(
        reminder_preference__by_email=True, user__is_active=True
    ).select_related("user")
    for patient in patients:
        today = now.astimezone(patient.tz).date()
        if ReminderSent.objects.filter(patient=patient, local_date=today).exists():
            report.already += 1
            continue
        items = items_due(patient, now)
        if not items:
            report.nothing_due += 1
            continue
        try:
            sent_now = _send_once(patient, today, items, base)
        except Exception:  # one bad address must not stop the others
            logger.exception("reminder e-mail to patient %s failed", patient.pk)
            report.failed += 1
        else:
            if sent_now:
                report.sent.append(patient.user.email)
            else:
                report.already += 1
    return report


def _send_once(patient: Patient, today: date, items: list[str], base: str) -> bool:
    """Record and send today's reminder unless it is recorded already (one a day, a
    constraint: two runs at once send it once). False when it was; an error in sending
    leaves no row, so the next run tries again."""

    def send() -> ReminderSent:
        sent = ReminderSent.objects.create(patient=patient, local_date=today, items=items)
        _message(patient, items, base).send()
        return sent

    _sent, created = create_once(
        lambda: ReminderSent.objects.filter(patient=patient, local_date=today).first(), send)
    return created


def _message(patient: Patient, items: list[str], base: str) -> EmailMessage:
    stop = urljoin(base, reverse("plan:reminders_stop", args=[token_for(patient)]))
    with translation.override(patient.user.language or settings.LANGUAGE_CODE):
        context = {
            "patient": patient, "items": items, "start": urljoin(base, "/"),
            "settings_url": urljoin(base, reverse("plan:reminders")), "stop_url": stop,
        }
        subject = render_to_string("plan/email/reminder_subject.txt", context).strip()
        body = render_to_string("plan/email/reminder.txt", context)
    return EmailMessage(
        subject=subject, body=body, to=[patient.user.email],
        headers={"List-Unsubscribe": f"<{stop}>",
                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
