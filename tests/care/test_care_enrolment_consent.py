"""Enrolment (T2): consent recorded with what was agreed, when, by whom and how; without
consent nothing is written; a withdrawal is recorded too."""

from __future__ import annotations

import uuid

import pytest

from battrerygg.care.models import Consent
from tests.care.helpers import assess, enrol, snapshot


def url(patient):
    return f"/clinic/patients/{patient.ref}/enrol/"


def form(**extra):
    data = {"action": "enrol", "consent": "on", "method": "phone",
            "enrolled_on": "2026-03-10", "submission_key": str(uuid.uuid4())}
    data.update(extra)
    return data


def test_consent_is_recorded_in_the_patients_language(client, cast):
    cast.patient.user.language = "en"
    cast.patient.user.save()
    assess(cast.physio, cast.patient)
    client.force_login(cast.physio)
    page = client.get(url(cast.patient)).content.decode()
    assert "Taking part is voluntary" in page  # the text is read in the patient's language
    response = client.post(url(cast.patient), form())
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert (consent.recorded_by, consent.method, consent.language, consent.text_version) == (
        cast.physio, "phone", "en", "2026-11")
    assert "withdraw your consent at any time" in consent.text
    assert str(consent.enrolled_on) == "2026-03-10" and consent.active
    page = client.get(url(cast.patient)).content.decode()
    assert "Inskriven med samtycke" in page


def test_double_submit_makes_one_consent(client, cast):
    assess(cast.physio, cast.patient)
    client.force_login(cast.physio)
    data = form()
    client.post(url(cast.patient), data)
    before = snapshot()
    assert client.post(url(cast.patient), data).status_code == 302
    assert snapshot() == before and Consent.objects.count() == 1


@pytest.mark.parametrize(("extra", "message"), [
    ({"consent": ""}, "Patientens samtycke behövs"),
    ({"enrolled_on": "2026-03-01"}, "Inskrivningsdatumet måste ligga mellan"),
    ({"enrolled_on": "2026-03-11"}, "Inskrivningsdatumet måste ligga mellan"),
    ({"method": ""}, "Välj hur samtycket gavs."),
    ({"enrolled_on": "igår"}, "Ange ett datum som 2026-03-09."),
])
def test_bad_input_changes_nothing(client, cast, extra, message):
    assess(cast.physio, cast.patient)
    client.force_login(cast.physio)
    before = snapshot()
    response = client.post(url(cast.patient), form(**extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_no_enrolment_before_assessment(client, cast):
    client.force_login(cast.physio)
    before = snapshot()
    response = client.post(url(cast.patient), form())
    assert "Bedöm patienten innan du skriver in hen." in response.content.decode()
    assert snapshot() == before


def test_a_referred_patient_cannot_be_enrolled(cast):
    from battrerygg.care.services import CareError

    assess(cast.physio, cast.patient, stratum=None, classification="serious_pathology",
           referral_note="Ortoped")
    with pytest.raises(CareError) as info:
        enrol(cast.physio, cast.patient)
    assert info.value.code == "episode_ended"


def test_withdrawal_is_recorded_once(client, cast):
    assess(cast.physio, cast.patient)
    enrol(cast.physio, cast.patient)
    client.force_login(cast.physio)
    data = {"action": "withdraw", "method": "phone", "note": "Vill inte fortsätta."}
    assert client.post(url(cast.patient), data).status_code == 302
    consent = Consent.objects.get()
    assert consent.withdrawn_by == cast.physio and consent.withdrawal_method == "phone"
    when = consent.withdrawn_at
    before = snapshot()
    client.post(url(cast.patient), data)
    consent.refresh_from_db()
    assert consent.withdrawn_at == when and snapshot() == before
    assert "återkallat" in client.get(url(cast.patient)).content.decode()


def test_withdrawal_needs_a_consent(client, cast):
    client.force_login(cast.physio)
    before = snapshot()
    response = client.post(url(cast.patient), {"action": "withdraw", "method": "phone"})
    assert "Det finns inget samtycke att återkalla." in response.content.decode()
    assert snapshot() == before
