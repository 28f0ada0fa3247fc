"""The access layer's answers for the whole cast (SPEC §1): roles, treating, registering,
questionnaire answers, group sessions, staff management and invitations. The pages and
services that ask these questions are covered by their own tests and the authorisation
matrix; here each rule is read as a sentence."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from battrerygg.accounts.models import Role, StaffMembership, User
from battrerygg.groups import services as groups
from battrerygg.patients import access
from battrerygg.patients.access import AccessDenied
from tests.groups.helpers import NOW, add_patient, schedule, session_input

STAFF = ("physio", "colleague", "other_physio", "clinic_admin")
EVERYONE = ("patient_user", "patient_b_user", *STAFF, "anonymous")


def who(cast, name: str):
    """A member of the cast by name; patients by their account."""
    if name == "anonymous":
        return AnonymousUser()
    if name.endswith("_user"):
        return getattr(cast, name.removesuffix("_user")).user
    return getattr(cast, name)


def answers(cast, fn, *args) -> set[str]:
    """The names in EVERYONE for whom fn(user, *args) is true."""
    return {name for name in EVERYONE if fn(who(cast, name), *args)}


def test_has_role_is_the_logged_in_users_role(cast):
    assert answers(cast, access.has_role, Role.PATIENT) == {"patient_user", "patient_b_user"}
    assert answers(cast, access.has_role, Role.CLINIC_ADMIN) == {"clinic_admin"}
    assert answers(cast, access.has_role, Role.PHYSIOTHERAPIST, Role.CLINIC_ADMIN) == set(STAFF)
    assert not access.has_role(cast.physio)  # no role asked for: no


def test_only_the_treating_physiotherapist_writes_clinical_records(cast):
    assert answers(cast, access.may_treat, cast.patient) == {"physio"}
    access.check_treat(cast.physio, cast.patient)
    for name in set(EVERYONE) - {"physio"}:
        with pytest.raises(AccessDenied):
            access.check_treat(who(cast, name), cast.patient)


def test_only_the_clinic_admin_sets_the_clinics_pain_limits(cast):
    assert answers(cast, access.may_set_clinic_pain_limits, cast.clinic) == {"clinic_admin"}
    other_clinic = cast.other_physio.memberships.get().clinic
    assert not access.may_set_clinic_pain_limits(cast.clinic_admin, other_clinic)


def test_only_the_treating_physiotherapist_sets_pain_limits(cast):
    assert answers(cast, access.may_set_pain_limits, cast.patient) == {"physio"}
    for name in set(EVERYONE) - {"physio"}:
        with pytest.raises(AccessDenied):
            access.check_set_pain_limits(who(cast, name), cast.patient)


def test_a_physiotherapist_registers_patients_at_their_own_clinics(cast):
    assert answers(cast, access.may_register_patient, cast.clinic) == {"physio", "colleague"}
    assert answers(cast, access.may_register_patient, cast.other_clinic) == {"other_physio"}
    assert list(access.registration_clinics(cast.physio)) == [cast.clinic]
    assert not access.registration_clinics(cast.clinic_admin).exists()


def test_answers_are_entered_by_the_patient_or_their_physiotherapist(cast):
    assert answers(cast, access.may_enter_answers, cast.patient) == {"patient_user", "physio"}
    access.check_enter_answers(cast.patient.user, cast.patient)
    with pytest.raises(AccessDenied):
        access.check_enter_answers(cast.colleague, cast.patient)


def test_a_physiotherapist_treats_through_their_active_relations_at_their_clinics(cast):
    found = {r.patient for r in access.treating_relations(cast.physio)}
    assert found == {cast.patient, cast.patient_b} == set(access.visible_patients(cast.physio))
    assert not access.treating_relations(cast.colleague).exists()
    assert not access.treating_relations(cast.clinic_admin).exists()
    assert not access.treating_relations(cast.patient.user).exists()


def test_only_the_patient_is_themself(cast):
    assert answers(cast, access.is_self, cast.patient) == {"patient_user"}
    assert answers(cast, access.may_change, cast.patient) == {"patient_user"}


def test_a_review_is_undone_by_its_author_while_they_treat_the_patient(cast):
    from battrerygg.clinic.models import Review
    from battrerygg.patients.models import CareRelation

    review = Review.objects.create(physiotherapist=cast.physio, patient=cast.patient,
                                   at=cast.patient.created_at)
    assert answers(cast, access.may_undo_review, review) == {"physio"}
    CareRelation.objects.filter(physiotherapist=cast.physio).update(ended_at=review.at)
    assert answers(cast, access.may_undo_review, review) == set()


def test_an_inactive_physiotherapist_treats_no_one(cast):
    cast.physio.is_active = False
    cast.physio.save()
    assert not access.may_treat(cast.physio, cast.patient)
    assert not access.may_enter_answers(cast.physio, cast.patient)


# Group sessions -----------------------------------------------------------------------------

def test_staff_of_the_clinic_manage_its_sessions(cast):
    assert answers(cast, access.may_manage_sessions, cast.clinic) == {
        "physio", "colleague", "clinic_admin"}
    assert answers(cast, access.may_manage_sessions, cast.other_clinic) == {"other_physio"}


def test_an_active_physiotherapist_of_the_clinic_leads(cast):
    physios = set(access.clinic_physiotherapists(cast.clinic))
    assert physios == {cast.physio, cast.colleague}
    assert {n for n in STAFF if access.may_lead(who(cast, n), cast.clinic)} == {
        "physio", "colleague"}
    assert not access.may_lead(cast.patient.user, cast.clinic)
    cast.colleague.is_active = False
    cast.colleague.save()
    assert not access.may_lead(cast.colleague, cast.clinic)


@pytest.fixture
def sessions(cast):
    """A session at the cast's clinic led by the colleague, with Anna booked by her
    physiotherapist and Cecilia (the colleague's patient) booked by the colleague; and a
    session at the other clinic."""
    here = schedule(cast, leader=cast.colleague)
    groups.book_patient(cast.physio, here.pk, cast.patient, now=NOW)
    cecilia = add_patient(cast, "cecilia@example.se", "Cecilia Exempel")
    cecilia.care_relations.update(physiotherapist=cast.colleague)
    groups.book_patient(cast.colleague, here.pk, cecilia, now=NOW)
    there, _ = groups.schedule_session(
        cast.other_physio, cast.other_clinic,
        session_input(cast, leader=cast.other_physio), now=NOW)
    return here, there, cecilia


def test_a_physiotherapist_books_patients_they_treat_at_their_clinic(cast, sessions):
    here, there, _cecilia = sessions
    assert answers(cast, access.may_book, cast.patient, here) == {"physio"}
    assert answers(cast, access.may_book, cast.patient, there) == set()


def test_a_booking_is_cancelled_by_its_patient_or_their_physiotherapist(cast, sessions):
    here, _there, _cecilia = sessions
    assert answers(cast, access.may_cancel_booking, cast.patient, here) == {
        "patient_user", "physio"}


def test_physiotherapists_of_the_clinic_mark_attendance(cast, sessions):
    here, there, _cecilia = sessions
    assert answers(cast, access.may_mark_attendance, here) == {"physio", "colleague"}
    assert answers(cast, access.may_mark_attendance, there) == {"other_physio"}


def test_the_leader_sees_the_whole_roster_others_their_own_patients(cast, sessions):
    here, _there, cecilia = sessions
    booked = {cast.patient, cecilia}

    def shown(user):
        return set(access.roster_patients(user, here)) & booked

    assert shown(cast.colleague) == booked  # the leader
    assert access.roster_visible(cast.colleague, here)
    assert shown(cast.physio) == {cast.patient}
    assert not access.roster_visible(cast.physio, here)
    assert shown(cast.clinic_admin) == set()  # counts only
    for name in ("other_physio", "patient_user", "anonymous"):
        with pytest.raises(AccessDenied):
            access.roster_patients(who(cast, name), here)


# Staff management ---------------------------------------------------------------------------

def membership(user, clinic) -> StaffMembership:
    return StaffMembership.objects.get(user=user, clinic=clinic)


def test_a_clinic_admin_manages_the_staff_of_their_clinics(cast):
    assert list(access.managed_clinics(cast.clinic_admin)) == [cast.clinic]
    assert {m.user for m in access.managed_memberships(cast.clinic_admin)} == {
        cast.physio, cast.colleague, cast.clinic_admin}
    for name in set(EVERYONE) - {"clinic_admin"}:
        assert not access.managed_clinics(who(cast, name)).exists(), name
        assert not access.managed_memberships(who(cast, name)).exists(), name


def test_an_account_joins_staff_only_in_its_own_staff_role(cast):
    assert access.may_join_staff(cast.colleague, Role.PHYSIOTHERAPIST)
    assert not access.may_join_staff(cast.colleague, Role.CLINIC_ADMIN)
    assert access.may_join_staff(cast.clinic_admin, Role.CLINIC_ADMIN)
    assert not access.may_join_staff(cast.patient.user, Role.PHYSIOTHERAPIST)
    assert not access.may_join_staff(cast.patient.user, Role.PATIENT)


def test_an_admin_removes_members_of_their_clinics_but_not_themself(cast):
    admin = cast.clinic_admin
    assert access.may_remove_member(admin, membership(cast.physio, cast.clinic))
    assert not access.may_remove_member(admin, membership(admin, cast.clinic))
    assert not access.may_remove_member(admin, membership(cast.other_physio, cast.other_clinic))
    assert not access.may_remove_member(cast.physio, membership(cast.colleague, cast.clinic))


def test_an_active_physiotherapist_colleague_takes_over_a_leavers_patients(cast):
    leaving = membership(cast.physio, cast.clinic)
    assert access.may_take_over(leaving, membership(cast.colleague, cast.clinic))
    assert not access.may_take_over(leaving, leaving)
    assert not access.may_take_over(leaving, membership(cast.clinic_admin, cast.clinic))
    assert not access.may_take_over(leaving, membership(cast.other_physio, cast.other_clinic))
    assert access.takeover_colleague(leaving, cast.colleague.pk) == cast.colleague
    for user in (cast.physio, cast.clinic_admin, cast.other_physio):
        assert access.takeover_colleague(leaving, user.pk) is None
    cast.colleague.is_active = False
    cast.colleague.save()
    assert access.takeover_colleague(leaving, cast.colleague.pk) is None


def test_invitation_links_set_passwords_of_patients_and_staff_only(cast):
    system_admin = User.objects.create_superuser(email="root@example.se", password=None)
    assert answers(cast, access.may_accept_invite) == set(EVERYONE) - {"anonymous"}
    assert not access.may_accept_invite(system_admin)


# Access follows care (SPEC §1, issue 11 item 6) ----------------------------------------------

@pytest.fixture
def proposal(cast):
    """The clinic admin proposes moving A's physiotherapist's patients to the colleague."""
    from battrerygg.clinic.transfers import propose_transfer

    return propose_transfer(cast.clinic_admin, membership(cast.physio, cast.clinic).pk,
                            cast.colleague.pk)[0]


def test_a_clinic_admin_of_the_clinic_proposes_a_transfer(cast):
    leaving = membership(cast.physio, cast.clinic)
    assert answers(cast, access.may_propose_transfer, leaving) == {"clinic_admin"}


def test_a_transfer_is_decided_by_a_second_person_who_treats_the_patients(cast, proposal):
    # not the proposer (the admin), not the receiver (the colleague): the one who treats them
    assert answers(cast, access.may_decide_transfer, proposal) == {"physio"}
    assert [p.pk for p in access.transfers_to_decide(cast.physio)] == [proposal.pk]
    assert access.transfers_to_decide(cast.clinic_admin) == []
    assert access.care_witnesses(cast.patient).get() == cast.physio


def test_where_nobody_active_treats_the_patients_another_clinic_admin_decides(cast, proposal):
    second = User.objects.create_user(email="admin2@example.se", role=Role.CLINIC_ADMIN)
    StaffMembership.objects.create(user=second, clinic=cast.clinic)
    cast.physio.is_active = False
    cast.physio.save()
    assert not access.care_witnesses(cast.patient).exists()
    assert access.may_decide_transfer(second, proposal)
    assert answers(cast, access.may_decide_transfer, proposal) == set()  # proposer included


def test_a_transfer_is_withdrawn_by_a_clinic_admin_while_pending(cast, proposal):
    assert answers(cast, access.may_cancel_transfer, proposal) == {"clinic_admin"}
    proposal.state = "approved"
    assert answers(cast, access.may_cancel_transfer, proposal) == set()
    assert answers(cast, access.may_decide_transfer, proposal) == set()


def test_the_receiver_must_still_work_there_with_a_second_factor(cast, proposal, monkeypatch):
    assert access.transfer_receiver(proposal) == cast.colleague
    assert access.may_receive_transfer(membership(cast.physio, cast.clinic),
                                       cast.colleague.pk) == cast.colleague
    monkeypatch.setattr(access, "has_enrolled_second_factor", lambda user: False)
    assert access.transfer_receiver(proposal) is None
    assert access.may_receive_transfer(membership(cast.physio, cast.clinic),
                                       cast.colleague.pk) is None
    assert not access.may_register_patient(cast.physio, cast.clinic)


def test_only_the_patient_answers_a_clinics_request(cast):
    assert answers(cast, access.may_answer_care_request, cast.patient) == {"patient_user"}
    assert answers(cast, access.may_request_care, cast.clinic) == {"physio", "colleague"}


def test_the_patient_sees_who_can_see_them_now(cast):
    assert [r.physiotherapist for r in access.care_team(cast.patient)] == [cast.physio]
    cast.physio.is_active = False
    cast.physio.save()
    assert list(access.care_team(cast.patient)) == []


def test_the_clinic_admin_reviews_the_log_of_their_clinics(cast):
    """SPEC T8: the log reviewer is the clinic admin; they search by their clinics'
    patients, and see the rows about those patients, made for those clinics, or made for no
    clinic by those clinics' staff."""
    from battrerygg.audit.keys import What
    from battrerygg.audit.models import AuditEvent
    from battrerygg.audit.services import record_denied, record_read

    assert answers(cast, access.may_review_log) == {"clinic_admin"}
    assert answers(cast, access.may_review_patient, cast.patient) == {"clinic_admin"}
    record_read(actor=cast.physio, patient=cast.patient, what=What.DIARY)
    record_denied(actor=cast.colleague, object_id="GET /x/")
    record_denied(actor=cast.other_physio, object_id="GET /y/")
    mine = access.reviewable_events(cast.clinic_admin)
    assert set(mine) == set(AuditEvent.objects.exclude(actor=cast.other_physio))
    assert not access.reviewable_events(cast.physio).exists()
    assert not access.reviewable_events(AnonymousUser()).exists()


def test_had_care_relation_is_judged_at_the_time_of_the_row(cast):
    from django.utils import timezone

    from battrerygg.audit.keys import What
    from battrerygg.audit.models import AuditEvent
    from battrerygg.audit.services import record_read
    from battrerygg.patients.models import CareRelation

    during = record_read(actor=cast.physio, patient=cast.patient, what=What.DIARY)
    CareRelation.objects.filter(physiotherapist=cast.physio, patient=cast.patient).update(
        ended_at=timezone.now())
    after = record_read(actor=cast.physio, patient=cast.patient, what=What.DIARY)
    flags = dict(AuditEvent.objects.filter(pk__in=[during.pk, after.pk])
                 .annotate(related=access.had_care_relation()).values_list("pk", "related"))
    assert flags == {during.pk: True, after.pk: False}
