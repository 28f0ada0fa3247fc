"""SPEC Q3: repeat submissions are harmless: the same answer twice, the summary sent
twice (double click, reload), a start twice."""

from __future__ import annotations

import uuid
from datetime import date

from battrerygg.audit.models import AuditEvent
from battrerygg.proms import services
from battrerygg.proms.models import Response


def test_saving_the_same_answer_twice_changes_nothing(cast):
    r, created = services.start_response(cast.patient, "nrs_back", "baseline",
                                         actor=cast.patient.user, today=date(2026, 3, 10))
    assert created
    assert services.save_answer(r, "pain", "5", actor=cast.patient.user) is True
    assert services.save_answer(r, "pain", " 5 ", actor=cast.patient.user) is False
    assert AuditEvent.objects.filter(what="proms.answer").count() == 1


def test_starting_twice_resumes(cast):
    first, _ = services.start_response(cast.patient, "odi", "baseline",
                                       actor=cast.patient.user, today=date(2026, 3, 10))
    again, created = services.start_response(cast.patient, "odi", "baseline",
                                             actor=cast.patient.user, today=date(2026, 3, 11))
    assert again == first and not created
    assert Response.objects.count() == 1


def test_sending_twice_sends_once(client, cast):
    client.force_login(cast.patient.user)
    client.post("/questionnaires/start/", {"instrument": "nrs_back", "timepoint": "baseline"})
    r = Response.objects.get()
    client.post(f"/questionnaires/{r.pk}/1/", {"answer": "6", "go": "next"})
    key = str(uuid.uuid4())
    first = client.post(f"/questionnaires/{r.pk}/summary/", {"submission_key": key})
    second = client.post(f"/questionnaires/{r.pk}/summary/", {"submission_key": key})
    assert first["Location"] == second["Location"] == f"/questionnaires/{r.pk}/result/"
    assert AuditEvent.objects.filter(what="proms.submit").count() == 1
    r.refresh_from_db()
    assert r.total == 6 and r.status == "submitted"
