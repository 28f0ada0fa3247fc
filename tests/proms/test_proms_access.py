"""Every questionnaire route by role: the patient's own only; another patient gets 404;
staff get no patient pages; anonymous users go to the login page. Staff reads through the
queries need a care relation and are audited."""

from __future__ import annotations

from datetime import date

import pytest

from battrerygg.audit.models import AuditEvent
from battrerygg.patients.access import AccessDenied
from battrerygg.proms import queries, services
from tests.proms.helpers import answer


@pytest.fixture
def responses(cast):
    sent = answer(cast.patient, "nrs_back", {"pain": "6"}, day=date(2026, 3, 10))
    half = answer(cast.patient, "odi", {"pain_intensity": "3"}, day=date(2026, 3, 10),
                  submit=False)
    return sent, half


def routes(sent, half):
    return [
        ("get", f"/questionnaires/{half.pk}/1/"),
        ("post", f"/questionnaires/{half.pk}/1/"),
        ("get", f"/questionnaires/{half.pk}/summary/"),
        ("post", f"/questionnaires/{half.pk}/summary/"),
        ("get", f"/questionnaires/{sent.pk}/result/"),
    ]


def test_another_patient_gets_404_for_every_response_route(client, cast, responses):
    client.force_login(cast.patient_b.user)
    for method, path in routes(*responses):
        assert getattr(client, method)(path, {"answer": "1"}).status_code == 404, path


def test_anonymous_users_are_sent_to_the_login_page(client, cast, responses):
    for method, path in [*routes(*responses), ("get", "/questionnaires/"),
                         ("post", "/questionnaires/start/"),
                         ("get", "/questionnaires/history/odi/")]:
        response = getattr(client, method)(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["physio", "colleague", "other_physio", "clinic_admin"])
def test_staff_get_no_patient_pages(client, cast, responses, who):
    client.force_login(getattr(cast, who))
    for method, path in routes(*responses):
        assert getattr(client, method)(path).status_code in (403, 404), path


@pytest.mark.parametrize("who", ["colleague", "other_physio", "clinic_admin", "patient_b"])
def test_without_a_care_relation_the_queries_give_nothing(cast, responses, who):
    user = getattr(cast, who)
    user = getattr(user, "user", user)
    sent, _half = responses
    with pytest.raises(AccessDenied):
        queries.response(user, sent.pk)
    with pytest.raises(AccessDenied):
        queries.due_questionnaires(user, cast.patient, date(2026, 3, 10))
    with pytest.raises(AccessDenied):
        queries.submitted(user, cast.patient)
    with pytest.raises(AccessDenied):
        services.start_response(cast.patient, "odi", "baseline", actor=user,
                                today=date(2026, 3, 10))
    with pytest.raises(AccessDenied):
        services.assign_questionnaire(cast.patient, "odi", date(2026, 3, 10), actor=user)


def test_the_physiotherapist_reads_through_the_queries_and_is_audited(cast, responses):
    sent, _half = responses
    assert queries.response(cast.physio, sent.pk) == sent
    assert AuditEvent.objects.filter(actor=cast.physio, action="read",
                                     what="proms.response").count() == 1
    with pytest.raises(AccessDenied):  # physiotherapists read; patients answer
        queries.response_for_change(cast.physio, sent.pk)


def test_the_physiotherapist_may_enter_a_paper_form(cast):
    r = answer(cast.patient, "startback",
               {f"sb{n}": "disagree" for n in range(1, 10) if n != 9} | {"sb9": "slightly"},
               day=date(2026, 3, 9), actor=cast.physio)
    assert r.entered_by == cast.physio and r.category == "low"
    assert AuditEvent.objects.filter(actor=cast.physio, what="proms.submit").count() == 1
