"""The booking form sent twice (a double click, a reload) books once and answers the second
post as the first: a redirect with the same message, not "choose one of the sessions"."""

from __future__ import annotations

import time_machine
from django.contrib.messages import get_messages

from battrerygg.groups.models import Booking
from tests.groups.helpers import NOW, schedule


@time_machine.travel(NOW, tick=False)
def test_the_same_booking_sent_again_is_answered_as_the_first(client, cast):
    session = schedule(cast)
    client.force_login(cast.physio)
    url = f"/clinic/patients/{cast.patient.ref}/sessions/"
    first = client.post(url, {"session": session.pk})
    again = client.post(url, {"session": session.pk})
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"] == url
    assert Booking.objects.filter(session=session, patient=cast.patient).count() == 1
    texts = [str(m) for m in get_messages(again.wsgi_request)]
    assert texts and texts[-1] == texts[0]


@time_machine.travel(NOW, tick=False)
def test_a_session_the_patient_is_not_booked_in_and_not_offered_is_still_refused(client, cast):
    client.force_login(cast.physio)
    response = client.post(f"/clinic/patients/{cast.patient.ref}/sessions/", {"session": 999999})
    assert response.status_code == 200
    assert not Booking.objects.exists()
