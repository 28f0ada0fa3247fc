"""SPEC C2 turn 2 in the public check and the physiotherapist's assessment: the new
questions are asked in both, each leads to its outcome, "seek care today" and the
emergency wording are shown; checks and assessments stored before the new questions still
render, with the outcome the patient was shown then."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import translation

from battrerygg.care.models import Assessment
from battrerygg.clinical.red_flags import Sign
from battrerygg.redflags.models import RedFlagCheck
from tests.care.helpers import assessment_post
from tests.redflags.helpers import red_flag_form

PATHWAY = "physiotherapy"
OLD_KEYS = ("bladder_bowel_control", "saddle_numbness", "both_legs_numb_tingling_or_weak",
            "worsening_leg_or_foot_weakness", "after_accident_or_fall", "history_of_cancer",
            "osteoporosis_or_long_term_cortisone", "fever_or_generally_ill",
            "unexplained_weight_loss", "constant_night_pain", "not_settling_after_two_weeks",
            "unable_to_progress_alone")


def test_the_check_asks_every_question(client, db):
    html = client.get("/red-flags/").content.decode()
    for sign in Sign:
        assert f'id="q-{sign.value}"' in html


@pytest.mark.parametrize(("situation", "sign", "outcome"), [
    ("traffic accident", "high_energy_trauma", "emergency"),
    ("new sexual dysfunction", "new_sexual_dysfunction", "emergency"),
    ("fever", "fever_or_generally_ill", "seek_care_today"),
    ("a fall", "after_accident_or_fall", "seek_care_today"),
    ("new weakness in one foot", "one_leg_or_foot_weak_or_numb", "seek_care_today"),
    ("first back pain at 60", "first_onset_after_50", "seek_care_soon"),
    ("injects drugs", "weakened_immunity_or_injected_drugs", "seek_care_soon"),
    ("morning stiffness at 30", "inflammatory_back_pain", "seek_care_soon"),
])
def test_each_new_situation_in_the_public_check(client, db, situation, sign, outcome):
    html = client.post("/red-flags/", red_flag_form(sign)).content.decode()
    assert f'data-outcome="{outcome}"' in html, situation


def test_seek_care_today_and_emergency_wording_in_swedish(client, db):
    with translation.override("sv"):
        today = client.post("/red-flags/", red_flag_form("fever_or_generally_ill"),
                            HTTP_COOKIE="django_language=sv").content.decode()
        now = client.post("/red-flags/", red_flag_form("high_energy_trauma"),
                          HTTP_COOKIE="django_language=sv").content.decode()
    assert "Sök vård i dag" in today and "i dag, inte om några dagar" in today
    assert 'href="tel:1177"' in today
    assert "Åk till en akutmottagning nu" in now
    assert "Om du inte kan ta dig till en akutmottagning, ring 112" in now
    assert 'href="tel:112"' in now


def test_a_check_stored_before_the_new_questions_still_renders(client, cast):
    old = RedFlagCheck.objects.create(
        patient=cast.patient, answers={k: k == "fever_or_generally_ill" for k in OLD_KEYS},
        outcome="seek_care_soon", submission_key=uuid.uuid4())
    client.force_login(cast.patient.user)
    page = client.get(f"/red-flags/result/{old.pk}/").content.decode()
    assert 'data-outcome="seek_care_soon"' in page  # what the patient was shown then
    assert "feber" in page or "fever" in page
    client.force_login(cast.physio)
    timeline = client.get(f"/clinic/patients/{cast.patient.ref}/",
                          {"show": "red_flags"}).content.decode()
    assert "Sök vård snart" in timeline


@time_machine.travel(datetime(2026, 3, 10, 9, tzinfo=UTC), tick=False)  # baseline open
def test_an_assessment_stored_before_the_new_questions_renders_and_asks_them_again(
        client, cast):
    episode = cast.patient.episodes.get()
    Assessment.objects.create(
        patient=cast.patient, episode=episode, version=1, assessed_by=cast.physio,
        red_flag_answers={k: k == "after_accident_or_fall" for k in OLD_KEYS},
        red_flag_outcome="seek_care_soon", classification="non_specific", stratum="medium",
        pathway=PATHWAY, submission_key=uuid.uuid4())
    url = f"/clinic/patients/{cast.patient.ref}/assessment/"
    client.force_login(cast.physio)
    shown = client.get(url)
    assert shown.status_code == 200
    form = client.get(url, {"edit": "1"}).content.decode()
    for sign in Sign:
        assert f'id="q-{sign.value}"' in form
    # the old answers are filled in; the new questions wait for an answer
    assert re.search(r'name="after_accident_or_fall" value="yes"[^>]*checked', form)
    assert not re.search(r'name="high_energy_trauma" value="(yes|no)"[^>]*checked', form)
    response = client.post(url, assessment_post(yes=("one_leg_or_foot_weak_or_numb",)))
    assert response.status_code == 302
    latest = Assessment.objects.order_by("-version").first()
    assert (latest.version, latest.red_flag_outcome) == (2, "seek_care_today")
