"""Booking: a full session puts the patient on the waiting list (never over capacity),
cancelling moves the first on the list up, repeats are harmless, and every change is
audited on the patient's record."""

from __future__ import annotations

from datetime import timedelta

import pytest

from battrerygg.audit.models import AuditEvent
from battrerygg.groups import queries, services
from battrerygg.groups.models import Booking
from battrerygg.patients.access import AccessDenied
from tests.groups.helpers import NOW, START, add_patient, schedule, swedish


def test_over_capacity_goes_to_the_waiting_list_in_order(cast):
    session = schedule(cast, capacity=1)
    carl = add_patient(cast, "carl@example.se", "Carl Exempel")
    first, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    second, _ = services.book_patient(cast.physio, session.pk, cast.patient_b,
                                      now=NOW + timedelta(minutes=1))
    third, _ = services.book_patient(cast.physio, session.pk, carl,
                                     now=NOW + timedelta(minutes=2))
    assert [first.status, second.status, third.status] == ["booked", "waiting", "waiting"]
    assert Booking.objects.filter(session=session, status="booked").count() == 1
    found = queries.bookings(cast.physio, cast.patient_b)
    positions = {b.booking.patient: b.position for b in found}
    assert positions == {cast.patient_b: 1}
    assert queries.bookings(cast.physio, carl)[0].position == 2


def test_booking_twice_is_harmless(cast):
    session = schedule(cast)
    first, created = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    again, created_again = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    assert (created, created_again) == (True, False) and again == first
    assert Booking.objects.count() == 1
    assert AuditEvent.objects.filter(what="groups.booking").count() == 1


def test_cancelling_moves_the_first_waiting_up(cast):
    session = schedule(cast, capacity=1)
    carl = add_patient(cast, "carl@example.se", "Carl Exempel")
    anna, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    bertil, _ = services.book_patient(cast.physio, session.pk, cast.patient_b,
                                      now=NOW + timedelta(minutes=1))
    services.book_patient(cast.physio, session.pk, carl, now=NOW + timedelta(minutes=2))
    services.cancel_booking(cast.patient.user, anna.pk, now=NOW + timedelta(hours=1))
    services.cancel_booking(cast.patient.user, anna.pk, now=NOW + timedelta(hours=2))  # repeat
    bertil.refresh_from_db()
    assert bertil.status == "booked"
    assert queries.bookings(cast.physio, carl)[0].position == 1
    assert Booking.objects.filter(session=session, status="booked").count() == 1
    moved = AuditEvent.objects.get(what="groups.booking.moved_up")
    assert moved.patient == cast.patient_b and moved.actor is None  # Anna is not named
    assert AuditEvent.objects.filter(what="groups.booking.cancelled",
                                     actor=cast.patient.user).count() == 1


def test_more_places_move_the_waiting_list_up(cast):
    from tests.groups.helpers import session_input

    session = schedule(cast, capacity=1)
    services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    bertil, _ = services.book_patient(cast.physio, session.pk, cast.patient_b, now=NOW)
    services.edit_session(cast.clinic_admin, session.pk, session_input(cast, capacity=2), now=NOW)
    bertil.refresh_from_db()
    assert bertil.status == "booked"


def test_only_a_treating_physiotherapist_of_the_clinic_books(cast):
    session = schedule(cast)
    for actor in (cast.colleague, cast.other_physio, cast.clinic_admin, cast.patient.user):
        with pytest.raises(AccessDenied):
            services.book_patient(actor, session.pk, cast.patient, now=NOW)
    assert not Booking.objects.exists()
    assert not AuditEvent.objects.filter(what__startswith="groups").exists()


def test_no_booking_into_a_started_or_cancelled_session(cast):
    session = schedule(cast)
    with pytest.raises(services.GroupError) as caught:
        services.book_patient(cast.physio, session.pk, cast.patient, now=START)
    assert swedish(caught.value) == "Grupptillfället har redan börjat."
    services.cancel_session(cast.physio, session.pk, now=NOW)
    with pytest.raises(services.GroupError) as caught:
        services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    assert swedish(caught.value) == "Grupptillfället är inställt."
    assert not Booking.objects.exists()


def test_patient_b_cannot_cancel_annas_booking(cast):
    session = schedule(cast)
    anna, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    for outsider in (cast.patient_b.user, cast.colleague, cast.other_physio, cast.clinic_admin):
        with pytest.raises(AccessDenied):
            services.cancel_booking(outsider, anna.pk, now=NOW)
    with pytest.raises(AccessDenied):
        services.cancel_booking(cast.patient.user, 999999, now=NOW)
    anna.refresh_from_db()
    assert anna.status == "booked"


def test_a_patient_may_rebook_after_cancelling(cast):
    session = schedule(cast)
    first, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    services.cancel_booking(cast.physio, first.pk, now=NOW)
    again, created = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    assert created and again.pk != first.pk and again.status == "booked"
    assert len(queries.bookings(cast.patient.user, cast.patient)) == 1
