"""The new-patient form tells no one who is registered (SPEC §1, Q2; docs/privacy-security.md,
"A patient who moves clinic"): a personnummer registered at another clinic is answered
exactly like an unknown one; the registered patient is asked instead, on their page and by
e-mail, and only their yes lets the clinic see them."""

from __future__ import annotations

from datetime import date

import pytest

from battrerygg.audit.models import AuditEvent
from battrerygg.care.models import CareRequest
from battrerygg.patients.models import CareRelation, Patient
from tests.care.test_care_new_patient import post

DORA_PNR = "198112189876"


@pytest.fixture
def dora(cast):
    """A patient of the other clinic, registered with a personnummer."""
    from battrerygg.patients.services import register_patient

    return register_patient(email="dora@example.se", password=None, full_name="Dora Annan",
                            personnummer=DORA_PNR, clinic=cast.other_clinic,
                            episode_start=date(2026, 3, 1), language="en")


def _answer(client, response):
    """What the physiotherapist is shown: status, where to, and the page it leads to."""
    page = client.get(response["Location"]).content.decode()
    return response.status_code, response["Location"], page.split("<main")[1].split(
        'name="csrfmiddlewaretoken"')[0]


def test_a_number_registered_elsewhere_is_answered_like_an_unknown_one(
        client, cast, dora, mailoutbox):
    client.force_login(cast.physio)
    unknown = _answer(client, post(client, personnummer="19701063-2391",
                                   email="ny@example.se"))
    before = set(Patient.objects.values_list("pk", flat=True))
    registered = _answer(client, post(client, personnummer="19811218-9876",
                                      email="cecilia@example.se", full_name="Cecilia Ny"))
    assert registered == unknown
    assert "Dora" not in registered[2] and "Vårdcentralen B" not in registered[2]
    # nothing the physiotherapist may see was created
    assert set(Patient.objects.values_list("pk", flat=True)) == before
    assert not CareRelation.objects.filter(patient=dora).exclude(clinic=cast.other_clinic) \
        .exists()
    assert client.get(f"/clinic/patients/{dora.ref}/").status_code == 404
    # Dora is asked: a request, an e-mail to her own address, a row on her record
    request = CareRequest.objects.get(patient=dora)
    assert (request.clinic, request.physiotherapist, request.state) == (
        cast.clinic, cast.physio, "pending")
    assert [m.to for m in mailoutbox] == [["dora@example.se"]]
    assert "Vårdcentralen A" in mailoutbox[0].subject
    assert "/my-record/access/" in mailoutbox[0].body
    assert AuditEvent.objects.filter(patient=dora, what="care_relation.request",
                                     actor=cast.physio, clinic=cast.clinic).count() == 1


def test_the_same_form_again_asks_once(client, cast, dora, mailoutbox):
    client.force_login(cast.physio)
    post(client, submission_key="6f1c1f8e-1b1e-4b8a-9e0f-2d6a4a8d1c01")
    post(client, submission_key="6f1c1f8e-1b1e-4b8a-9e0f-2d6a4a8d1c01")
    post(client)  # a new key, still pending: asked once
    assert CareRequest.objects.filter(patient=dora).count() == 1
    assert len(mailoutbox) == 1


def test_the_patient_agrees_on_their_page_and_then_the_clinic_sees_them(client, cast, dora):
    client.force_login(cast.physio)
    post(client)
    request = CareRequest.objects.get(patient=dora)
    client.force_login(dora.user)
    page = client.get("/my-record/access/").content.decode()
    assert "Vårdcentralen A" in page and f"/my-record/access/requests/{request.pk}/" in page
    response = client.post(f"/my-record/access/requests/{request.pk}/", {"answer": "yes"})
    assert response.status_code == 302
    assert CareRelation.objects.filter(physiotherapist=cast.physio, patient=dora,
                                       clinic=cast.clinic, ended_at=None).exists()
    page = client.get("/my-record/access/").content.decode()
    assert "You agreed that physio@example.se at Vårdcentralen A cares for you." in page
    assert "began caring for you" in page
    client.force_login(cast.physio)
    assert client.get(f"/clinic/patients/{dora.ref}/").status_code == 200


def test_no_means_nothing_changes_and_only_the_patient_answers(client, cast, dora):
    client.force_login(cast.physio)
    post(client)
    request = CareRequest.objects.get(patient=dora)
    for someone in (cast.patient.user, cast.physio, cast.other_physio):
        client.force_login(someone)
        response = client.post(f"/my-record/access/requests/{request.pk}/", {"answer": "yes"})
        assert response.status_code in (403, 404)
    client.force_login(dora.user)
    client.post(f"/my-record/access/requests/{request.pk}/", {"answer": "no"})
    request.refresh_from_db()
    assert request.state == "declined"
    assert not CareRelation.objects.filter(physiotherapist=cast.physio, patient=dora).exists()
    # a changed mind later is refused with a message, nothing changes
    client.post(f"/my-record/access/requests/{request.pk}/", {"answer": "yes"})
    assert not CareRelation.objects.filter(physiotherapist=cast.physio, patient=dora).exists()


def test_an_e_mail_of_a_staff_account_is_answered_alike_and_changes_nothing(
        client, cast, mailoutbox):
    from tests.care.helpers import snapshot

    client.force_login(cast.physio)
    unknown = _answer(client, post(client, personnummer="19701063-2391",
                                   email="ny@example.se"))
    before = snapshot()
    taken = _answer(client, post(client, email="other@example.se"))
    assert taken == unknown
    assert snapshot() == before
    assert mailoutbox == []


def test_both_answers_wait_for_the_same_floor(client, cast, dora, settings, monkeypatch):
    """A valid form is answered no sooner than REGISTRATION_MIN_SECONDS in both cases
    (the view sleeps the rest; here the sleep is recorded, not slept)."""
    from battrerygg.care import views

    slept: list[float] = []
    monkeypatch.setattr(views.time, "sleep", slept.append)
    settings.REGISTRATION_MIN_SECONDS = 30
    client.force_login(cast.physio)
    post(client, personnummer="19701063-2391", email="ny@example.se")
    post(client)  # Dora's number
    assert len(slept) == 2 and all(25 < s <= 30 for s in slept)
