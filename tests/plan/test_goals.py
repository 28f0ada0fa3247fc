"""Weekly goals: setting, changing and ending them keeps past weeks; bad input is refused
with a Swedish message and nothing saved; another patient's goal cannot be touched."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from battrerygg.plan import queries, services
from battrerygg.plan.models import WeeklyGoal
from tests.plan.helpers import sv

STHLM = ZoneInfo("Europe/Stockholm")
WEDNESDAY = datetime(2026, 3, 18, 12, tzinfo=STHLM)  # week 12


def test_changing_a_goal_keeps_the_earlier_weeks(cast, log_activity):
    p = cast.patient
    services.set_goal(p, activity="walking", unit="minutes", target=60, today=date(2026, 3, 10))
    log_activity(p, date(2026, 3, 10), minutes=30)
    log_activity(p, date(2026, 3, 17), minutes=50)
    services.set_goal(p, activity="walking", unit="minutes", target=90, today=date(2026, 3, 18))
    weeks = queries.weeks(p.user, p, date(2026, 3, 9), date(2026, 3, 18))
    assert [(w.number, w.goals[0][1].done, w.goals[0][1].target) for w in weeks] == [
        (12, 50, 90), (11, 30, 60),
    ]
    # The same goal again changes nothing; a change in the week it began changes it in place.
    services.set_goal(p, activity="walking", unit="minutes", target=90, today=date(2026, 3, 19))
    services.set_goal(p, activity="walking", unit="sessions", target=3, today=date(2026, 3, 20))
    assert WeeklyGoal.objects.filter(patient=p).count() == 2
    assert WeeklyGoal.objects.get(patient=p, ends_on__isnull=True).unit == "sessions"


def test_ending_a_goal(cast):
    p = cast.patient
    old = services.set_goal(p, activity="cycling", unit="minutes", target=40,
                            today=date(2026, 3, 10))
    services.end_goal(old, today=date(2026, 3, 18))
    old.refresh_from_db()
    assert old.ends_on == date(2026, 3, 15)  # applied up to last Sunday
    new = services.set_goal(p, activity="swimming", unit="sessions", target=1,
                            today=date(2026, 3, 18))
    services.end_goal(new, today=date(2026, 3, 19))  # began this week: removed
    assert not WeeklyGoal.objects.filter(pk=new.pk).exists()
    services.end_goal(old, today=date(2026, 3, 20))  # twice: nothing more
    old.refresh_from_db()
    assert old.ends_on == date(2026, 3, 15)


BAD = {
    "negative minutes": ({"activity": "walking", "unit": "minutes", "target": "-30"},
                         ("Give between %(low)s and %(high)s minutes a week.",
                          {"low": 1, "high": 10080})),
    "zero times": ({"activity": "walking", "unit": "sessions", "target": "0"},
                   ("Give between %(low)s and %(high)s times a week.",
                    {"low": 1, "high": 50})),
    "no activity": ({"activity": "", "unit": "minutes", "target": "30"},
                    ("Choose the activity the goal is for.", None)),
    "unknown activity": ({"activity": "skydiving", "unit": "minutes", "target": "30"},
                         ("Choose one of the activities in the list.", None)),
    "not a number": ({"activity": "walking", "unit": "minutes", "target": "lots"},
                     ("Give a whole number.", None)),
    "no amount": ({"activity": "walking", "unit": "minutes", "target": ""},
                  ("Give how much you want to do per week.", None)),
    "unknown unit": ({"activity": "walking", "unit": "hours", "target": "3"},
                     ("Choose minutes or times.", None)),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_goal(client, cast, name):
    data, (message, values) = BAD[name]
    with time_machine.travel(WEDNESDAY, tick=False):
        client.force_login(cast.patient.user)
        response = client.post("/goals/new/", data)
    assert response.status_code == 200
    assert sv(message, values) in response.content.decode()
    assert WeeklyGoal.objects.count() == 0
    assert not AuditEvent.objects.filter(what=What.WEEKLY_GOALS).exists()


@pytest.mark.parametrize("target", [0, -5, 10081, True, 2.5])
def test_the_service_refuses_bad_targets(cast, target):
    with pytest.raises(services.PlanError, match="bad_target"):
        services.set_goal(cast.patient, activity="walking", unit="minutes", target=target,
                          today=date(2026, 3, 18))
    assert WeeklyGoal.objects.count() == 0


def test_the_service_refuses_a_goal_with_no_activity(cast):
    with pytest.raises(services.PlanError, match="no_activity"):
        services.set_goal(cast.patient, activity="", unit="minutes", target=30,
                          today=date(2026, 3, 18))


def test_goal_page_shows_this_weeks_progress(client, cast, log_activity):
    services.set_goal(cast.patient, activity="walking", unit="minutes", target=60,
                      today=date(2026, 3, 16))
    log_activity(cast.patient, date(2026, 3, 16), minutes=25)
    log_activity(cast.patient, date(2026, 3, 17), kind="cycling", minutes=40)
    with time_machine.travel(WEDNESDAY, tick=False):
        client.force_login(cast.patient.user)
        goals_page = client.get("/goals/").content.decode()
        start_page = client.get("/").content.decode()
    for page in (goals_page, start_page):
        assert sv("%(done)s of %(target)s minutes", {"done": 25, "target": 60}) in page
        assert '<progress max="60" value="25"' in page


def test_another_patients_goal_is_not_found(client, cast):
    goal = services.set_goal(cast.patient, activity="walking", unit="minutes", target=60,
                             today=date(2026, 3, 16))
    with time_machine.travel(WEDNESDAY, tick=False):
        client.force_login(cast.patient_b.user)
        assert client.get(f"/goals/{goal.pk}/edit/").status_code == 404
        assert client.post(f"/goals/{goal.pk}/edit/", {"unit": "minutes",
                                                       "target": "5"}).status_code == 404
        client.post(f"/goals/{goal.pk}/end/")
    goal.refresh_from_db()
    assert (goal.target, goal.ends_on) == (60, None)


def test_motivation_is_saved_and_too_long_refused(client, cast):
    with time_machine.travel(WEDNESDAY, tick=False):
        client.force_login(cast.patient.user)
        bad = client.post("/goals/motivation/", {"text": "x" * 2001})
        assert sv("Write at most 2000 characters.") in bad.content.decode()
        assert queries.motivation(cast.patient.user, cast.patient) is None
        client.post("/goals/motivation/", {"text": "Att orka leka med barnbarnen"})
        page = client.get("/goals/").content.decode()
    assert "Att orka leka med barnbarnen" in page
