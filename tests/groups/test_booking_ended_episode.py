"""A patient whose episode has ended (no open episode) cannot be booked into a session."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from battrerygg.care.services import end_episode
from battrerygg.groups import services
from battrerygg.groups.models import Booking
from tests.groups.helpers import NOW, schedule, swedish

ENDED = "Vårdperioden är avslutad. Patienten kan inte bokas."


def _end(cast):
    end_episode(cast.physio, cast.patient, reason="goal_reached", on=date(2026, 3, 31),
                now=NOW)


def test_booking_a_patient_whose_episode_has_ended_is_refused(cast):
    session = schedule(cast)
    _end(cast)
    with pytest.raises(services.GroupError) as caught:
        services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    assert swedish(caught.value) == ENDED
    assert not Booking.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_booking_page_shows_the_message(client, cast):
    session = schedule(cast)
    _end(cast)
    client.force_login(cast.physio)
    response = client.post(f"/clinic/patients/{cast.patient.ref}/sessions/",
                           {"session": session.pk})
    assert response.status_code == 200
    assert ENDED in response.content.decode()
    assert not Booking.objects.exists()
