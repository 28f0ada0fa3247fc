"""The patient's page "Mitt träningsprogram" and logging a session from it."""

from __future__ import annotations

import re
from datetime import date

import time_machine

from battrerygg.diary.models import ActivityEntry
from battrerygg.programme import services

from .helpers import NOW, give, session

FORM = {"local_date": "2026-03-20", "local_time": "09:00", "minutes": "10", "sets": "2",
        "repetitions": "8", "pain_baseline": "2", "pain_during": "4", "pain_after": "2"}


def _key(html: str) -> str:
    return re.search(r'name="submission_key" value="([^"]+)"', html).group(1)


@time_machine.travel(NOW, tick=False)
def test_programme_shows_exercises_dose_week_and_advice(client, cast):
    bridge = give(cast.physio, cast.patient)
    give(cast.physio, cast.patient, exercise="promenad", minutes=20, per_week=4)
    ended = give(cast.physio, cast.patient, exercise="plankan")
    services.end_prescription(cast.physio, ended)
    session(cast.patient, bridge, date(2026, 3, 17), during=7)
    client.force_login(cast.patient.user)
    html = client.get("/exercises/").content.decode()
    assert "Mitt träningsprogram" in html
    assert "Bäckenlyft" in html and "Promenad" in html and "Plankan" not in html
    assert "Nivå 1 · 2 × 8 repetitioner · 3 gånger i veckan" in html
    assert "20 minuter" in html
    assert "Den här veckan: 1 av 3 pass" in html
    assert "Minska belastningen nästa gång" in html
    assert 'alt="En figur ligger på rygg' in html
    assert "Vanliga misstag" in html


@time_machine.travel(NOW, tick=False)
def test_logging_a_session_links_it_and_a_resend_saves_once(client, cast):
    bridge = give(cast.physio, cast.patient)
    client.force_login(cast.patient.user)
    page = client.get(f"/exercises/{bridge.pk}/log/").content.decode()
    data = {**FORM, "submission_key": _key(page)}
    first = client.post(f"/exercises/{bridge.pk}/log/", data)
    again = client.post(f"/exercises/{bridge.pk}/log/", data)
    entry = ActivityEntry.objects.get()
    assert first.status_code == again.status_code == 302
    assert first["Location"] == f"/diary/{entry.pk}/"
    assert (entry.kind, entry.prescription_id, entry.pain_during) == (
        "programme_exercise", bridge.pk, 4)
    html = client.get("/exercises/").content.decode()
    assert "Den här veckan: 1 av 3 pass" in html


@time_machine.travel(NOW, tick=False)
def test_bad_session_input_is_explained_in_swedish_and_saves_nothing(client, cast):
    bridge = give(cast.physio, cast.patient)
    client.force_login(cast.patient.user)
    key = _key(client.get(f"/exercises/{bridge.pk}/log/").content.decode())
    response = client.post(f"/exercises/{bridge.pk}/log/",
                           {**FORM, "submission_key": key, "minutes": "0", "pain_during": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Inget sparades" in html
    assert not ActivityEntry.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_other_patients_prescriptions_and_ended_ones_are_not_found(client, cast):
    theirs = give(cast.physio, cast.patient_b)
    mine = give(cast.physio, cast.patient)
    services.end_prescription(cast.physio, mine)
    client.force_login(cast.patient.user)
    for item in (theirs, mine):
        assert client.get(f"/exercises/{item.pk}/log/").status_code == 404
        key = "6f1e2d3c-0000-4000-8000-000000000000"
        assert client.post(f"/exercises/{item.pk}/log/",
                           {**FORM, "submission_key": key}).status_code == 404
    assert not ActivityEntry.objects.exists()
    client.force_login(cast.physio)
    assert client.get("/exercises/").status_code == 403
