"""When an exercise from the programme earns "increase", the patient is told that the
physiotherapist sets the dose, not to raise it alone (SPEC P7, T3)."""

from __future__ import annotations

from datetime import date

import time_machine
from django.utils import translation

from battrerygg.diary.texts import ADVICE, EXERCISE_INCREASE

from .helpers import NOW, give, session


def _texts(response) -> tuple[str, str, str]:
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        return (str(EXERCISE_INCREASE["heading"]), str(EXERCISE_INCREASE["text"]),
                str(ADVICE["increase"]["heading"]))


def test_entry_page_of_a_third_good_session_names_the_physiotherapist(client, cast):
    bridge = give(cast.physio, cast.patient)
    for day in (10, 12, 14):
        last = session(cast.patient, bridge, date(2026, 3, day))
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.patient.user)
        response = client.get(f"/diary/{last.pk}/")
    page = response.content.decode()
    heading, text, own_increase = _texts(response)
    assert 'data-advice="increase"' in page
    assert heading in page and text in page
    assert own_increase not in page


def test_programme_page_names_the_physiotherapist(client, cast):
    bridge = give(cast.physio, cast.patient)
    for day in (10, 12, 14):
        session(cast.patient, bridge, date(2026, 3, day))
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.patient.user)
        response = client.get("/exercises/")
    heading, _, own_increase = _texts(response)
    page = response.content.decode()
    assert heading in page
    assert own_increase not in page


def test_a_walk_still_says_increase_a_little(client, cast, log_activity):
    for day in (10, 11, 12):
        last = log_activity(cast.patient, date(2026, 3, day))
        last.pain_24h = 3
        last.save()
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.patient.user)
        response = client.get(f"/diary/{last.pk}/")
    heading, _, own_increase = _texts(response)
    page = response.content.decode()
    assert own_increase in page and heading not in page


def test_the_programme_page_does_not_tell_the_patient_to_raise_the_load(client, cast):
    give(cast.physio, cast.patient)
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.patient.user)
        page = client.get("/exercises/").content.decode()
    assert "Dosen ökar din fysioterapeut när det är dags." in page
    assert "behålla, minska eller öka belastningen" not in page
