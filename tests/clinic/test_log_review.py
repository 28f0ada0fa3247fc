"""The clinic's access-log review (SPEC T8, issue 11 item 8): the clinic admin searches the
log of their clinics by patient, staff member and period; reads without a care relation and
unusual volumes come first; the export is CSV for Swedish Excel; the review is logged."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from battrerygg.audit.services import record_read
from battrerygg.clinic import log_review

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _search(client, **data):
    base = {"start": "2026-03-14", "end": "2026-03-20", "patient": "", "staff": ""}
    return client.post("/clinic/log/", {**base, **data})


def test_reads_without_a_care_relation_come_first(client, frozen, cast):
    """The colleague has no care relation with A: their read (made, say, through an export
    outside a page) is first, marked; the physiotherapist's reads follow."""
    client.force_login(cast.physio)
    client.get(f"/clinic/patients/{cast.patient.ref}/")
    record_read(actor=cast.colleague, patient=cast.patient, what=What.DIARY)
    client.get(f"/clinic/patients/{cast.patient_b.ref}/")
    client.force_login(cast.clinic_admin)
    response = client.get("/clinic/log/")
    assert response.status_code == 200
    rows = response.context["result"].rows
    assert rows[0].event.actor == cast.colleague and rows[0].no_relation
    assert not any(r.no_relation for r in rows[1:])
    html = response.content.decode()
    assert "Ingen vårdrelation" in html and "19121212-****" in html
    assert "Anna Exempel" not in html  # a masked personnummer, no names


def test_search_by_patient_staff_and_period(client, frozen, cast):
    client.force_login(cast.physio)
    client.get(f"/clinic/patients/{cast.patient.ref}/")
    client.get(f"/clinic/patients/{cast.patient_b.ref}/")
    client.force_login(cast.clinic_admin)
    by_pnr = _search(client, patient="191212121212").context["result"]
    assert {r.event.patient for r in by_pnr.rows} == {cast.patient}
    by_ref = _search(client, patient=str(cast.patient_b.ref)).context["result"]
    assert {r.event.patient for r in by_ref.rows} == {cast.patient_b}
    by_staff = _search(client, staff=str(cast.physio.pk)).context["result"]
    assert {r.event.actor for r in by_staff.rows} == {cast.physio}
    assert by_staff.total == 3  # two reads and the login (audit.auth_events)
    earlier = _search(client, start="2026-03-01", end="2026-03-08").context["result"]
    assert earlier.total == 0


def test_unknown_or_foreign_patients_and_bad_periods_are_form_errors(client, frozen, cast):
    from battrerygg.patients.services import register_patient

    foreign = register_patient(email="c@example.se", password="Test-password-2026",
                               full_name="C", clinic=cast.other_clinic,
                               episode_start=date(2026, 3, 9))
    client.force_login(cast.clinic_admin)
    for patient in ("nobody", "19000101-0000", str(foreign.ref), "99999999999999999999"):
        assert _search(client, patient=patient).status_code == 400, patient
    assert _search(client, start="2026-03-20", end="2026-03-01").status_code == 400
    assert _search(client, start="2024-01-01", end="2026-03-01").status_code == 400
    assert _search(client, staff="99999999999999999999").status_code == 400
    assert _search(client, staff=str(cast.other_physio.pk)).status_code == 400


def test_only_the_clinics_own_log(client, frozen, cast):
    """Reads at another clinic by its staff are not the clinic admin's to review."""
    from battrerygg.patients.models import CareRelation
    from battrerygg.patients.services import register_patient

    foreign = register_patient(email="c@example.se", password="Test-password-2026",
                               full_name="C", clinic=cast.other_clinic,
                               episode_start=date(2026, 3, 9))
    CareRelation.objects.create(physiotherapist=cast.other_physio, patient=foreign,
                                clinic=cast.other_clinic)
    client.force_login(cast.other_physio)
    client.get(f"/clinic/patients/{foreign.ref}/")
    client.get(f"/clinic/patients/{cast.patient.ref}/")  # refused: a try at A, shown
    client.force_login(cast.clinic_admin)
    rows = client.get("/clinic/log/").context["result"].rows
    assert foreign not in {r.event.patient for r in rows}
    assert [r.event.action for r in rows if r.event.actor == cast.other_physio] == ["denied"]


