"""Ending an episode with a reason and a note; ended episodes are read-only and the
patient sees that it ended."""

from __future__ import annotations

import pytest

from battrerygg.care.services import CareError
from tests.care.helpers import assess, enrol, snapshot


def url(patient):
    return f"/clinic/patients/{patient.ref}/episode/end/"


def test_end_with_reason_and_note(client, cast):
    client.force_login(cast.physio)
    assert client.get(url(cast.patient)).status_code == 200
    data = {"reason": "goal_reached", "end_date": "2026-03-10", "note": "Tillbaka i arbete."}
    assert client.post(url(cast.patient), data).status_code == 302
    episode = cast.patient.episodes.get()
    assert (episode.end_reason, str(episode.end_date)) == ("goal_reached", "2026-03-10")
    assert episode.ending.ended_by == cast.physio and episode.ending.note == "Tillbaka i arbete."
    before = snapshot()
    assert client.post(url(cast.patient), data).status_code == 302  # the same again: harmless
    assert snapshot() == before
    response = client.post(url(cast.patient), {**data, "reason": "declined"})
    assert "Vårdperioden är redan avslutad med en annan orsak." in response.content.decode()
    assert snapshot() == before
    html = client.get(url(cast.patient)).content.decode()
    assert "Målet nått" in html and 'name="reason"' not in html


@pytest.mark.parametrize(("data", "message"), [
    ({"reason": "", "end_date": "2026-03-10"}, "Välj en orsak."),
    ({"reason": "declined", "end_date": "2026-03-01"}, "Slutdatumet måste ligga mellan"),
    ({"reason": "declined", "end_date": "2026-03-12"}, "Slutdatumet måste ligga mellan"),
])
def test_bad_input_changes_nothing(client, cast, data, message):
    client.force_login(cast.physio)
    before = snapshot()
    response = client.post(url(cast.patient), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_ended_episode_is_read_only(cast):
    from battrerygg.care.services import end_episode, send_invite, withdraw_consent

    assess(cast.physio, cast.patient)
    enrol(cast.physio, cast.patient)
    end_episode(cast.physio, cast.patient, reason="declined")
    before = snapshot()
    for write in (lambda: assess(cast.physio, cast.patient),
                  lambda: enrol(cast.physio, cast.patient),
                  lambda: send_invite(cast.physio, cast.patient)):
        with pytest.raises(CareError):
            write()
    assert snapshot() == before
    withdraw_consent(cast.physio, cast.patient, method="phone")  # still recordable


def test_the_patient_sees_the_episode_ended(client, cast):
    from battrerygg.care.services import end_episode

    end_episode(cast.physio, cast.patient, reason="goal_reached", note="Internt.")
    client.force_login(cast.patient.user)
    html = client.get("/").content.decode()
    assert "Din vårdperiod är avslutad" in html
    assert "Internt." not in html
