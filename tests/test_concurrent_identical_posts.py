"""Twenty identical posts of a form sent at the same moment (a double click, a reload, a
phone on a bad connection sending again) store one row and never answer 500 (issue 10,
item 5; the rule is ``battrerygg.submissions``).

Every keyed form and every write with a natural key is in ``FORMS``. Each test logs the
user in once, gives twenty test clients that session, lets twenty threads (each with its
own database connection) meet at a barrier and post the same data through the whole
request stack. Then: twenty answers, all the same redirect; exactly one row of the thing
the form stores; and the audit change rows of one post, not more.

On PostgreSQL this is a real race: without ``create_once`` the goal and motivation posts
answer 500 (IntegrityError). On SQLite the test database is a file (tests/conftest.py),
so the threads have their own connections; writers are serialised by ``BEGIN IMMEDIATE``
with a busy timeout (settings), and a "database is locked" would show as a 503 here.
"""

from __future__ import annotations

import sys
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.signals import got_request_exception
from django.db import connections
from django.test import Client

from battrerygg.audit.models import AuditEvent
from battrerygg.care.models import Assessment, Consent
from battrerygg.diary.models import ActivityEntry, FlareUpPlan, LimitsChange
from battrerygg.diary.services import ActivityInput, record_activity
from battrerygg.groups.models import Booking, GroupSession
from battrerygg.patients.models import Patient
from battrerygg.plan.models import BalanceCheckIn, Motivation, ReminderPreference, WeeklyGoal
from battrerygg.programme.models import DoseChange, Prescription
from battrerygg.proms import services as proms
from battrerygg.proms.models import Response
from battrerygg.redflags.models import RedFlagCheck
from tests.care.helpers import assess, assessment_post
from tests.diary.helpers import activity_form
from tests.groups.helpers import schedule
from tests.plan.helpers import checkin_form
from tests.programme.helpers import give
from tests.redflags.helpers import red_flag_form
from tests.shared import load_case_file

pytestmark = pytest.mark.django_db(transaction=True)

SENDERS = 20
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))  # episode day 2
KEY = "0b6d7e52-3a0c-4d4e-9c61-7f3e2a1b5c90"


@dataclass(frozen=True)
class Post:
    """One form as the browser sends it, and the rows it may add."""

    user: Any
    url: str
    data: dict[str, Any]
    rows: Callable[[], int]  # how many of the things this form stores exist


def diary_activity(cast) -> Post:
    return Post(cast.patient.user, "/diary/new/", activity_form(submission_key=KEY),
                ActivityEntry.objects.count)


def programme_session(cast) -> Post:
    item = give(cast.physio, cast.patient)
    return Post(cast.patient.user, f"/exercises/{item.pk}/log/",
                activity_form(submission_key=KEY),
                ActivityEntry.objects.filter(prescription=item).count)


def follow_up(cast) -> Post:
    entry, _ = record_activity(
        cast.patient,
        ActivityInput(kind="walking", local_date=date(2026, 3, 9), local_time=time(10),
                      minutes=20, pain_baseline=3, pain_during=4, pain_after=3),
        submission_key=uuid.uuid4(), now=NOW - timedelta(hours=20),
    )
    return Post(cast.patient.user, f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"},
                ActivityEntry.objects.filter(pain_24h=3).count)


def flare_up_plan(cast) -> Post:
    data = {"expected_days": "7", "what_helps": "korta promenader", "own_actions": "röra mig",
            "favourite_exercise": "katten", "contact_physio_after_days": "14",
            "physiotherapist_contact": ""}
    return Post(cast.patient.user, "/flare-up-plan/edit/", data, FlareUpPlan.objects.count)


def red_flag_check(cast) -> Post:
    return Post(cast.patient.user, "/red-flags/", red_flag_form(key=KEY),
                RedFlagCheck.objects.count)


