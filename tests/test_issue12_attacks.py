"""Issue 12, second review: bad input on the new forms gives a clear translated message,
changes nothing and never a 500 (pain limits, the repeated-hour choice, a samordningsnummer
with a bad check digit, a red-flag post without the new questions, another clinic's
patient, a double submit, the wrong language)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import translation

from battrerygg.diary.models import ActivityEntry, LimitsChange
from battrerygg.redflags.models import RedFlagCheck
from tests.care.helpers import assessment_post, snapshot
from tests.care.test_care_new_patient import post as new_patient_post
from tests.diary.helpers import activity_form
from tests.redflags.helpers import red_flag_form

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
NEW_SIGNS = ("one_leg_or_foot_weak_or_numb", "new_sexual_dysfunction", "first_onset_after_50",
             "weakened_immunity_or_injected_drugs", "inflammatory_back_pain",
             "high_energy_trauma")


def _limits(client, cast, language="sv", **overrides):
    data = {"safe_max": "2", "acceptable_max": "5", "follow_up_tolerance": "0",
            "reason": "Morgonstelhet."}
    data.update(overrides)
    client.force_login(cast.physio)
    with time_machine.travel(NOW, tick=False):
        client.cookies["django_language"] = language
        return client.post(f"/clinic/patients/{cast.patient.ref}/pain-limits/", data,
                           HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize(("overrides", "sv", "en"), [
    ({"safe_max": "5", "acceptable_max": "3"}, "gränserna", "limits"),
    ({"follow_up_tolerance": "99"}, "gränserna", "limits"),
    ({"follow_up_tolerance": "-1"}, "gränserna", "limits"),
    ({"follow_up_tolerance": ""}, "gränserna", "limits"),
    ({"reason": ""}, "skäl", "reason"),
    ({"reason": "   "}, "skäl", "reason"),
    ({"safe_max": "x"}, "gränserna", "limits"),
])
def test_bad_pain_limits_are_refused_and_change_nothing(client, cast, overrides, sv, en):
    before = (cast.patient.zone_safe_max, cast.patient.zone_acceptable_max,
              cast.patient.follow_up_tolerance)
    for language, word in (("sv", sv), ("en", en)):
        response = _limits(client, cast, language, **overrides)
        assert response.status_code == 400, (overrides, language)
        assert word in response.content.decode().lower(), (overrides, language)
    cast.patient.refresh_from_db()
    assert (cast.patient.zone_safe_max, cast.patient.zone_acceptable_max,
            cast.patient.follow_up_tolerance) == before
    assert not LimitsChange.objects.exists()


def test_another_clinics_patient_limits_are_404(client, cast):
    client.force_login(cast.other_physio)
    url = f"/clinic/patients/{cast.patient.ref}/pain-limits/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"safe_max": "1", "acceptable_max": "4",
                             "follow_up_tolerance": "1", "reason": "x"}).status_code == 404
    assert not LimitsChange.objects.exists()


def test_the_patient_cannot_open_the_limits_screen(client, cast):
    client.force_login(cast.patient.user)
    assert client.get(f"/clinic/patients/{cast.patient.ref}/pain-limits/").status_code in (
        403, 404)


@pytest.mark.parametrize("choice", ["autumn", "", "1", "summer' OR 1=1", "WINTER"])
def test_a_tampered_repeated_hour_choice_is_asked_again(client, cast, choice):
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 10, 25, 12, tzinfo=UTC), tick=False), \
            translation.override("sv"):
        response = client.post("/diary/new/", activity_form(
            local_date="2026-10-25", local_time="02:30", repeated_hour=choice))
    assert response.status_code in (200, 400)
    assert 'id="q-repeated_hour"' in response.content.decode()
    assert ActivityEntry.objects.count() == 0


def test_a_repeated_hour_choice_on_an_ordinary_time_is_ignored(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        response = client.post("/diary/new/", activity_form(repeated_hour="winter"))
    assert response.status_code == 302
    assert ActivityEntry.objects.get().repeated_hour in ("", None)


@pytest.mark.parametrize("number", ["701063-2392", "19701063-2390", "701300-2391"])
def test_a_bad_samordningsnummer_is_refused(client, cast, number):
    client.force_login(cast.physio)
    before = snapshot()
    response = new_patient_post(client, personnummer=number)
    assert response.status_code == 400
    assert snapshot() == before


@pytest.mark.parametrize(("language", "message"), [
    ("sv", "Svara på alla frågor."), ("en", "Please answer every question.")])
def test_a_red_flag_post_without_the_new_questions_is_asked_again(client, cast, language,
                                                                   message):
    data = red_flag_form()
    for key in NEW_SIGNS:
        data.pop(key)
    client.cookies["django_language"] = language
    anonymous = client.post("/red-flags/", data, HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(cast.patient.user)
    cast.patient.user.language = language
    cast.patient.user.save()
    patient = client.post("/red-flags/", data, HTTP_ACCEPT_LANGUAGE=language)
    for response in (anonymous, patient):
        html = response.content.decode()
        assert response.status_code == 200
        assert message in html and "data-outcome" not in html
    assert RedFlagCheck.objects.count() == 0


def test_an_assessment_without_the_new_questions_is_refused(client, cast):
    client.force_login(cast.physio)
    data = assessment_post()
    for key in NEW_SIGNS:
        data.pop(key)
    before = snapshot()
    response = client.post(f"/clinic/patients/{cast.patient.ref}/assessment/", data)
    assert response.status_code == 400
    assert snapshot() == before


def test_a_red_flag_check_sent_twice_is_one_check(client, cast):
    client.force_login(cast.patient.user)
    data = red_flag_form("fever_or_generally_ill")
    first = client.post("/red-flags/", data)
    second = client.post("/red-flags/", data)
    assert first.status_code == second.status_code == 302
    assert RedFlagCheck.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_another_patients_red_flag_result_is_404(client, cast):
    client.force_login(cast.patient.user)
    url = client.post("/red-flags/", red_flag_form("fever_or_generally_ill"))["Location"]
    client.force_login(cast.patient_b.user)
    assert client.get(url).status_code == 404
    client.cookies.clear()  # signed out
    assert client.get(url).status_code in (302, 404)


@pytest.mark.parametrize(("language", "mine", "foreign"), [
    ("sv", "Sök vård i dag", "Seek care today"),
    ("en", "Seek care today", "Sök vård i dag"),
])
def test_the_today_result_is_in_one_language(client, language, mine, foreign):
    client.cookies["django_language"] = language
    response = client.post("/red-flags/", red_flag_form("after_accident_or_fall"),
                           HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert 'data-outcome="seek_care_today"' in html
    assert mine in html and foreign not in html


def test_an_entry_moved_into_the_repeated_hour_is_asked_about_too(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 10, 26, 12, tzinfo=UTC), tick=False):
        assert client.post("/diary/new/", activity_form(local_date="2026-10-25",
                                                        local_time="10:00")).status_code == 302
        entry = ActivityEntry.objects.get()
        url = f"/diary/{entry.pk}/edit/"
        asked = client.post(url, activity_form(local_date="2026-10-25", local_time="02:30"))
        assert 'id="q-repeated_hour"' in asked.content.decode()
        entry.refresh_from_db()
        assert entry.local_start.hour == 10
        done = client.post(url, activity_form(local_date="2026-10-25", local_time="02:30",
                                              repeated_hour="winter"))
    assert done.status_code == 302
    entry.refresh_from_db()
    assert entry.started_at == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