def test_unusual_volumes_come_first(client, frozen, cast, settings):
    settings.LOG_REVIEW_DAILY_PATIENTS = 1
    record_read(actor=cast.physio, patient=cast.patient, what=What.DIARY)
    record_read(actor=cast.physio, patient=cast.patient_b, what=What.DIARY)
    client.force_login(cast.clinic_admin)
    rows = client.get("/clinic/log/").context["result"].rows
    flagged = [r for r in rows if r.unusual]
    assert {r.event.actor for r in flagged} == {cast.physio} and len(flagged) >= 2
    assert rows[: len(flagged)] == flagged or rows[0].no_relation
    settings.LOG_REVIEW_DAILY_PATIENTS = 2
    assert not any(r.unusual for r in client.get("/clinic/log/").context["result"].rows)


def test_reviewing_is_itself_logged(client, frozen, cast):
    client.force_login(cast.clinic_admin)
    response = _search(client, patient="19121212-1212")
    row = AuditEvent.objects.filter(actor=cast.clinic_admin).latest("seq")
    assert (row.action, row.what, row.patient) == ("read", "access_log", cast.patient)
    assert row.request_id == response["X-Request-ID"]
    assert str(cast.patient.ref) in row.object_id and "1212" not in row.object_id.split()[0]
    _search(client, export="csv")
    row = AuditEvent.objects.filter(actor=cast.clinic_admin).latest("seq")
    assert (row.action, row.what, row.patient) == ("export", "access_log", None)
    # the patient sees that their log was read
    client.force_login(cast.patient.user)
    assert "admin@example.se" in client.get("/my-record/reads/").content.decode()


def test_the_export_is_csv_for_swedish_excel(client, frozen, cast):
    from battrerygg.audit.services import record_denied

    record_denied(actor=cast.colleague, patient=cast.patient, object_id="=HYPERLINK(1)")
    client.force_login(cast.clinic_admin)
    response = _search(client, export="csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0].split(";")[:3] == ["time", "staff_member", "role"]
    assert lines[-1] == "" and all("\n" not in line for line in lines)
    assert "'=HYPERLINK(1)" in text and ";=HYPERLINK" not in text


def test_spreadsheet_cells_are_neutralised():
    from battrerygg.interop.spreadsheet import cell, rows_to_csv

    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert cell(text) == "'" + text
    assert cell(-1) == "-1" and cell(1.5) == "1,5" and cell(None) == ""
    assert "".join(rows_to_csv(["a", "b"], [["x;y", 'q"']])) == \
        '\ufeffa;b\r\n"x;y";"q"""\r\n'


def test_a_search_costs_a_bounded_number_of_queries(client, frozen, cast):
    client.force_login(cast.physio)
    for _ in range(3):
        client.get(f"/clinic/patients/{cast.patient.ref}/")
    client.force_login(cast.clinic_admin)
    client.get("/clinic/log/")
    with CaptureQueriesContext(connection) as few:
        client.get("/clinic/log/")
    client.force_login(cast.physio)
    for _ in range(30):
        client.get(f"/clinic/patients/{cast.patient_b.ref}/")
    client.force_login(cast.clinic_admin)
    client.get("/clinic/log/")  # the first request of a login records the session
    with CaptureQueriesContext(connection) as many:
        client.get("/clinic/log/")
    assert len(many) == len(few) < 25


@pytest.mark.parametrize("who", ["physio", "patient"])
def test_nobody_else_reviews(client, cast, who):
    user = cast.physio if who == "physio" else cast.patient.user
    client.force_login(user)
    assert client.get("/clinic/log/").status_code == 403
    assert log_review.staff_choices(user) == []


def test_every_key_has_a_name_for_the_reviewer():
    from battrerygg.audit.texts import REVIEW, review_label

    assert sorted(set(What) - set(REVIEW)) == []
    assert review_label("no.such.key") == "no.such.key"
