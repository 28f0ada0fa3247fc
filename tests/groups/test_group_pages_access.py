"""Who sees what on the group pages: patient B gets 404 for Anna's booking, calendar file
and cancel; a clinic admin sees counts, never names; the leader sees the roster and each
patient shown writes one audit row; other clinics get 404."""

from __future__ import annotations

import pytest
import time_machine

from battrerygg.audit.models import AuditEvent
from battrerygg.groups.models import Booking
from tests.groups.helpers import NOW, START, book_both, schedule


@pytest.fixture
def world(cast):
    return book_both(cast, capacity=1)


def _login(client, user):
    client.force_login(user)
    return client


def roster_rows():
    return AuditEvent.objects.filter(what="groups.roster")


@time_machine.travel(NOW, tick=False)
def test_patient_b_gets_404_for_annas_booking(client, cast, world):
    _session, anna, _ = world
    _login(client, cast.patient_b.user)
    assert client.get(f"/sessions/{anna.pk}/calendar.ics").status_code == 404
    assert client.post(f"/sessions/{anna.pk}/cancel/").status_code == 404
    page = client.get("/sessions/").content.decode()
    assert "På väntelistan, plats 1" in page
    anna.refresh_from_db()
    assert anna.status == "booked"


@time_machine.travel(NOW, tick=False)
def test_anna_sees_downloads_and_cancels_her_booking(client, cast, world):
    _session, anna, bertil = world
    _login(client, cast.patient.user)
    page = client.get("/sessions/").content.decode()
    assert "Mina grupptillfällen" in page and "Samlingsrummet" in page and "Bokad" in page
    ics = client.get(f"/sessions/{anna.pk}/calendar.ics")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert client.post(f"/sessions/{anna.pk}/cancel/").status_code == 302
    assert client.post(f"/sessions/{anna.pk}/cancel/").status_code == 302  # harmless repeat
    bertil.refresh_from_db()
    assert bertil.status == "booked"


def test_staff_and_anonymous_do_not_get_patient_pages(client, cast, world):
    _session, anna, _ = world
    assert client.get("/sessions/").status_code == 302  # to the login page
    _login(client, cast.physio)
    assert client.get("/sessions/").status_code == 403
    assert client.get(f"/sessions/{anna.pk}/calendar.ics").status_code == 403


@time_machine.travel(NOW, tick=False)
def test_clinic_admin_sees_counts_but_no_names(client, cast, world):
    session, _, _ = world
    _login(client, cast.clinic_admin)
    listing = client.get("/clinic/groups/").content.decode()
    detail = client.get(f"/clinic/groups/{session.pk}/").content.decode()
    for html in (listing, detail):
        assert "1 av 1 bokade" in html and "1 väntar" in html
        assert "Anna" not in html and "Bertil" not in html
    assert not roster_rows().exists()


@time_machine.travel(NOW, tick=False)
def test_the_leader_sees_the_roster_one_audit_row_per_patient(client, cast, world):
    session, _, _ = world
    _login(client, cast.physio)
    before = AuditEvent.objects.count()
    html = client.get(f"/clinic/groups/{session.pk}/").content.decode()
    assert "Anna Exempel" in html and "Bertil Exempel" in html
    assert AuditEvent.objects.count() - before == 2
    assert sorted(roster_rows().values_list("patient_id", flat=True)) == sorted(
        [cast.patient.pk, cast.patient_b.pk])
    assert set(roster_rows().values_list("clinic_id", "object_id")) == {
        (cast.clinic.pk, str(session.pk))}
    client.get("/clinic/groups/")  # the list: counts only
    assert AuditEvent.objects.count() - before == 2


@time_machine.travel(NOW, tick=False)
def test_a_colleague_sees_only_their_own_patients(client, cast, world):
    from battrerygg.patients.models import CareRelation

    session, _, _ = world
    _login(client, cast.colleague)
    html = client.get(f"/clinic/groups/{session.pk}/").content.decode()
    assert "Anna" not in html and "Bertil" not in html
    assert not roster_rows().exists()
    CareRelation.objects.create(physiotherapist=cast.colleague, patient=cast.patient,
                                clinic=cast.clinic)
    html = client.get(f"/clinic/groups/{session.pk}/").content.decode()
    assert "Anna Exempel" in html and "Bertil" not in html
    assert list(roster_rows().values_list("patient_id", flat=True)) == [cast.patient.pk]