def balance_checkin(cast) -> Post:
    checkin = load_case_file("journey-anna-refined.json")["balance_checkins"][0]
    data = checkin_form(checkin, submission_key=KEY, local_date="2026-03-10")
    return Post(cast.patient.user, "/balance/new/", data, BalanceCheckIn.objects.count)


def weekly_goal(cast) -> Post:
    return Post(cast.patient.user, "/goals/new/",
                {"activity": "walking", "unit": "minutes", "target": "90"},
                WeeklyGoal.objects.count)


def motivation(cast) -> Post:
    return Post(cast.patient.user, "/goals/motivation/",
                {"text": "Att orka leka med barnbarnen"}, Motivation.objects.count)


def reminders(cast) -> Post:
    return Post(cast.patient.user, "/reminders/", {"by_email": "on"},
                ReminderPreference.objects.filter(by_email=True).count)


def questionnaire_start(cast) -> Post:
    return Post(cast.patient.user, "/questionnaires/start/",
                {"instrument": "nrs_back", "timepoint": "baseline"}, Response.objects.count)


def questionnaire_sent(cast) -> Post:
    response, _ = proms.start_response(cast.patient, "nrs_back", "baseline",
                                       actor=cast.patient.user, today=NOW.date())
    proms.save_answer(response, "pain", "6", actor=cast.patient.user)
    return Post(cast.patient.user, f"/questionnaires/{response.pk}/summary/",
                {"submission_key": KEY},
                Response.objects.filter(status=Response.Status.SUBMITTED).count)


def new_patient(cast) -> Post:
    data = {"full_name": "Cecilia Ny", "email": "cecilia@example.se",
            "personnummer": "198112189876", "language": "sv", "submission_key": KEY}
    return Post(cast.physio, "/clinic/patients/new/", data,
                Patient.objects.filter(user__email="cecilia@example.se").count)


def assessment(cast) -> Post:
    return Post(cast.physio, f"/clinic/patients/{cast.patient.ref}/assessment/",
                assessment_post(key=KEY), Assessment.objects.count)


def enrolment(cast) -> Post:
    assess(cast.physio, cast.patient)
    data = {"action": "enrol", "consent": "on", "method": "phone",
            "enrolled_on": "2026-03-10", "submission_key": KEY}
    return Post(cast.physio, f"/clinic/patients/{cast.patient.ref}/enrol/", data,
                Consent.objects.count)


def prescription(cast) -> Post:
    data = {"exercise": "backenlyft", "level": "1", "sets": "2", "repetitions": "8",
            "minutes": "", "frequency_per_week": "3", "notes": "", "submission_key": KEY}
    return Post(cast.physio, f"/clinic/patients/{cast.patient.ref}/programme/", data,
                Prescription.objects.count)


def dose_step(cast) -> Post:
    item = give(cast.physio, cast.patient)
    return Post(cast.physio, f"/clinic/patients/{cast.patient.ref}/programme/{item.pk}/progress/",
                {"version": "1"},
                DoseChange.objects.filter(kind=DoseChange.Kind.PROGRESSED).count)


def group_session(cast) -> Post:
    data = {"clinic": cast.clinic.pk, "kind": "education", "title": "Ryggskola",
            "date": "2026-03-20", "starts": "14:00", "ends": "15:30", "place": "Rum 2",
            "capacity": "10", "leader": cast.physio.pk, "submission_key": KEY}
    return Post(cast.physio, "/clinic/groups/new/", data, GroupSession.objects.count)


def booking(cast) -> Post:
    session = schedule(cast, now=NOW, starts_at=NOW + timedelta(days=7),
                       ends_at=NOW + timedelta(days=7, hours=1))
    return Post(cast.physio, f"/clinic/patients/{cast.patient.ref}/sessions/",
                {"session": session.pk}, Booking.objects.count)


