"""The waiting-list order is the order of arrival under the session row lock: a page's
booking reads the clock only once the lock is held (a request that waited for the lock
queues after the one that held it). A test may still pass a fixed time."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from battrerygg.groups import services
from tests.groups.helpers import NOW, add_patient, schedule

WAITED = timedelta(seconds=5)


def test_queue_time_is_read_after_the_lock_is_held(cast, monkeypatch):
    session = schedule(cast, capacity=1)
    carl = add_patient(cast, "carl@example.se", "Carl Exempel")
    locked = services._locked
    with time_machine.travel(NOW, tick=False) as traveller:
        def lock_after_a_wait(session_id):
            traveller.shift(WAITED)  # another booking held the lock meanwhile
            return locked(session_id)

        monkeypatch.setattr(services, "_locked", lock_after_a_wait)
        first, _ = services.book_patient(cast.physio, session.pk, cast.patient)
        second, _ = services.book_patient(cast.physio, session.pk, cast.patient_b)
        third, _ = services.book_patient(cast.physio, session.pk, carl)
    assert first.queued_at == NOW + WAITED
    assert (second.queued_at, third.queued_at) == (NOW + 2 * WAITED, NOW + 3 * WAITED)
    assert [first.status, second.status, third.status] == ["booked", "waiting", "waiting"]
    services.cancel_booking(cast.physio, first.pk, now=NOW + timedelta(minutes=1))
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == ("booked", "waiting")


def test_a_given_time_is_still_used(cast):
    session = schedule(cast)
    booking, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    assert booking.queued_at == NOW
