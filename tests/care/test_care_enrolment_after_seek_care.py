"""Enrolling a patient whose assessment's warning signs send them to care (emergency, seek
care today, seek care soon: ``red_flags.needs_care``) needs a recorded clinical note
(SPEC C2, issue 12); contact the physiotherapist and self-care need none."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.utils import translation

from battrerygg.care import services
from battrerygg.care.models import Consent
from battrerygg.care.texts import ERRORS
from tests.care.helpers import STARTBACK, red_flags, snapshot


def assess_with(physio, patient, *yes: str):
    return services.record_assessment(
        physio, patient,
        services.AssessmentInput(red_flags=red_flags(yes), classification="non_specific",
                                 paper={"startback": STARTBACK["medium"]}),
        submission_key=uuid.uuid4(),
    )


def enrol(physio, patient, note=""):
    return services.enrol(physio, patient, consent_given=True, method="in_person",
                          enrolled_on=date(2026, 3, 10), submission_key=uuid.uuid4(),
                          red_flag_note=note)


def url(patient):
    return f"/clinic/patients/{patient.ref}/enrol/"


@pytest.mark.parametrize(("situation", "sign", "outcome"), [
    ("fever: seek care today", "fever_or_generally_ill", "seek_care_today"),
    ("after a fall: seek care today", "after_accident_or_fall", "seek_care_today"),
    ("earlier cancer: seek care soon", "history_of_cancer", "seek_care_soon"),
    ("inflammatory back pain: seek care soon", "inflammatory_back_pain", "seek_care_soon"),
])
def test_a_seek_care_outcome_needs_a_note(cast, situation, sign, outcome):
    assessment, _ = assess_with(cast.physio, cast.patient, sign)
    assert assessment.red_flag_outcome == outcome, situation
    before = snapshot()
    for blank in ("", "   "):
        with pytest.raises(services.CareError) as caught:
            enrol(cast.physio, cast.patient, note=blank)
        assert caught.value.code == "red_flag_note_missing"
    assert snapshot() == before
    consent, created = enrol(cast.physio, cast.patient,
                             note="  Seen by the GP 2026-03-09: no fracture.  ")
    assert created and consent.red_flag_note == "Seen by the GP 2026-03-09: no fracture."


@pytest.mark.parametrize(("situation", "yes"), [
    ("no warning sign: self-care", ()),
    ("not settling: contact the physiotherapist", ("not_settling_after_two_weeks",)),
])
def test_self_care_and_contact_physio_need_no_note(cast, situation, yes):
    assess_with(cast.physio, cast.patient, *yes)
    consent, created = enrol(cast.physio, cast.patient, note="ignored")
    assert created and consent.red_flag_note == "", situation


def test_the_form_shows_the_field_and_a_clear_swedish_message(client, cast):
    assess_with(cast.physio, cast.patient, "fever_or_generally_ill")
    client.force_login(cast.physio)
    page = client.get(url(cast.patient)).content.decode()
    assert 'name="red_flag_note"' in page and "Sök vård i dag" in page
    data = {"action": "enrol", "consent": "on", "method": "phone",
            "enrolled_on": "2026-03-10", "submission_key": str(uuid.uuid4())}
    response = client.post(url(cast.patient), data)
    with translation.override("sv"):
        message = str(ERRORS["red_flag_note_missing"])
    assert message.startswith("Varningstecknen")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Consent.objects.exists()
    note = "Läkarbedömd 9/3: ingen infektion."
    done = client.post(url(cast.patient), {**data, "red_flag_note": note})
    assert done.status_code == 302
    assert Consent.objects.get().red_flag_note == note
    assert "Läkarbedömd 9/3" in client.get(url(cast.patient)).content.decode()


def test_without_seek_care_the_form_does_not_ask(client, cast):
    assess_with(cast.physio, cast.patient)
    client.force_login(cast.physio)
    assert 'name="red_flag_note"' not in client.get(url(cast.patient)).content.decode()


def _own_check(patient, *yes: str):
    from battrerygg.redflags.services import record_red_flag_check

    return record_red_flag_check(patient, red_flags(yes), submission_key=uuid.uuid4())[0]


def test_the_patients_own_seek_care_check_after_the_assessment_needs_a_note(client, cast):
    assess_with(cast.physio, cast.patient)  # the physiotherapist: no warning sign
    check = _own_check(cast.patient, "fever_or_generally_ill")  # then the patient: fever
    assert check.outcome == "seek_care_today"
    with pytest.raises(services.CareError) as caught:
        enrol(cast.physio, cast.patient)
    assert caught.value.code == "red_flag_note_missing"
    client.force_login(cast.physio)
    with translation.override("sv"):
        page = client.get(url(cast.patient)).content.decode()
    assert 'name="red_flag_note"' in page
    assert "Patientens egen kontroll av varningstecken" in page and "Sök vård i dag" in page
    consent, created = enrol(cast.physio, cast.patient, note="Called: fever gone, seen by GP.")
    assert created and consent.red_flag_note == "Called: fever gone, seen by GP."


def test_a_check_before_the_assessment_was_asked_again_in_it(cast):
    with time_machine.travel(datetime(2026, 3, 10, 7, 0, tzinfo=UTC), tick=False):
        _own_check(cast.patient, "fever_or_generally_ill")
    assess_with(cast.physio, cast.patient)  # asked again: no fever now
    consent, created = enrol(cast.physio, cast.patient)
    assert created and consent.red_flag_note == ""


def test_a_milder_check_after_the_assessment_does_not_hide_its_outcome(cast):
    assess_with(cast.physio, cast.patient, "history_of_cancer")
    _own_check(cast.patient)  # self-care
    with pytest.raises(services.CareError):
        enrol(cast.physio, cast.patient)
