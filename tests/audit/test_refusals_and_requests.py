"""Refused attempts are audit events, every row names its request, and a row keeps the
actor's name, role and clinic as they were then (SPEC Q2; issue 11 items 7 and 9)."""

from __future__ import annotations

import logging
import re

from battrerygg.audit.models import AuditEvent


def test_each_refused_attempt_is_a_row(client, cast):
    """57 tries at A's page by a colleague without a care relation: 57 rows, each with the
    actor (name, role), the patient named in the URL, the path, address and request id."""
    client.force_login(cast.colleague)
    url = f"/clinic/patients/{cast.patient.ref}/"
    ids = set()
    for _ in range(57):
        response = client.get(url)
        assert response.status_code == 404
        ids.add(response["X-Request-ID"])
    rows = list(AuditEvent.objects.filter(action="denied").order_by("seq"))
    assert len(rows) == 57
    assert {r.request_id for r in rows} == ids and len(ids) == 57
    row = rows[0]
    assert (row.actor, row.actor_name, row.actor_role) == (
        cast.colleague, "colleague@example.se", "physiotherapist")
    assert row.patient == cast.patient and row.what == "request"
    assert row.object_id == f"GET {url}" and row.address == "127.0.0.1"


def test_a_page_of_another_role_is_a_refused_row(client, cast):
    client.force_login(cast.patient.user)
    assert client.get("/clinic/").status_code == 403
    row = AuditEvent.objects.get(action="denied")
    assert row.actor == cast.patient.user and row.patient is None
    assert row.object_id == "GET /clinic/"


def test_not_logged_in_is_no_refusal_and_unknown_refs_name_no_patient(client, cast):
    assert client.get(f"/clinic/patients/{cast.patient.ref}/").status_code == 302
    assert not AuditEvent.objects.filter(action="denied").exists()
    client.force_login(cast.other_physio)
    client.get("/clinic/patients/00000000-0000-4000-8000-000000000000/")
    assert AuditEvent.objects.get(action="denied").patient is None


def test_a_read_row_carries_the_request_id_and_address(client, cast):
    client.force_login(cast.physio)
    response = client.get(f"/clinic/patients/{cast.patient.ref}/", REMOTE_ADDR="192.0.2.7")
    row = AuditEvent.objects.filter(action="read").latest("seq")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert row.request_id == response["X-Request-ID"] and row.address == "192.0.2.7"
    assert (row.actor_name, row.actor_role, row.clinic_name) == (
        "physio@example.se", "physiotherapist", "Vårdcentralen A")


def test_the_request_log_names_the_request(client, cast, caplog):
    """403 (logged inside the middleware) and 404 (logged by Django after it)."""
    from battrerygg.audit.context import RequestIdFilter

    client.force_login(cast.patient.user)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        refused = client.get("/clinic/")
        missing = client.get("/does-not-exist/")
    for record in caplog.records:
        RequestIdFilter().filter(record)
    assert [r.request_id for r in caplog.records] == [refused["X-Request-ID"],
                                                      missing["X-Request-ID"]]


def test_a_proxys_request_id_is_kept_only_behind_our_proxy(client, settings):
    given = "abcdef12-3456"
    assert client.get("/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] != given
    settings.BEHIND_PROXY = True
    assert client.get("/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    assert client.get("/", HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"


def test_renaming_the_reader_does_not_rewrite_the_patients_page(client, cast):
    """The patient's "who has read my record" shows the name and clinic of the row."""
    cast.physio.full_name = "Petra Fysio"
    cast.physio.save()
    client.force_login(cast.physio)
    client.get(f"/clinic/patients/{cast.patient.ref}/")
    cast.physio.full_name = "Petra Omdöpt"
    cast.physio.save()
    cast.clinic.name = "Nytt namn"
    cast.clinic.save()
    client.force_login(cast.patient.user)
    html = client.get("/my-record/reads/").content.decode()
    assert "Petra Fysio" in html and "Vårdcentralen A" in html
    assert "Petra Omdöpt" not in html and "Nytt namn" not in html


def test_every_response_has_a_permissions_policy(client, cast):
    for path in ("/", "/does-not-exist/", "/guide/"):
        policy = client.get(path)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy


def test_an_oversized_body_is_refused(client, cast, settings):
    client.force_login(cast.patient.user)
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    assert client.post("/diary/new/", {"description": big}).status_code == 400


def test_refusals_that_views_answer_themselves_are_rows_too(client, cast, log_activity):
    """B sends the 24-hour value of A's entry, and ends A's goal: two 404s, two rows."""
    from datetime import date

    from battrerygg.plan.services import set_goal

    entry = log_activity(cast.patient, date(2026, 3, 10))
    goal = set_goal(cast.patient, activity="walking", unit="minutes", target=60,
                    today=date(2026, 3, 10))
    client.force_login(cast.patient_b.user)
    assert client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"}).status_code == 404
    assert client.post(f"/goals/{goal.pk}/end/").status_code == 404
    rows = AuditEvent.objects.filter(action="denied").order_by("seq")
    assert [(r.actor, r.object_id) for r in rows] == [
        (cast.patient_b.user, f"POST /diary/{entry.pk}/follow-up/"),
        (cast.patient_b.user, f"POST /goals/{goal.pk}/end/")]