@time_machine.travel(NOW, tick=False)
def test_other_clinic_gets_404(client, cast, world):
    session, anna, _ = world
    _login(client, cast.other_physio)
    for url in (f"/clinic/groups/{session.pk}/", f"/clinic/groups/{session.pk}/edit/",
                f"/clinic/groups/{session.pk}/cancel/",
                f"/clinic/patients/{cast.patient.ref}/sessions/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/clinic/groups/{session.pk}/cancel/").status_code == 404
    assert client.post(f"/clinic/groups/{session.pk}/attendance/",
                       {f"attended-{anna.pk}": "yes"}).status_code == 404
    assert "Ryggskola" not in client.get("/clinic/groups/").content.decode()
    session.refresh_from_db()
    assert session.cancelled_at is None


@time_machine.travel(NOW, tick=False)
def test_patients_page_writes_one_audit_row_and_books(client, cast):
    session = schedule(cast, capacity=1)
    _login(client, cast.physio)
    url = f"/clinic/patients/{cast.patient.ref}/sessions/"
    before = AuditEvent.objects.count()
    html = client.get(url).content.decode()
    assert "Boka in på ett grupptillfälle" in html and "1 av 1 platser kvar" in html
    assert AuditEvent.objects.count() - before == 1
    response = client.post(url, {"session": session.pk})
    assert response.status_code == 302
    client.post(url, {"session": session.pk})  # a double submit
    assert Booking.objects.filter(patient=cast.patient).count() == 1
    response = client.post(f"/clinic/patients/{cast.patient_b.ref}/sessions/",
                           {"session": session.pk}, follow=True)
    assert "Grupptillfället är fullt. Patienten står på väntelistan." in response.content.decode()
    assert Booking.objects.filter(session=session, status="booked").count() == 1


@time_machine.travel(NOW, tick=False)
def test_colleague_cannot_open_or_book_from_the_patients_page(client, cast):
    session = schedule(cast)
    _login(client, cast.colleague)
    url = f"/clinic/patients/{cast.patient.ref}/sessions/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"session": session.pk}).status_code == 404
    assert not Booking.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_scheduling_through_the_form_with_bad_input(client, cast):
    from battrerygg.groups.models import GroupSession

    _login(client, cast.physio)
    form = {"clinic": cast.clinic.pk, "kind": "education", "title": "Ryggskola",
            "date": "2026-03-31", "starts": "14:00", "ends": "15:30", "place": "Rum 2",
            "capacity": "10", "leader": cast.physio.pk,
            "submission_key": "0b7d6d6e-4f4c-4a57-9a59-3f1b0e6f2a11"}
    html = client.post("/clinic/groups/new/", form).content.decode()
    assert "Grupptillfället måste börja i framtiden." in html
    html = client.post("/clinic/groups/new/", form | {"date": "2026-04-09", "capacity": "0"}
                       ).content.decode()
    assert "Antalet platser måste vara från 1 till 50." in html
    html = client.post("/clinic/groups/new/", form | {"date": "2026-04-09",
                                                      "video_url": "http://x.se"}).content.decode()
    assert "börjar med https://" in html
    assert not GroupSession.objects.exists()
    response = client.post("/clinic/groups/new/", form | {"date": "2026-04-09"})
    assert response.status_code == 302
    session = GroupSession.objects.get()
    assert session.starts_at == START + __import__("datetime").timedelta(days=1)


def test_anonymous_goes_to_login_and_patients_get_403_on_staff_pages(client, cast):
    assert client.get("/clinic/groups/").status_code == 302
    assert client.get("/clinic/groups/material/").status_code == 302
    client.force_login(cast.patient.user)
    assert client.get("/clinic/groups/").status_code == 403
    assert client.get("/clinic/groups/material/").status_code == 403
