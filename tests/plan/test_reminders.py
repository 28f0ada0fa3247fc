"""The reminder command (SPEC P6): one e-mail a day per patient who opted in and has
something due, in their language, with a working stop link; nothing for those who did not
opt in or opted out; a failed send is retried on the next run."""

from __future__ import annotations

import re
from datetime import date, datetime
from io import StringIO
from smtplib import SMTPException
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from battrerygg.plan import services
from battrerygg.plan.models import ReminderSent
from battrerygg.plan.reminders import items_due, send_due_reminders
from tests.shared import load_case_file

STHLM = ZoneInfo("Europe/Stockholm")
FIRST_CHECKIN = load_case_file("journey-anna-refined.json")["balance_checkins"][0]
# Tuesday 17 March 2026, 08:00: the 24-hour value of Monday evening's walk is due.
MORNING = datetime(2026, 3, 17, 8, 0, tzinfo=STHLM)


@pytest.fixture
def due_patient(cast, log_activity):
    """Anna: opted in, a 24-hour value due, a check-in two days old (not due)."""
    from battrerygg.clinical.balance import Capacity, Load, Ratings

    services.set_email_reminders(cast.patient, True)
    log_activity(cast.patient, date(2026, 3, 16), hour=18,
                 now=datetime(2026, 3, 16, 19, tzinfo=STHLM))
    services.record_checkin(
        cast.patient, local_date=date(2026, 3, 15), today=date(2026, 3, 15),
        ratings=Ratings(capacity=dict.fromkeys(Capacity, 5), loads=dict.fromkeys(Load, 5)),
    )
    return cast.patient


def run(at: datetime = MORNING) -> str:
    out = StringIO()
    with time_machine.travel(at, tick=False):
        call_command("send_reminders", "--base-url", "https://rygg.example.se", stdout=out)
    return out.getvalue()


def test_two_runs_in_a_day_send_one_email(due_patient):
    first = run()
    second = run(MORNING.replace(hour=20))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.se"]
    assert "1 sent" in first and "0 sent" in second and "1 already sent today" in second
    assert ReminderSent.objects.get(patient=due_patient).items == ["follow_ups"]


def test_still_due_the_next_day_sends_again(due_patient):
    run()
    run(MORNING.replace(day=18, hour=7))  # 24-hour value still unanswered (2-day window)
    assert len(mail.outbox) == 2


def test_no_email_without_opting_in(cast, log_activity):
    log_activity(cast.patient_b, date(2026, 3, 16), hour=18,
                 now=datetime(2026, 3, 16, 19, tzinfo=STHLM))
    assert run().startswith("Reminders: 0 sent, 0 already sent today, 0 with nothing due")
    assert mail.outbox == []


def test_opting_out_stops_the_emails(due_patient):
    services.set_email_reminders(due_patient, False)
    run()
    assert mail.outbox == []


def test_nothing_due_sends_nothing(cast):
    services.set_email_reminders(cast.patient, True)
    with time_machine.travel(MORNING, tick=False):
        # The first check-in fell due at the episode start (9 March); on 17 March it is
        # neither that day nor a week on, so nothing is mentioned.
        assert items_due(cast.patient, MORNING) == []
    assert "1 with nothing due" in run()
    assert mail.outbox == []


def test_checkin_due_is_mentioned_on_the_day_and_weekly(cast):
    services.set_email_reminders(cast.patient, True)
    episode_start = datetime(2026, 3, 9, 8, tzinfo=STHLM)
    for days, expected in [(0, True), (3, False), (7, True), (14, True)]:
        at = episode_start.replace(day=9 + days)
        with time_machine.travel(at, tick=False):
            assert ("checkin" in items_due(cast.patient, at)) is expected, days


def test_goals_are_mentioned_on_thursday_when_not_reached(due_patient, log_activity):
    services.set_goal(due_patient, activity="cycling", unit="minutes", target=60,
                      today=date(2026, 3, 16))
    thursday = datetime(2026, 3, 19, 8, tzinfo=STHLM)
    with time_machine.travel(thursday, tick=False):
        assert "goals" in items_due(due_patient, thursday)
    log_activity(due_patient, date(2026, 3, 18), kind="cycling", minutes=60)
    with time_machine.travel(thursday, tick=False):
        assert "goals" not in items_due(due_patient, thursday)
    wednesday = thursday.replace(day=18)
    with time_machine.travel(wednesday, tick=False):
        assert "goals" not in items_due(due_patient, wednesday)


def test_email_is_in_the_patients_language_without_health_details(due_patient):
    run()
    message = mail.outbox[0]
    assert message.subject == "BättreRygg: något väntar på dig"
    assert "hur ont du har nu, 24 timmar efter en aktivitet" in message.body
    assert "https://rygg.example.se/" in message.body
    assert "19121212" not in message.body and "1212" not in message.body
    assert not re.search(r"\b(NRS|[0-9]+/10)\b", message.body)
    assert message.extra_headers["List-Unsubscribe"].startswith("<https://rygg.example.se/")


def test_english_patient_gets_english(due_patient):
    due_patient.user.language = "en"
    due_patient.user.save()
    run()
    assert mail.outbox[0].subject == "BättreRygg: something is waiting for you"


def test_stop_link_opts_out_without_logging_in(client, due_patient):
    run()
    link = re.search(r"https://rygg\.example\.se(/reminders/stop/\S+/)", mail.outbox[0].body)
    path = link.group(1)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200  # no login, no CSRF token (RFC 8058)
    run(MORNING.replace(day=18))
    assert len(mail.outbox) == 1
    assert client.get("/reminders/stop/not-a-token/").status_code == 400


def test_a_failed_send_is_not_recorded_and_is_retried(due_patient):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException("down")):
        with pytest.raises(SystemExit):
            run()
    assert not ReminderSent.objects.exists()
    run(MORNING.replace(hour=9))
    assert len(mail.outbox) == 1


def test_report_counts(due_patient):
    report = send_due_reminders(MORNING)
    assert report.sent == ["anna@example.se"] and report.failed == 0


def test_a_patient_without_a_name_is_greeted_plainly(due_patient):
    due_patient.user.full_name = ""
    due_patient.user.save()
    run()
    assert mail.outbox[0].body.startswith("Hej!\n")


def test_the_stop_page_speaks_the_patients_language(client, due_patient):
    from battrerygg.plan.reminders import token_for

    due_patient.user.language = "en"
    due_patient.user.save()
    page = client.get(f"/reminders/stop/{token_for(due_patient)}/").content.decode()
    assert '<html lang="en">' in page and "Stop reminder e-mails" in page


def test_due_questionnaires_are_mentioned_when_they_fall_due(cast):
    """Baseline questionnaires fall due at the episode start (9 March), the 3-month
    follow-up on 9 June; each is mentioned on its day and a week later while open."""
    services.set_email_reminders(cast.patient, True)
    for at, expected in [
        (datetime(2026, 3, 9, 8, tzinfo=STHLM), True),
        (datetime(2026, 3, 12, 8, tzinfo=STHLM), False),
        (datetime(2026, 3, 16, 8, tzinfo=STHLM), True),
        (datetime(2026, 6, 9, 8, tzinfo=STHLM), True),
    ]:
        with time_machine.travel(at, tick=False):
            assert ("questionnaires" in items_due(cast.patient, at)) is expected, at
    with time_machine.travel(datetime(2026, 3, 9, 8, tzinfo=STHLM), tick=False):
        run(datetime(2026, 3, 9, 8, tzinfo=STHLM))
    assert "frågeformulär om din rygg att besvara" in mail.outbox[0].body
