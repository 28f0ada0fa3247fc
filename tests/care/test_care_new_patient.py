"""A physiotherapist registers a new patient: account without a password, first episode,
care relation at their clinic; bad input changes nothing."""

from __future__ import annotations

import uuid

import pytest

from battrerygg.audit.models import AuditEvent
from battrerygg.patients.models import CareRelation, Patient
from tests.care.helpers import snapshot

URL = "/clinic/patients/new/"


def post(client, **extra):
    data = {"full_name": "Cecilia Ny", "email": "Cecilia@Example.se",
            "personnummer": "198112189876", "language": "en",
            "submission_key": str(uuid.uuid4())}
    data.update(extra)
    return client.post(URL, data)


def test_creates_account_episode_and_care_relation(client, cast):
    client.force_login(cast.physio)
    assert client.get(URL).status_code == 200
    response = post(client)
    patient = Patient.objects.get(user__email="cecilia@example.se")
    # the same answer whether the person was new or registered elsewhere
    # (tests/care/test_care_registered_elsewhere.py)
    assert response.status_code == 302
    assert response["Location"] == "/clinic/patients/new/"
    assert patient.personnummer == "198112189876"
    assert patient.clinic == cast.clinic
    assert not patient.user.has_usable_password()
    assert patient.user.language == "en" and patient.user.full_name == "Cecilia Ny"
    assert [str(e.start_date) for e in patient.episodes.all()] == ["2026-03-10"]
    assert CareRelation.objects.filter(physiotherapist=cast.physio, patient=patient,
                                       clinic=cast.clinic, ended_at=None).exists()
    whats = set(AuditEvent.objects.filter(patient=patient).values_list("what", flat=True))
    assert {"patient", "care_relation"} <= whats
    assert "198112189876" not in response["Location"]


def test_samordningsnummer_is_accepted_and_shown_masked(client, cast):
    client.force_login(cast.physio)
    post(client, personnummer="701063-2391")
    patient = Patient.objects.get(user__email="cecilia@example.se")
    assert patient.personnummer == "197010632391"
    html = client.get(f"/clinic/patients/{patient.ref}/assessment/").content.decode()
    assert "19701063-****" in html and "2391" not in html


def test_the_same_form_twice_creates_one_patient(client, cast):
    client.force_login(cast.physio)
    key = str(uuid.uuid4())
    first = post(client, submission_key=key)
    second = post(client, submission_key=key)
    assert first["Location"] == second["Location"] == "/clinic/patients/new/"
    assert Patient.objects.filter(user__email="cecilia@example.se").count() == 1


@pytest.mark.parametrize(("extra", "message"), [
    ({"personnummer": "19121212-1213"},
     "Det här är inte ett giltigt personnummer eller samordningsnummer."),
    ({"personnummer": "hej"},
     "Det här är inte ett giltigt personnummer eller samordningsnummer."),
    ({"email": "inte-en-adress"}, "Fyll i en giltig e-postadress."),
    ({"full_name": ""}, "Detta fält måste fyllas i."),
])
def test_bad_input_changes_nothing(client, cast, extra, message):
    client.force_login(cast.physio)
    before = snapshot()
    response = post(client, **extra)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_a_physio_of_two_clinics_chooses_one_of_theirs(client, cast):
    from battrerygg.accounts.models import Clinic, StaffMembership

    second = Clinic.objects.create(name="Vårdcentralen C")
    StaffMembership.objects.create(user=cast.physio, clinic=second)
    client.force_login(cast.physio)
    assert "Vårdcentralen C" in client.get(URL).content.decode()
    before = snapshot()
    for choice in (str(cast.other_clinic.pk), ""):
        response = post(client, clinic=choice)
        assert response.status_code == 400
        assert "Välj en av dina mottagningar." in response.content.decode()
    assert snapshot() == before
    post(client, clinic=str(second.pk))
    patient = Patient.objects.get(user__email="cecilia@example.se")
    assert patient.clinic == second
    assert patient.care_relations.get().clinic == second


@pytest.mark.parametrize("who", ["clinic_admin", "patient"])
def test_others_may_not_register_patients(client, cast, who):
    user = cast.patient.user if who == "patient" else cast.clinic_admin
    client.force_login(user)
    before = snapshot()
    assert client.get(URL).status_code == 403
    assert post(client).status_code == 403
    assert snapshot() == before


def test_anonymous_goes_to_login(client, cast):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
