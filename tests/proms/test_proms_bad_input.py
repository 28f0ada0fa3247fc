"""SPEC Q3: bad input gets a clear Swedish error and changes nothing (no answer, no
response, no audit row)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from battrerygg.audit.models import AuditEvent
from battrerygg.proms import services
from battrerygg.proms.models import Response
from tests.proms.helpers import answer


@pytest.fixture
def odi(client, cast):
    client.force_login(cast.patient.user)
    client.post("/questionnaires/start/", {"instrument": "odi", "timepoint": "baseline"})
    return Response.objects.get()


def snapshot():
    return (list(Response.objects.values_list("pk", "answers", "status")),
            AuditEvent.objects.exclude(action__in=("read", "denied"))
            .exclude(what__startswith="auth.").count())


@pytest.mark.parametrize("raw,message", [
    ("6", "Välj ett av svaren som visas."),  # not an option of an ODI section
    ("agree", "Välj ett av svaren som visas."),
])
def test_an_answer_code_not_in_the_options(client, odi, raw, message):
    before = snapshot()
    response = client.post(f"/questionnaires/{odi.pk}/1/", {"answer": raw, "go": "next"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("raw,message", [
    ("11", "Svaret ligger utanför frågans skala."),
    ("-1", "Svaret ligger utanför frågans skala."),
    ("5,5", "Ange ett heltal."),
])
def test_a_value_out_of_range(client, cast, raw, message):
    client.force_login(cast.patient.user)
    client.post("/questionnaires/start/", {"instrument": "nrs_back", "timepoint": "baseline"})
    r = Response.objects.get()
    before = snapshot()
    response = client.post(f"/questionnaires/{r.pk}/1/", {"answer": raw, "go": "next"})
    assert response.status_code == 400 and message in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("data", [
    {"instrument": "odi", "timepoint": "3m"},  # not due until June
    {"instrument": "pseq", "timepoint": "baseline"},  # not in the baseline set
    {"instrument": "sf36", "timepoint": "baseline"},  # no such instrument
    {"instrument": "odi", "timepoint": "yesterday"},
    {"instrument": "odi", "timepoint": "assigned", "assignment": "999"},
])
def test_a_questionnaire_that_is_not_due(client, cast, data):
    client.force_login(cast.patient.user)
    before = snapshot()
    response = client.post("/questionnaires/start/", data, follow=True)
    html = response.content.decode()
    assert ("Det här formuläret ska du inte svara på nu." in html
            or "Det finns inget sådant formulär." in html)
    assert snapshot() == before


def test_another_patients_assignment_is_not_due(client, cast):
    task = services.assign_questionnaire(cast.patient_b, "odi", date(2026, 3, 10),
                                         actor=cast.physio)
    client.force_login(cast.patient.user)
    before = snapshot()
    response = client.post("/questionnaires/start/", {
        "instrument": "odi", "timepoint": "assigned", "assignment": str(task.pk)}, follow=True)
    assert "Det här formuläret ska du inte svara på nu." in response.content.decode()
    assert snapshot() == before


def test_another_patients_response_is_not_found(client, cast):
    other = answer(cast.patient_b, "nrs_back", {"pain": "4"}, day=date(2026, 3, 10),
                   submit=False)
    client.force_login(cast.patient.user)
    before = snapshot()
    response = client.post(f"/questionnaires/{other.pk}/1/", {"answer": "9", "go": "next"})
    assert response.status_code == 404
    assert snapshot() == before


def test_a_sent_form_cannot_be_changed(client, cast):
    sent = answer(cast.patient, "nrs_back", {"pain": "6"}, day=date(2026, 3, 10))
    before = snapshot()
    with pytest.raises(services.PromsError) as info:
        services.save_answer(sent, "pain", "2", actor=cast.patient.user)
    assert info.value.code == "already_submitted"
    client.force_login(cast.patient.user)
    response = client.post(f"/questionnaires/{sent.pk}/1/", {"answer": "2", "go": "next"})
    assert response["Location"] == f"/questionnaires/{sent.pk}/result/"
    assert snapshot() == before


def test_an_incomplete_startback_cannot_be_sent(client, cast):
    client.force_login(cast.patient.user)
    client.post("/questionnaires/start/", {"instrument": "startback", "timepoint": "baseline"})
    r = Response.objects.get()
    client.post(f"/questionnaires/{r.pk}/1/", {"answer": "agree", "go": "next"})
    before = snapshot()
    response = client.post(f"/questionnaires/{r.pk}/summary/",
                           {"submission_key": str(uuid.uuid4())})
    assert response.status_code == 400
    assert "Svara på alla frågor innan du skickar formuläret." in response.content.decode()
    assert snapshot() == before


def test_a_psfs_without_any_rated_activity_cannot_be_sent(cast):
    task = services.assign_questionnaire(cast.patient, "psfs", date(2026, 3, 10),
                                         actor=cast.physio)
    r = answer(cast.patient, "psfs", {"a1": "Cykla"}, day=date(2026, 3, 10),
               timepoint="assigned", assignment=task, submit=False)
    with pytest.raises(services.PromsError) as info:
        services.submit_response(r, submission_key=uuid.uuid4(), actor=cast.patient.user)
    assert info.value.code == "no_activity"
    r.refresh_from_db()
    assert r.status == "in_progress"


def test_an_odi_with_two_sections_unanswered_cannot_be_sent(client, odi):
    """It would have no score (SPEC C4 refinement: at most one section unanswered) and use
    up the baseline: refused, with a clear message."""
    for number, value in enumerate(["1", "2", "1", "0", "2", "1", "1", "0"], start=1):
        client.post(f"/questionnaires/{odi.pk}/{number}/", {"answer": value, "go": "next"})
    before = snapshot()
    message = "För många frågor är obesvarade för att ge ett resultat."
    assert message in client.get(f"/questionnaires/{odi.pk}/summary/").content.decode()
    response = client.post(f"/questionnaires/{odi.pk}/summary/",
                           {"submission_key": str(uuid.uuid4())})
    assert response.status_code == 400 and message in response.content.decode()
    assert snapshot() == before
    odi.refresh_from_db()
    assert odi.status == Response.Status.IN_PROGRESS


def test_an_empty_odi_cannot_be_sent(client, odi):
    before = snapshot()
    client.post(f"/questionnaires/{odi.pk}/summary/", {"submission_key": str(uuid.uuid4())})
    assert snapshot() == before
    with pytest.raises(services.PromsError, match="too_many_unanswered"):
        services.submit_response(odi, submission_key=uuid.uuid4(), actor=odi.patient.user)


@pytest.mark.parametrize("raw", ["--5", "1" * 5000, "²", "-"])
def test_odd_numbers_are_refused_not_crashed(client, cast, raw):
    client.force_login(cast.patient.user)
    client.post("/questionnaires/start/", {"instrument": "nrs_back", "timepoint": "baseline"})
    r = Response.objects.get()
    for go in ("next", "back"):
        response = client.post(f"/questionnaires/{r.pk}/1/", {"answer": raw, "go": go})
        assert response.status_code in (302, 400)
    assert Response.objects.get().answers == {}


@pytest.mark.parametrize("assignment", ["²", "9" * 5000])
def test_odd_assignment_numbers_are_not_due(client, cast, assignment):
    client.force_login(cast.patient.user)
    response = client.post("/questionnaires/start/", {
        "instrument": "psfs", "timepoint": "assigned", "assignment": assignment}, follow=True)
    assert response.status_code == 200
    assert "Det här formuläret ska du inte svara på nu." in response.content.decode()
    assert not Response.objects.exists()


def test_a_scheduled_questionnaire_closes_with_its_window(client, cast):
    """Started in the baseline window and left: after the window it can be neither
    resumed, answered nor sent (it would not be the baseline value any more)."""
    from datetime import UTC, datetime

    import time_machine

    client.force_login(cast.patient.user)
    client.post("/questionnaires/start/", {"instrument": "nrs_back", "timepoint": "baseline"})
    r = Response.objects.get()
    with time_machine.travel(datetime(2026, 5, 20, 9, tzinfo=UTC), tick=False):
        client.force_login(cast.patient.user)
        before = snapshot()
        page = client.post("/questionnaires/start/", {"instrument": "nrs_back",
                                                      "timepoint": "baseline"}, follow=True)
        assert "Tiden för att svara på det här frågeformuläret har gått ut" in \
            page.content.decode()
        answered = client.post(f"/questionnaires/{r.pk}/1/", {"answer": "4", "go": "next"})
        assert answered.status_code == 400
        with pytest.raises(services.PromsError, match="closed"):
            services.submit_response(r, submission_key=uuid.uuid4(), actor=cast.patient.user)
        assert snapshot() == before
