"""The physiotherapist's programme page: prescribe, progress, regress, undo, end, with
C1 advice and a suggestion per exercise, and clear Swedish messages for bad input."""

from __future__ import annotations

import re
from datetime import date

import time_machine

from battrerygg.programme.models import Prescription

from .helpers import NOW, give, session

FORM = {"exercise": "backenlyft", "level": "1", "sets": "2", "repetitions": "8",
        "minutes": "", "frequency_per_week": "3", "notes": "Lugnt tempo"}


def _url(cast, rest=""):
    return f"/clinic/patients/{cast.patient.ref}/programme/{rest}"


def _key(html):
    return re.search(r'name="submission_key" value="([^"]+)"', html).group(1)


@time_machine.travel(NOW, tick=False)
def test_prescribe_from_the_form_once(client, cast):
    client.force_login(cast.physio)
    data = {**FORM, "submission_key": _key(client.get(_url(cast)).content.decode())}
    assert client.post(_url(cast), data).status_code == 302
    assert client.post(_url(cast), data).status_code == 302
    item = Prescription.objects.get()
    assert (item.exercise, item.level, item.sets, item.repetitions, item.notes) == (
        "backenlyft", 1, 2, 8, "Lugnt tempo")
    html = client.get(_url(cast)).content.decode()
    assert "Bäckenlyft" in html and "Nivå 1 · 2 × 8 repetitioner · 3 gånger i veckan" in html


@time_machine.travel(NOW, tick=False)
def test_bad_doses_are_explained_in_swedish_and_save_nothing(client, cast):
    client.force_login(cast.physio)
    key = _key(client.get(_url(cast)).content.decode())
    cases = [
        ({"sets": "0"}, "Antal set ska vara ett heltal från 1 till 10."),
        ({"repetitions": "-2"}, "Antal repetitioner ska vara ett heltal från 1 till 50."),
        ({"repetitions": "tio"}, "Antal repetitioner ska vara ett heltal från 1 till 50."),
        ({"minutes": "0", "sets": "", "repetitions": ""},
         "Antal minuter ska vara ett heltal från 1 till 180."),
        ({"minutes": "20"}, "Ange dosen som set × repetitioner, eller som minuter (inte båda)."),
        ({"frequency_per_week": "0"}, "Ange hur många gånger i veckan: ett heltal från 1 till 14."),
        ({"exercise": "handstand"}, "Välj en övning från övningsbanken."),
        ({"level": "3", "exercise": "sitta-aktivt"}, "Välj en av övningens nivåer."),
    ]
    for changes, message in cases:
        response = client.post(_url(cast), {**FORM, "submission_key": key, **changes})
        html = response.content.decode()
        assert response.status_code == 400, changes
        assert message in html, changes
        assert "Inget sparades" in html
    assert not Prescription.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_progress_regress_undo_end_and_reopen_by_buttons(client, cast):
    item = give(cast.physio, cast.patient)
    client.force_login(cast.physio)
    response = client.post(_url(cast, f"{item.pk}/progress/"), {"version": 1}, follow=True)
    assert "Dosen ökades ett steg." in response.content.decode()
    again = client.post(_url(cast, f"{item.pk}/progress/"), {"version": 1}, follow=True)
    assert "Det här var redan gjort, så inget mer ändrades." in again.content.decode()
    item.refresh_from_db()
    assert (item.sets, item.repetitions, item.version) == (2, 10, 2)
    html = client.get(_url(cast)).content.decode()
    assert "Ångra senaste ändringen" in html and "Doshistorik" in html
    client.post(_url(cast, f"{item.pk}/undo/"), {"version": 2})
    client.post(_url(cast, f"{item.pk}/regress/"), {"version": 3})
    item.refresh_from_db()
    assert (item.sets, item.repetitions) == (2, 6)
    client.post(_url(cast, f"{item.pk}/end/"), {"version": item.version})
    item.refresh_from_db()
    assert item.ended_at is not None
    assert "Avslutade ordinationer" in client.get(_url(cast)).content.decode()
    client.post(_url(cast, f"{item.pk}/reopen/"), {"version": item.version})
    item.refresh_from_db()
    assert item.ended_at is None


@time_machine.travel(NOW, tick=False)
def test_regress_at_the_bottom_says_why(client, cast):
    item = give(cast.physio, cast.patient, exercise="promenad", minutes=1)
    client.force_login(cast.physio)
    html = client.post(_url(cast, f"{item.pk}/regress/"), {"version": 1},
                       follow=True).content.decode()
    assert "Dosen är redan på övningens lättaste nivå. Inget ändrades." in html


@time_machine.travel(NOW, tick=False)
def test_the_page_shows_latest_sessions_advice_and_suggestion(client, cast):
    bridge = give(cast.physio, cast.patient)
    walk = give(cast.physio, cast.patient, exercise="promenad", minutes=20)
    for day in (16, 17, 18):
        session(cast.patient, bridge, date(2026, 3, day))
    session(cast.patient, walk, date(2026, 3, 18), during=7)
    client.force_login(cast.physio)
    html = client.get(_url(cast)).content.decode()
    assert re.search(rf'id="p{bridge.pk}"[^>]*data-suggestion="progress"', html)
    assert re.search(rf'id="p{walk.pk}"[^>]*data-suggestion="regress"', html)
    assert "Förslag: öka" in html and "Förslag: minska" in html
    assert "Senaste passen" in html


@time_machine.travel(NOW, tick=False)
def test_change_by_hand(client, cast):
    item = give(cast.physio, cast.patient)
    client.force_login(cast.physio)
    page = client.get(_url(cast, f"{item.pk}/change/"))
    assert page.status_code == 200
    bad = client.post(_url(cast, f"{item.pk}/change/"),
                      {**FORM, "sets": "0", "version": "1"})
    assert bad.status_code == 400 and "Antal set ska vara" in bad.content.decode()
    good = client.post(_url(cast, f"{item.pk}/change/"),
                       {**FORM, "level": "2", "sets": "3", "repetitions": "10", "version": "1"})
    assert good.status_code == 302
    item.refresh_from_db()
    assert (item.level, item.sets, item.repetitions) == (2, 3, 10)


def test_library_filters_by_category_and_shows_levels(client, cast):
    client.force_login(cast.physio)
    html = client.get("/clinic/exercises/?category=fitness").content.decode()
    assert "Promenad" in html and "Bäckenlyft" not in html
    html = client.get("/clinic/exercises/backenlyft/").content.decode()
    assert "Nivåer" in html and "2 × 8 repetitioner" in html and "3 × 8 repetitioner" in html
    assert 'alt="En figur ligger på rygg' in html
    assert client.get("/clinic/exercises/nope/").status_code == 404
