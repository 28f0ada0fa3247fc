"""Attendance: only once the session has started, by the leader (everyone) or another
physiotherapist of the clinic (their own patients), audited per patient changed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from battrerygg.audit.models import AuditEvent
from battrerygg.groups import services
from battrerygg.patients.access import AccessDenied
from tests.groups.helpers import START, book_both, swedish


@pytest.fixture
def booked(cast):
    return book_both(cast, capacity=5)


def test_attendance_before_the_start_is_refused(cast, booked):
    session, anna, _ = booked
    with pytest.raises(services.GroupError) as caught:
        services.mark_attendance(cast.physio, session.pk, {anna.pk: "yes"},
                                 now=START - timedelta(minutes=1))
    assert swedish(caught.value) == "Närvaro kan markeras när grupptillfället har börjat."
    anna.refresh_from_db()
    assert anna.attended == ""
    assert not AuditEvent.objects.filter(what="groups.attendance").exists()


def test_the_leader_marks_attendance_once(cast, booked):
    session, anna, bertil = booked
    marks = {anna.pk: "yes", bertil.pk: "no"}
    assert services.mark_attendance(cast.physio, session.pk, marks, now=START) == 2
    assert services.mark_attendance(cast.physio, session.pk, marks, now=START) == 0
    anna.refresh_from_db()
    bertil.refresh_from_db()
    assert (anna.attended, bertil.attended) == ("yes", "no")
    rows = AuditEvent.objects.filter(what="groups.attendance", actor=cast.physio)
    assert sorted(r.patient_id for r in rows) == sorted([cast.patient.pk, cast.patient_b.pk])
    assert {r.clinic_id for r in rows} == {cast.clinic.pk}


def test_a_bad_mark_changes_nothing(cast, booked):
    session, anna, bertil = booked
    with pytest.raises(services.GroupError) as caught:
        services.mark_attendance(cast.physio, session.pk, {anna.pk: "yes", bertil.pk: "maybe"},
                                 now=START)
    assert swedish(caught.value).startswith("Markera varje patient")
    anna.refresh_from_db()
    assert anna.attended == ""


def test_a_colleague_marks_only_their_own_patients(cast, booked):
    from battrerygg.patients.models import CareRelation

    session, anna, bertil = booked
    with pytest.raises(AccessDenied):
        services.mark_attendance(cast.colleague, session.pk, {anna.pk: "yes"}, now=START)
    CareRelation.objects.create(physiotherapist=cast.colleague, patient=cast.patient,
                                clinic=cast.clinic)
    assert services.mark_attendance(cast.colleague, session.pk, {anna.pk: "yes"}, now=START) == 1
    with pytest.raises(AccessDenied):
        services.mark_attendance(cast.colleague, session.pk, {bertil.pk: "yes"}, now=START)


def test_admins_and_other_clinics_cannot_mark(cast, booked):
    session, anna, _ = booked
    for outsider in (cast.clinic_admin, cast.other_physio, cast.patient.user):
        with pytest.raises(AccessDenied):
            services.mark_attendance(outsider, session.pk, {anna.pk: "yes"}, now=START)
    anna.refresh_from_db()
    assert anna.attended == ""
