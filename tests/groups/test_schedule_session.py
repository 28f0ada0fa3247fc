"""Scheduling, changing and cancelling a session: the rules, each with its Swedish
message and nothing saved; a double submit saves once."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from battrerygg.groups import services
from battrerygg.groups.models import GroupSession
from battrerygg.patients.access import AccessDenied
from tests.groups.helpers import NOW, START, schedule, session_input, swedish

BAD = [
    ({"starts_at": NOW - timedelta(days=1), "ends_at": NOW},
     "Grupptillfället måste börja i framtiden."),
    ({"ends_at": START - timedelta(minutes=1)},
     "Grupptillfället måste sluta efter att det börjar."),
    ({"capacity": 0}, "Antalet platser måste vara från 1 till 50."),
    ({"capacity": 51}, "Antalet platser måste vara från 1 till 50."),
    ({"video_url": "http://video.example.se/rum"},
     "Videolänken måste vara en fullständig webbadress som börjar med https://."),
    ({"video_url": "javascript:alert(1)"},
     "Videolänken måste vara en fullständig webbadress som börjar med https://."),
    ({"place": "", "video_url": ""}, "Ange en plats, en videolänk eller båda."),
    ({"title": "  "}, "Ge grupptillfället en rubrik."),
]


@pytest.mark.parametrize(("changes", "message"), BAD)
def test_bad_session_is_refused_with_a_swedish_message(cast, changes, message):
    with pytest.raises(services.GroupError) as caught:
        schedule(cast, **changes)
    assert swedish(caught.value) == message
    assert not GroupSession.objects.exists()


def test_leader_must_be_a_physiotherapist_of_the_clinic(cast):
    for leader in (cast.other_physio, cast.clinic_admin, cast.patient.user):
        with pytest.raises(services.GroupError) as caught:
            schedule(cast, leader=leader)
        assert swedish(caught.value) == "Ledaren måste vara fysioterapeut på mottagningen."
    assert schedule(cast, leader=cast.colleague).leader == cast.colleague


def test_a_video_session_and_a_clinic_admin_scheduling(cast):
    session = schedule(cast, actor=cast.clinic_admin, place="",
                       video_url="https://video.example.se/ryggskola")
    assert session.video_url == "https://video.example.se/ryggskola"
    assert session.created_by == cast.clinic_admin


def test_only_staff_of_the_clinic_schedule(cast):
    for outsider in (cast.other_physio, cast.patient.user):
        with pytest.raises(AccessDenied):
            schedule(cast, actor=outsider)
    assert not GroupSession.objects.exists()


def test_a_double_submit_schedules_once(cast):
    key = uuid.uuid4()
    first, created = services.schedule_session(cast.physio, cast.clinic, session_input(cast),
                                               now=NOW, submission_key=key)
    again, created_again = services.schedule_session(cast.physio, cast.clinic,
                                                     session_input(cast), now=NOW,
                                                     submission_key=key)
    assert (created, created_again) == (True, False)
    assert again == first and GroupSession.objects.count() == 1


def test_capacity_cannot_go_below_the_booked_patients(cast):
    session = schedule(cast, capacity=2)
    services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    services.book_patient(cast.physio, session.pk, cast.patient_b, now=NOW)
    with pytest.raises(services.GroupError) as caught:
        services.edit_session(cast.physio, session.pk, session_input(cast, capacity=1), now=NOW)
    assert swedish(caught.value).startswith("Fler patienter än så är redan bokade.")
    session.refresh_from_db()
    assert session.capacity == 2 and session.sequence == 0


def test_editing_to_a_past_start_is_refused(cast):
    session = schedule(cast)
    with pytest.raises(services.GroupError) as caught:
        services.edit_session(cast.physio, session.pk,
                              session_input(cast, starts_at=NOW - timedelta(hours=1),
                                            ends_at=NOW), now=NOW)
    assert swedish(caught.value) == "Grupptillfället måste börja i framtiden."
    session.refresh_from_db()
    assert session.starts_at == START


def test_an_edit_raises_the_sequence_and_a_repeat_changes_nothing(cast):
    session = schedule(cast)
    services.edit_session(cast.physio, session.pk, session_input(cast, place="Gymmet"), now=NOW)
    services.edit_session(cast.physio, session.pk, session_input(cast, place="Gymmet"), now=NOW)
    session.refresh_from_db()
    assert (session.place, session.sequence) == ("Gymmet", 1)


def test_other_clinic_cannot_edit_or_cancel(cast):
    session = schedule(cast)
    with pytest.raises(AccessDenied):
        services.edit_session(cast.other_physio, session.pk, session_input(cast, capacity=9),
                              now=NOW)
    with pytest.raises(AccessDenied):
        services.cancel_session(cast.other_physio, session.pk, now=NOW)
    session.refresh_from_db()
    assert session.capacity == 2 and session.cancelled_at is None


def test_cancelling_twice_is_harmless(cast):
    session = schedule(cast)
    services.cancel_session(cast.clinic_admin, session.pk, now=NOW)
    services.cancel_session(cast.clinic_admin, session.pk, now=NOW + timedelta(hours=1))
    session.refresh_from_db()
    assert session.cancelled_at == NOW and session.sequence == 1
    with pytest.raises(services.GroupError) as caught:
        services.edit_session(cast.physio, session.pk, session_input(cast), now=NOW)
    assert swedish(caught.value) == "Grupptillfället är inställt."