def pain_limits(cast) -> Post:
    data = {"safe_max": "1", "acceptable_max": "4", "follow_up_tolerance": "1",
            "reason": "Morgonstel"}
    return Post(cast.physio, f"/clinic/patients/{cast.patient.ref}/pain-limits/", data,
                LimitsChange.objects.count)


REDIRECT = frozenset({302})

# form: (set-up giving the post, audit change rows one post writes, answers allowed)
FORMS: dict[str, tuple[Callable[[Any], Post], int, frozenset[int]]] = {
    # keyed forms (a submission_key in the form)
    "diary activity": (diary_activity, 1, REDIRECT),
    "programme session": (programme_session, 1, REDIRECT),
    "red-flag check": (red_flag_check, 1, REDIRECT),
    "balance check-in": (balance_checkin, 1, REDIRECT),
    "questionnaire sent": (questionnaire_sent, 1, REDIRECT),
    "new patient": (new_patient, 2, REDIRECT),  # the patient and the care relation
    # with the paper STarT Back: the response, its 9 answers, its sending, the assessment
    "assessment": (assessment, 12, REDIRECT),
    "enrolment (consent)": (enrolment, 1, REDIRECT),
    "prescription": (prescription, 1, REDIRECT),
    "group session": (group_session, 0, REDIRECT),  # a clinic's session: no patient data
    # natural keys (one row per patient, activity, session, response…)
    "weekly goal": (weekly_goal, 1, REDIRECT),
    "motivation": (motivation, 1, REDIRECT),
    "questionnaire started": (questionnaire_start, 1, REDIRECT),
    "booking": (booking, 1, REDIRECT),
    "24-hour value": (follow_up, 1, REDIRECT),
    "flare-up plan": (flare_up_plan, 1, REDIRECT),
    "reminder choice": (reminders, 1, REDIRECT),
    "dose step": (dose_step, 1, REDIRECT),
    "pain limits": (pain_limits, 1, REDIRECT),  # the same limits again change nothing
}


def _changes() -> int:
    # logins are rows of their own (audit.auth_events)
    return AuditEvent.objects.exclude(action="read").exclude(what__startswith="auth.").count()


def send_at_once(post: Post) -> tuple[list[int], list[str], list[str]]:
    """POST ``post`` from SENDERS threads released together: (status codes, redirect
    locations, exceptions the views raised)."""
    login = Client()
    login.force_login(post.user)
    clients = [Client(raise_request_exception=False) for _ in range(SENDERS)]
    for client in clients:
        client.cookies.update(login.cookies)
    start = threading.Barrier(SENDERS, timeout=60)
    statuses: list[int] = [0] * SENDERS
    locations: list[str] = [""] * SENDERS
    raised: list[str] = []

    def note(**_kwargs: Any) -> None:
        raised.append(repr(sys.exc_info()[1]))

    def send(i: int) -> None:
        try:
            start.wait()
            response = clients[i].post(post.url, post.data)
            statuses[i] = response.status_code
            locations[i] = response.get("Location", "")
        finally:
            connections.close_all()

    got_request_exception.connect(note, weak=False)
    try:
        threads = [threading.Thread(target=send, args=(i,)) for i in range(SENDERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        got_request_exception.disconnect(note)
    return statuses, locations, raised


@pytest.mark.parametrize("form", FORMS)
def test_twenty_identical_posts_store_one_row(cast, form):
    prepare, audited, answers = FORMS[form]
    with time_machine.travel(NOW, tick=False):
        post = prepare(cast)
        rows, changes = post.rows(), _changes()
        statuses, locations, raised = send_at_once(post)
        figures = (f"{form}: rows {rows}→{post.rows()}, audit changes +{_changes() - changes}, "
                   f"answers {dict(Counter(statuses))}")
        print(figures)
        assert raised == [], figures
        assert set(statuses) <= answers, figures
        assert len({where for where in locations if where}) == 1, figures
        assert post.rows() == rows + 1, figures
        assert _changes() - changes == audited, figures
