"""Two physiotherapists booking the last place at the same moment: the session row lock
serialises them, so one gets the place and the other the waiting list (PostgreSQL; SQLite
serialises all writes anyway, so the test runs there too but proves less)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from battrerygg.groups import services
from battrerygg.groups.models import Booking
from tests.groups.helpers import NOW, add_patient, schedule

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_the_last_place_is_not_overbooked(cast, monkeypatch):
    session = schedule(cast, capacity=1)
    carl = add_patient(cast, "carl@example.se", "Carl Exempel")
    meet = threading.Barrier(2, timeout=2)
    counted = services._booked_count

    def count_then_meet(found):
        n = counted(found)
        try:  # without the lock both threads would meet here, each having counted 0
            meet.wait()
        except threading.BrokenBarrierError:
            pass
        return n

    monkeypatch.setattr(services, "_booked_count", count_then_meet)
    results, errors = [], []

    def book(patient):
        try:
            results.append(services.book_patient(cast.physio, session.pk, patient, now=NOW)[0])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(p,)) for p in (cast.patient, carl)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(b.status for b in results) == ["booked", "waiting"]
    assert Booking.objects.filter(session=session, status="booked").count() == 1
