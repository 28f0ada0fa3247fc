"""SPEC P8: baseline questionnaires due at enrolment, follow-ups at 3, 6 and 12 months
(calendar months, 30-day window), assigned ones from their date; shown on the start page."""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine

from battrerygg.proms import queries, services
from tests.proms.helpers import answer


def due(cast, day):
    return [(d.timepoint, d.instrument)
            for d in queries.due_questionnaires(cast.patient.user, cast.patient, day)]


def test_baseline_at_enrolment(cast):
    assert due(cast, date(2026, 3, 9)) == [("baseline", "nrs_back"), ("baseline", "nrs_leg"),
                                           ("baseline", "startback"), ("baseline", "odi")]


def test_sent_questionnaires_are_no_longer_due(cast):
    answer(cast.patient, "nrs_back", {"pain": "6"}, day=date(2026, 3, 9))
    assert ("baseline", "nrs_back") not in due(cast, date(2026, 3, 10))


def test_follow_ups_fall_due_at_3_6_and_12_months(cast):
    assert due(cast, date(2026, 5, 1)) == []
    for day, timepoint in ((date(2026, 6, 9), "3m"), (date(2026, 9, 9), "6m"),
                           (date(2027, 3, 9), "12m")):
        assert due(cast, day) == [(timepoint, "nrs_back"), (timepoint, "nrs_leg"),
                                  (timepoint, "odi")]
    assert due(cast, date(2026, 7, 10)) == []  # the 3-month window has closed


def test_an_assigned_questionnaire_is_due_from_its_date_until_sent(cast):
    task = services.assign_questionnaire(cast.patient, "odi", date(2026, 4, 20),
                                         actor=cast.physio)
    assert ("assigned", "odi") not in due(cast, date(2026, 4, 19))
    assert ("assigned", "odi") in due(cast, date(2026, 4, 20))
    assert ("assigned", "odi") in due(cast, date(2026, 5, 30))
    sections = ["pain_intensity", "personal_care", "lifting", "walking", "sitting",
                "standing", "sleeping", "sex_life", "social_life", "travelling"]
    answer(cast.patient, "odi", dict.fromkeys(sections, "1"), day=date(2026, 4, 21),
           timepoint="assigned", assignment=task)
    assert ("assigned", "odi") not in due(cast, date(2026, 4, 22))


def test_the_start_page_shows_what_is_due(client, cast):
    client.force_login(cast.patient.user)
    html = client.get("/").content.decode()
    assert "Formulär att svara på" in html and "STarT Back: bedömning av risk" in html
    with time_machine.travel(datetime(2026, 6, 10, 9, tzinfo=UTC), tick=False):
        client.force_login(cast.patient.user)
        html = client.get("/").content.decode()
        assert "Efter 3 månader" in html and "STarT Back" not in html
    with time_machine.travel(datetime(2026, 5, 10, 9, tzinfo=UTC), tick=False):
        client.force_login(cast.patient.user)
        assert "Formulär att svara på" not in client.get("/").content.decode()


def test_a_patient_created_by_createuser_has_the_baseline_due(db, monkeypatch):
    import io

    from django.core.management import call_command

    from battrerygg.patients.models import Patient

    monkeypatch.setattr("sys.stdin", io.StringIO("Ett-bra-losenord-2026\n"))
    call_command("createuser", "--email", "ny@example.se", "--password-stdin",
                 stdout=io.StringIO())
    patient = Patient.objects.get(user__email="ny@example.se")
    found = queries.due_questionnaires(patient.user, patient, date(2026, 3, 10))
    assert [d.instrument for d in found] == ["nrs_back", "nrs_leg", "startback", "odi"]
