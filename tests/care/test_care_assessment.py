"""The assessment (T1): red flags recorded with the core's outcome, classification,
STarT Back entered from paper → stratum and pathway, a new version on change, referral ends
the episode; bad input changes nothing."""

from __future__ import annotations

import uuid

import pytest

from battrerygg.care.models import Assessment
from battrerygg.proms.models import Response
from tests.care.helpers import assess, assessment_post, snapshot


def url(patient):
    return f"/clinic/patients/{patient.ref}/assessment/"


def test_first_assessment_with_startback_from_paper(client, cast):
    client.force_login(cast.physio)
    page = client.get(url(cast.patient)).content.decode()
    assert "Varningstecken" in page or "varningstecken" in page
    data = assessment_post(stratum="medium", yes=("history_of_cancer",),
                           **{"nrs_back__pain": "6", "nrs_leg__pain": "2"})
    response = client.post(url(cast.patient), data)
    assert response.status_code == 302
    a = Assessment.objects.get(patient=cast.patient)
    assert (a.version, a.classification, a.stratum, a.pathway) == (
        1, "non_specific", "medium", "physiotherapy")
    assert a.red_flag_outcome == "seek_care_soon" and a.red_flag_answers["history_of_cancer"]
    assert a.assessed_by == cast.physio and a.note == "Ont sedan två veckor."
    sent = {r.instrument: r for r in Response.objects.filter(patient=cast.patient)}
    assert sent["startback"].category == "medium" and sent["startback"].entered_by == cast.physio
    assert sent["nrs_back"].total == 6 and "odi" not in sent
    html = client.get(url(cast.patient)).content.decode()
    assert "Fysioterapiprogram med handledd träning" in html
    assert "Medelhög risk" in html


def test_patient_answered_startback_is_used(client, cast):
    from battrerygg.care.services import enter_paper_form
    from tests.care.helpers import STARTBACK

    enter_paper_form(cast.physio, cast.patient, "startback", STARTBACK["high"])
    enter_paper_form(cast.patient.user, cast.patient, "nrs_back", {"pain": "5"})
    client.force_login(cast.physio)
    page = client.get(url(cast.patient)).content.decode()
    assert 'name="startback__sb1"' not in page  # shown as a result, not asked again
    assert 'name="nrs_back__pain"' not in page and 'name="nrs_leg__pain"' in page
    assert "redan besvarat" in page and "Hög risk" in page
    client.post(url(cast.patient), assessment_post(stratum=None))
    assert Assessment.objects.get().pathway == "psychosocial"
    summary = client.get(url(cast.patient)).content.decode()
    assert "besvarat av patienten" in summary and "infört från papper" in summary


def test_change_makes_a_new_version(client, cast):
    assess(cast.physio, cast.patient, stratum="low")
    client.force_login(cast.physio)
    assert "Ändra bedömningen" in client.get(url(cast.patient) + "?edit=1").content.decode()
    client.post(url(cast.patient), assessment_post(stratum=None, classification="radiculopathy"))
    versions = list(Assessment.objects.order_by("version").values_list(
        "version", "classification", "pathway"))
    assert versions == [(1, "non_specific", "self_care"), (2, "radiculopathy", "self_care")]


def test_double_submit_makes_one_record(client, cast):
    client.force_login(cast.physio)
    data = assessment_post(key=str(uuid.uuid4()))
    client.post(url(cast.patient), data)
    before = snapshot()
    response = client.post(url(cast.patient), data)
    assert response.status_code == 302
    assert Assessment.objects.count() == 1
    assert snapshot() == before


def test_referral_ends_the_episode(client, cast):
    client.force_login(cast.physio)
    data = assessment_post(classification="serious_pathology", stratum=None,
                           yes=("saddle_numbness",),
                           referral_note="Akutmottagningen, Sahlgrenska, idag.")
    assert client.post(url(cast.patient), data).status_code == 302
    a = Assessment.objects.get()
    assert (a.pathway, a.red_flag_outcome, a.stratum) == ("referral", "emergency", "")
    episode = cast.patient.episodes.get()
    assert episode.end_reason == "referred" and str(episode.end_date) == "2026-03-10"
    assert episode.ending.note == "Akutmottagningen, Sahlgrenska, idag."
    html = client.get(url(cast.patient)).content.decode()
    assert "Ändra bedömningen" not in html  # read-only
    assert "avslutad" in html
    before = snapshot()
    response = client.post(url(cast.patient), assessment_post())
    assert snapshot() == before and response.status_code == 200


@pytest.mark.parametrize(("data", "message"), [
    (assessment_post(stratum=None), "Fyll i patientens svar på STarT Back"),
    (assessment_post(classification="serious_pathology", stratum=None),
     "Skriv vart patienten remitteras."),
    (assessment_post(yes=("bladder_bowel_control",)),
     "Varningstecknen kräver vård nu"),
    (assessment_post(stratum=None, **{"startback__sb1": "agree"}),
     "Svara på alla frågor innan du skickar formuläret."),
    ({**assessment_post(), "cancer": "yes", "history_of_cancer": ""}, "Svara ja eller nej."),
    ({**assessment_post(), "classification": ""}, "Välj en klassificering."),
    ({**assessment_post(), "odi__pain_intensity": "3"},
     "För många frågor är obesvarade"),
])
def test_bad_input_changes_nothing(client, cast, data, message):
    client.force_login(cast.physio)
    before = snapshot()
    response = client.post(url(cast.patient), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_the_service_refuses_an_incomplete_red_flag_screening(cast):
    from battrerygg.care.services import AssessmentInput, record_assessment

    with pytest.raises(ValueError):
        record_assessment(cast.physio, cast.patient,
                          AssessmentInput(red_flags={"saddle_numbness": False},
                                          classification="non_specific"),
                          submission_key=uuid.uuid4())
    assert not Assessment.objects.exists()
