"""Balance check-ins, goals and reminder settings are the patient's own: another patient,
staff and anonymous visitors can neither see nor change them by any URL."""

from __future__ import annotations

from datetime import date

import pytest

from battrerygg.clinical.balance import Capacity, Load, Ratings
from battrerygg.patients.access import AccessDenied
from battrerygg.plan import services
from battrerygg.plan.models import BalanceCheckIn, ReminderPreference, WeeklyGoal

TODAY = date(2026, 3, 18)


@pytest.fixture
def anna_plan(cast):
    checkin = services.record_checkin(
        cast.patient, local_date=TODAY, today=TODAY,
        ratings=Ratings(capacity=dict.fromkeys(Capacity, 4), loads=dict.fromkeys(Load, 6)),
    )
    goal = services.set_goal(cast.patient, activity="walking", unit="minutes", target=60,
                             today=TODAY)
    return checkin, goal


def urls(checkin, goal) -> list[tuple[str, str, dict]]:
    return [
        ("get", f"/balance/{checkin.pk}/", {}),
        ("get", f"/goals/{goal.pk}/edit/", {}),
        ("post", f"/goals/{goal.pk}/edit/", {"unit": "minutes", "target": "5"}),
    ]


def unchanged(goal) -> bool:
    goal.refresh_from_db()
    return (goal.target, goal.ends_on) == (60, None)


def test_another_patient_gets_404(client, cast, anna_plan):
    checkin, goal = anna_plan
    client.force_login(cast.patient_b.user)
    for method, url, data in urls(checkin, goal):
        assert getattr(client, method)(url, data).status_code == 404, url
    assert client.post(f"/goals/{goal.pk}/end/").status_code == 404
    balance = client.get("/balance/").content.decode()
    assert f"/balance/{checkin.pk}/" not in balance
    assert unchanged(goal)


@pytest.mark.parametrize("who", ["physio", "colleague", "other_physio", "clinic_admin"])
def test_staff_cannot_use_patient_pages(client, cast, anna_plan, who):
    checkin, goal = anna_plan
    client.force_login(getattr(cast, who))
    for method, url, data in urls(checkin, goal):
        assert getattr(client, method)(url, data).status_code in (403, 404), url
    for path in ("/balance/", "/balance/new/", "/goals/", "/reminders/"):
        assert client.get(path).status_code == 403, path
    client.post("/reminders/", {"by_email": "on"})
    assert unchanged(goal)
    assert not ReminderPreference.objects.exists()


def test_anonymous_is_sent_to_login(client, anna_plan):
    checkin, goal = anna_plan
    for method, url, data in urls(checkin, goal):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert client.post("/balance/new/", {}).status_code == 302
    assert unchanged(goal)
    assert BalanceCheckIn.objects.count() == 1 and WeeklyGoal.objects.count() == 1


def test_the_physiotherapist_read_is_audited(cast, anna_plan):
    from battrerygg.audit.models import AuditEvent
    from battrerygg.plan import queries

    queries.checkins(cast.physio, cast.patient)
    assert AuditEvent.objects.filter(actor=cast.physio, patient=cast.patient,
                                     action="read", what="balance_checkins").count() == 1
    with pytest.raises(AccessDenied):
        queries.checkins(cast.colleague, cast.patient)


def test_may_see_agrees_with_visible_patients(cast):
    from django.contrib.auth.models import AnonymousUser

    from battrerygg.patients.access import may_see, visible_patients

    users = [cast.patient.user, cast.patient_b.user, cast.physio, cast.colleague,
             cast.other_physio, cast.clinic_admin, AnonymousUser()]
    for user in users:
        for patient in (cast.patient, cast.patient_b):
            assert may_see(user, patient) == visible_patients(user).filter(
                pk=patient.pk).exists(), (user, patient)
    cast.patient.user.is_active = False
    assert not may_see(cast.patient.user, cast.patient)


@pytest.mark.parametrize("who", ["colleague", "other_physio", "clinic_admin"])
def test_reads_that_take_a_patient_ask_the_access_layer(cast, anna_plan, who):
    from battrerygg.plan import queries

    _checkin, goal = anna_plan
    stranger = getattr(cast, who)
    for read in (lambda u: queries.next_checkin(u, cast.patient, None),
                 lambda u: queries.wants_email_reminders(u, cast.patient),
                 lambda u: queries.had_goal(u, cast.patient, goal.pk)):
        with pytest.raises(AccessDenied):
            read(stranger)
        with pytest.raises(AccessDenied):
            read(cast.patient_b.user)
        read(cast.patient.user)
        read(cast.physio)


def test_had_goal_tells_an_ended_goal_from_a_foreign_one(cast, anna_plan):
    from battrerygg.plan import queries

    _checkin, goal = anna_plan
    services.end_goal(goal, today=date(2026, 4, 1))  # two weeks on: kept, ended
    goal.refresh_from_db()
    assert goal.ends_on is not None
    assert queries.had_goal(cast.patient.user, cast.patient, goal.pk)
    assert not queries.had_goal(cast.patient_b.user, cast.patient_b, goal.pk)
