"""The access layer: which patients a user may see, and what they may do.

Every view, API route, service and export asks this module; nothing else decides who may
see or do what (``tests/test_access_boundary.py`` fails on a decision made elsewhere).
Rules (SPEC §1):
- a patient sees and changes their own data only;
- a physiotherapist sees patients of their clinics with whom they have an active care
  relation at one of those clinics, and writes their clinical records; their reads are
  audit-logged (``audit``);
- a clinic admin manages the staff and group sessions of their clinics and sees no patient
  content;
- a system admin sees no patient content through the product;
- access follows care: no single person gives themself, or an account they control, access
  to a patient. A transfer of patients needs a second person who already treats them
  (``may_decide_transfer``); a clinic where the patient is registered elsewhere gets access
  only on the patient's own yes (``care.services.answer_care_request``); and nobody gains
  access before enrolling a second factor (``has_enrolled_second_factor``).

``user`` parameters are Django users or AnonymousUser (typed ``Any``; every answer for an
anonymous user is "no"). Functions named ``may_*`` answer a question; ``check_*`` raise
AccessDenied; the others return what the user may see or choose from.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet

from battrerygg.accounts.models import Clinic, Role, StaffMembership, User
from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from battrerygg.audit.services import record_read
from battrerygg.patients.models import CareRelation, Patient, TransferProposal

STAFF_ROLES = (Role.PHYSIOTHERAPIST, Role.CLINIC_ADMIN)
"""The roles that work at clinics (a StaffMembership); the others are patients and system
admins."""


class AccessDenied(Exception):
    """The user may not see or change this patient's data (shown as 404, never 403,
    so that ids of other patients are not confirmed)."""


def _active(user: Any) -> bool:
    """Logged in, active, and past the second factor where one is required (staff whose
    session has none see no patient and no clinic: ``passed_second_factor``)."""
    return (
        bool(getattr(user, "is_authenticated", False))
        and bool(user.is_active)
        and passed_second_factor(user)
    )


# Who is who ---------------------------------------------------------------------------------

def has_role(user: Any, *roles: str) -> bool:
    """Whether ``user`` is logged in with one of ``roles`` (Role values). Anonymous: False.

    Says nothing about clinics: a staff page also needs ``staff_clinics(user)`` (the
    guards of the staff pages). Django's login refuses inactive users, so a logged-in user
    is active; an account passed in by a service (a leader, a new member) is checked as it
    is stored.
    """
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", None) in roles


def may_sign_on_as_staff(account: Any) -> bool:
    """Whether single sign-on may log a person in to ``account``, found by the staff claim
    the region's e-ID vouched for (``battrerygg.sso``): an active staff account
    (physiotherapist or clinic admin). SSO never logs in to a system admin's account, nor
    creates one."""
    return bool(account.is_active) and account.role in STAFF_ROLES


def may_sign_on_by_hsa_id(account: Any) -> bool:
    """Whether single sign-on may log a person in to ``account`` because their e-ID names
    its HSA-id: only once the account's owner has confirmed that the HSA-id is theirs
    (``hsa_id_confirmed_at``, see ``may_confirm_hsa_id``). An HSA-id a clinic admin set is
    only proposed: otherwise an admin could put their own card's HSA-id on a colleague's
    account and log in to it (SPEC §1: nobody gives themselves access alone)."""
    return bool(account.hsa_id) and account.hsa_id_confirmed_at is not None


def may_confirm_hsa_id(user: Any) -> bool:
    """Whether ``user`` may confirm (or reject) the HSA-id on their own account: an active
    staff account, in a session that passed the second factor
    (``passed_second_factor``), so that the owner's password and second step, never the
    admin who set it nor an e-ID login by it, make it usable for single sign-on."""
    return (_active(user) and user.role in STAFF_ROLES
            and requires_second_factor(user) and passed_second_factor(user))


def may_sign_on_as_patient(patient: Patient) -> bool:
    """Whether single sign-on may log a person in to ``patient``'s account, found by the
    identity number the e-ID vouched for: an active patient account of a record a clinic
    registered (self-registered records without a clinic are not linked by SSO)."""
    return (bool(patient.user.is_active) and patient.user.role == Role.PATIENT
            and patient.clinic_id is not None)


def may_sign_on_with_link(linked: Any, named: Any) -> bool:
    """Whether an e-ID login already linked to the account ``linked`` may go on when its
    claims now name the account ``named``: only when they are the same account (a link
    never carries a login over to someone else)."""
    return bool(linked.pk is not None and linked.pk == named.pk)


def may_use_password(account: Any, staff_passwords: bool, staff_field: str = "hsa_id") -> bool:
    """Whether ``account`` may log in with a local password. staff_passwords: the
    deployment's choice (``BATTRERYGG_OIDC_STAFF_PASSWORDS``); when False, staff log in
    by the region's single sign-on only. Patients and system admins keep their passwords.
    staff_field: what SSO matches staff by (``BATTRERYGG_OIDC_STAFF_FIELD``); with
    "hsa_id", a staff account whose HSA-id is set but not yet confirmed
    (``may_sign_on_by_hsa_id``) keeps its password, so that its owner can log in with
    password and second step once and confirm it (e-ID refuses them until then)."""
    if staff_passwords or getattr(account, "role", None) not in STAFF_ROLES:
        return True
    return (staff_field == "hsa_id" and bool(getattr(account, "hsa_id", None))
            and not may_sign_on_by_hsa_id(account))


def staff_clinics(user: Any, role: str | None = None) -> QuerySet[Clinic]:
    """Clinics ``user`` works at as staff (physiotherapist or clinic admin); none for
    anyone else. role: limit to users of that role (e.g. Role.CLINIC_ADMIN)."""
    if not _active(user) or user.role not in STAFF_ROLES:
        return Clinic.objects.none()
    if role is not None and user.role != role:
        return Clinic.objects.none()
    return Clinic.objects.filter(memberships__user=user).order_by("name")


def treating_relations(user: Any) -> QuerySet[CareRelation]:
    """The care relations through which ``user`` treats patients: their own, not ended, at
    a clinic where they work. ``visible_patients`` and ``may_treat`` rest on them; the first
    by start is the clinic of a staff read (``patient_for_staff``). Callers check the role
    (a relation of a user who is no physiotherapist gives no access)."""
    return CareRelation.objects.filter(
        physiotherapist=user,
        ended_at__isnull=True,
        clinic__memberships__user=user,
    )


def visible_patients(user: Any) -> QuerySet[Patient]:
    """Patients whose data ``user`` may read. Anonymous users: none."""
    if not _active(user):
        return Patient.objects.none()
    if user.role == Role.PATIENT:
        return Patient.objects.filter(user=user)
    if user.role == Role.PHYSIOTHERAPIST:
        return Patient.objects.filter(pk__in=treating_relations(user).values("patient_id"))
    return Patient.objects.none()


def may_see(user: Any, patient: Patient) -> bool:
    """Whether ``user`` may read ``patient``'s data: the same answer as
    ``visible_patients``, without a query when a patient asks about themself."""
    if not _active(user):
        return False
    if user.role == Role.PATIENT:
        return bool(patient.user_id == user.pk)
    return visible_patients(user).filter(pk=patient.pk).exists()


@dataclass(frozen=True)
class StaffAccess:
    """A physiotherapist's access to one patient: the patient and the clinic of the care
    relation the access rests on (recorded in the audit log)."""

    patient: Patient
    clinic: Clinic


def patient_for_staff(user: Any, ref: uuid.UUID | str) -> StaffAccess:
    """The patient with reference ``ref`` if ``user`` is a physiotherapist with an active
    care relation to them at one of their clinics. Raises AccessDenied otherwise (unknown,
    malformed or foreign references alike)."""
    if not _active(user) or user.role != Role.PHYSIOTHERAPIST:
        raise AccessDenied
    try:
        ref = uuid.UUID(str(ref))
    except ValueError:
        raise AccessDenied from None
    relation = (
        treating_relations(user)
        .filter(patient__ref=ref)
        .select_related("patient", "patient__user", "patient__clinic", "clinic")
        .order_by("started_at")
        .first()
    )
    if relation is None:
        raise AccessDenied
    return StaffAccess(relation.patient, relation.clinic)


def own_patient(user: Any) -> Patient:
    """The patient record of a logged-in patient. Raises AccessDenied for anyone else."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.PATIENT:
        raise AccessDenied
    try:
        return Patient.objects.select_related("clinic").get(user=user)
    except Patient.DoesNotExist:
        raise AccessDenied from None


def is_self(user: Any, patient: Patient) -> bool:
    """Whether ``user`` is ``patient``'s own account: the patient acting for themself, not
    staff acting for them. Anonymous: False. What only the patient may do asks this
    (``may_change``); so does what differs when the patient acts themself (an audit row
    of their own act has no clinic; a page of their own data does not name them)."""
    return bool(getattr(user, "is_authenticated", False)) and patient.user_id == user.pk


def may_change(user: Any, patient: Patient) -> bool:
    """Patient-entered data (diary, plan, red-flag checks) is changed by the patient only."""
    return is_self(user, patient)


def may_treat(user: Any, patient: Patient) -> bool:
    """Clinical records (assessment, enrolment, prescriptions, bookings) are written by a
    physiotherapist with an active care relation to the patient."""
    return (
        _active(user)
        and user.role == Role.PHYSIOTHERAPIST
        and treating_relations(user).filter(patient=patient).exists()
    )


def check_treat(user: Any, patient: Patient) -> None:
    """Let ``user`` write ``patient``'s clinical records (``may_treat``): assessment,
    consent, enrolment, ending an episode, invitations, prescriptions, questionnaire
    assignments. Raises AccessDenied otherwise."""
    if not may_treat(user, patient):
        raise AccessDenied


def may_set_pain_limits(user: Any, patient: Patient) -> bool:
    """A patient's pain-monitoring limits (zone limits, 24-hour tolerance; SPEC C1) are set
    by a physiotherapist who may treat them (``may_treat``); the patient sees them but does
    not set them."""
    return may_treat(user, patient)


def check_set_pain_limits(user: Any, patient: Patient) -> None:
    """Let ``user`` set ``patient``'s pain limits (``may_set_pain_limits``). Raises
    AccessDenied otherwise."""
    if not may_set_pain_limits(user, patient):
        raise AccessDenied


def may_set_clinic_pain_limits(user: Any, clinic: Clinic) -> bool:
    """A clinic's default zone limits (SPEC C1) are set by an admin of that clinic
    (``managed_clinics``)."""
    return managed_clinics(user).filter(pk=clinic.pk).exists()


def may_register_patient(user: Any, clinic: Clinic) -> bool:
    """A new patient is registered at ``clinic`` by a physiotherapist of that clinic, who
    then cares for them (SPEC T1), once they have enrolled a second factor
    (``has_enrolled_second_factor``)."""
    return (registration_clinics(user).filter(pk=clinic.pk).exists()
            and has_enrolled_second_factor(user))


def registration_clinics(user: Any) -> QuerySet[Clinic]:
    """The clinics at which ``user`` may register a new patient (``may_register_patient``):
    those where they work as a physiotherapist; none for anyone else."""
    return staff_clinics(user, Role.PHYSIOTHERAPIST)


def may_enter_answers(user: Any, patient: Patient) -> bool:
    """Questionnaire answers are entered by the patient (their own) or, from a paper form,
    by a physiotherapist who may treat them (SPEC C4, T1)."""
    return may_change(user, patient) or may_treat(user, patient)


def check_enter_answers(user: Any, patient: Patient) -> None:
    """Let ``user`` answer ``patient``'s questionnaires (``may_enter_answers``). Raises
    AccessDenied otherwise."""
    if not may_enter_answers(user, patient):
        raise AccessDenied


def check_read(user: Any, patient: Patient, what: What, object_id: object = "") -> None:
    """Let ``user`` read ``patient``'s data named ``what`` (e.g. "diary"), writing the
    audit read row for staff (none inside a staff page's read scope, which has its own).
    Raises AccessDenied when ``may_see`` says no."""
    if not may_see(user, patient):
        raise AccessDenied
    record_read(actor=user, patient=patient, what=what, object_id=object_id)


# The dashboard's reviews (SPEC C7) -----------------------------------------------------------

class ReviewLike(Protocol):
    """What this layer reads of a review of dashboard signals (``clinic.Review``); a
    protocol, so that the base app does not import the clinic app."""

    @property
    def physiotherapist_id(self) -> int: ...

    @property
    def patient(self) -> Patient: ...


def may_undo_review(user: Any, review: ReviewLike) -> bool:
    """A review of a patient's dashboard signals is undone by the physiotherapist who made
    it, while they may still treat the patient (``may_treat``)."""
    return (
        _active(user) and review.physiotherapist_id == user.pk
        and may_treat(user, review.patient)
    )


# Group sessions (SPEC T4) ------------------------------------------------------------------

class GroupSessionLike(Protocol):
    """What this layer reads of a group session (``groups.GroupSession``); a protocol, so
    that the base app does not import the groups app."""

    @property
    def clinic_id(self) -> int: ...

    @property
    def leader_id(self) -> int: ...

    @property
    def bookings(self) -> Any: ...


def may_manage_sessions(user: Any, clinic: Clinic) -> bool:
    """Whether ``user`` may schedule, change and cancel group sessions of ``clinic``: its
    clinic admins and physiotherapists."""
    return staff_clinics(user).filter(pk=clinic.pk).exists()


def clinic_physiotherapists(clinic: Clinic) -> QuerySet[User]:
    """The active physiotherapists of ``clinic``: who may lead its sessions (``may_lead``)
    and take over a leaving colleague's patients (``may_take_over``)."""
    return User.objects.filter(
        role=Role.PHYSIOTHERAPIST, is_active=True, memberships__clinic=clinic
    )


def may_lead(user: Any, clinic: Clinic) -> bool:
    """A session of ``clinic`` is led by an active physiotherapist of that clinic."""
    return clinic_physiotherapists(clinic).filter(pk=user.pk).exists()


def may_book(user: Any, patient: Patient, session: GroupSessionLike) -> bool:
    """A patient is booked into a session by a physiotherapist who may treat them
    (``may_treat``) and works at the session's clinic."""
    return may_treat(user, patient) and staff_clinics(user).filter(pk=session.clinic_id).exists()


def may_cancel_booking(user: Any, patient: Patient, session: GroupSessionLike) -> bool:
    """A booking is cancelled by its patient (``may_change``) or by a physiotherapist who
    may book them into that session (``may_book``)."""
    return may_change(user, patient) or may_book(user, patient, session)


def may_mark_attendance(user: Any, session: GroupSessionLike) -> bool:
    """Attendance is marked by a physiotherapist of the session's clinic: the leader for
    everyone booked, another physiotherapist for the patients they treat
    (``roster_patients``)."""
    return (
        has_role(user, Role.PHYSIOTHERAPIST)
        and staff_clinics(user).filter(pk=session.clinic_id).exists()
    )


def roster_visible(user: Any, session: GroupSessionLike) -> bool:
    """Whether ``user`` sees the whole roster (every booked patient's name and attendance)
    of a group session (groups.GroupSession): only its leader, while a physiotherapist of
    the session's clinic. Other physiotherapists of the clinic see their own patients in
    it (``visible_patients``); clinic admins see counts only; patients see their own
    booking only."""
    return (
        _active(user)
        and user.role == Role.PHYSIOTHERAPIST
        and session.leader_id == user.pk
        and staff_clinics(user).filter(pk=session.clinic_id).exists()
    )


def roster_patients(user: Any, session: GroupSessionLike) -> QuerySet[Patient]:
    """The patients of ``session`` whom ``user`` sees by name (and marks attendance for):
    every patient with a booking in the session for the leader (``roster_visible``), their
    own patients (``visible_patients``) for another physiotherapist of the session's
    clinic, nobody for a clinic admin (counts only). A filter: callers still choose the
    bookings (booked, waiting). Raises AccessDenied for anyone who is not staff of the
    session's clinic."""
    if not staff_clinics(user).filter(pk=session.clinic_id).exists():
        raise AccessDenied
    if not has_role(user, Role.PHYSIOTHERAPIST):
        return Patient.objects.none()
    if roster_visible(user, session):
        return Patient.objects.filter(pk__in=session.bookings.values("patient_id"))
    return visible_patients(user)


# Staff management (SPEC §1 clinic admin) ----------------------------------------------------

def managed_clinics(user: Any) -> QuerySet[Clinic]:
    """The clinics whose staff ``user`` manages: those where they are a clinic admin."""
    return staff_clinics(user, Role.CLINIC_ADMIN)


def managed_memberships(user: Any) -> QuerySet[StaffMembership]:
    """The staff memberships of the clinics ``user`` manages (``managed_clinics``)."""
    return StaffMembership.objects.filter(clinic__in=managed_clinics(user))


def may_join_staff(user: Any, role: str) -> bool:
    """An account already registered joins a clinic's staff only in the staff role it has
    (a patient's or a system admin's account never joins)."""
    return role in STAFF_ROLES and getattr(user, "role", None) == role


def may_remove_member(user: Any, membership: StaffMembership) -> bool:
    """A clinic admin removes a member of a clinic they manage, never themself."""
    return membership.user_id != getattr(user, "pk", None) and managed_memberships(user).filter(
        pk=membership.pk
    ).exists()


def may_take_over(leaving: StaffMembership, colleague: StaffMembership) -> bool:
    """Whether ``colleague`` may take over the patients of ``leaving`` (a member being
    removed): another active physiotherapist of the same clinic. Reads the colleague's
    user (``select_related("user")`` avoids a query per colleague)."""
    return (
        colleague.clinic_id == leaving.clinic_id
        and colleague.user_id != leaving.user_id
        and colleague.user.role == Role.PHYSIOTHERAPIST
        and colleague.user.is_active
    )


def takeover_colleague(leaving: StaffMembership, user_id: int) -> User | None:
    """The user ``user_id`` if they may take over the patients of ``leaving``
    (``may_take_over``), else None."""
    colleague = (
        StaffMembership.objects.filter(clinic_id=leaving.clinic_id, user_id=user_id)
        .select_related("user").first()
    )
    if colleague is None or not may_take_over(leaving, colleague):
        return None
    return colleague.user


# The access-log review (SPEC T8, PDL 4 kap. 3 §) ----------------------------------------------

def may_review_log(user: Any) -> bool:
    """The clinic's log reviewer is its clinic admin: whoever manages at least one clinic
    (``managed_clinics``) reviews its access log."""
    return managed_clinics(user).exists()


def may_review_patient(user: Any, patient: Patient) -> bool:
    """The log reviewer searches the log by a patient of a clinic they manage (the
    patient's clinic; a patient of no clinic: no)."""
    if patient.clinic_id is None:
        return False
    return managed_clinics(user).filter(pk=patient.clinic_id).exists()


def reviewable_events(user: Any) -> QuerySet[AuditEvent]:
    """The access-log rows the log reviewer ``user`` may search: those about the patients of
    the clinics they manage (the patient's clinic), those made for those clinics (the row's
    clinic: the care relation a read rests on), and those of those clinics' staff made for
    no clinic (reads without a care relation, refused attempts). None for anyone who
    manages no clinic."""
    clinics = managed_clinics(user)
    if not may_review_log(user):
        return AuditEvent.objects.none()
    staff = StaffMembership.objects.filter(clinic__in=clinics).values("user_id")
    return AuditEvent.objects.filter(
        Q(patient__clinic__in=clinics) | Q(clinic__in=clinics)
        | Q(clinic__isnull=True, actor__in=staff)
    )


def had_care_relation() -> Exists:
    """An expression over AuditEvent rows: whether the row's actor had a care relation
    with the row's patient when the row was written (started before, not ended then; at
    any clinic). A staff read without one is what the log review shows first."""
    return Exists(CareRelation.objects.filter(
        physiotherapist=OuterRef("actor"), patient=OuterRef("patient"),
        started_at__lte=OuterRef("at"),
    ).filter(Q(ended_at__isnull=True) | Q(ended_at__gt=OuterRef("at"))))


# Invitations (SPEC T2) ----------------------------------------------------------------------

def may_accept_invite(user: Any) -> bool:
    """An invitation link sets the password of a patient (invited by their physiotherapist)
    or of staff (invited by their clinic admin); never of a system admin."""
    return getattr(user, "role", None) in (Role.PATIENT, *STAFF_ROLES)


# Second factor (SPEC §1: staff reach patient data only after a second factor) -------------

def has_enrolled_second_factor(user: Any) -> bool:
    """Whether ``user`` (active) has enrolled a second factor: an authenticator app or a
    passkey (django-allauth's MFA; recovery codes alone are not a factor), or, for an
    account that needs none (``requires_second_factor``: a patient), always. A care
    relation is never created for, and a transfer never approved to, an account that has
    not: a new staff account cannot be handed patients before its owner has set up
    two-factor (SPEC §1). A region's SSO that vouches for a second factor is judged per
    session (``second_factor_satisfied``); such an account enrols nothing here and so is
    handed patients only once it has an authenticator or a passkey too.
    """
    if not _active(user):
        return False
    if not requires_second_factor(user):
        return True
    return _has_authenticator(user)


def _has_authenticator(user: Any) -> bool:
    """Whether ``user`` has an authenticator app or a passkey (allauth's MFA), whatever
    their session has passed."""
    from allauth.mfa.models import Authenticator

    return bool(Authenticator.objects.filter(
        user=user, type__in=(Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN),
    ).exists())


def may_manage_second_factor(user: Any) -> bool:
    """Whether ``user`` may use the two-factor pages that add, remove or show an
    authenticator or recovery codes in this session (all of allauth's but those that verify
    one). Everyone may, but staff whose session has not passed the second factor while
    their account has one (``passed_second_factor``): they verify it first, so that a
    password alone never adds a factor, shows or renews recovery codes (then usable as
    the second factor), or removes one. Staff who have none enrol their first."""
    if not requires_second_factor(user) or passed_second_factor(user):
        return True
    return not _has_authenticator(user)


# Access follows care: transfers of patients (SPEC §1) ---------------------------------------

def care_witnesses(patient: Patient) -> QuerySet[User]:
    """The people who already treat ``patient``: active physiotherapists with an active care
    relation to them at a clinic where they work (those whom ``visible_patients`` lets see
    the patient)."""
    return User.objects.filter(
        role=Role.PHYSIOTHERAPIST, is_active=True,
        pk__in=CareRelation.objects.filter(
            patient=patient, ended_at__isnull=True,
            clinic__memberships__user=models.F("physiotherapist"),
        ).values("physiotherapist_id"),
    )


def may_propose_transfer(user: Any, leaving: StaffMembership) -> bool:
    """A move of a physiotherapist's patients (``leaving``: their membership) is proposed by
    a clinic admin of that clinic. Proposing gives nobody access (``may_decide_transfer``)."""
    return managed_memberships(user).filter(pk=leaving.pk).exists()


def may_receive_transfer(leaving: StaffMembership, user_id: int) -> User | None:
    """The account ``user_id`` if it may receive the patients of ``leaving``: a colleague
    who may take them over (``takeover_colleague``) and has enrolled a second factor
    (``has_enrolled_second_factor``); else None. Asked when proposing and again when
    approving."""
    colleague = takeover_colleague(leaving, user_id)
    if colleague is None or not has_enrolled_second_factor(colleague):
        return None
    return colleague


def transfer_receiver(proposal: TransferProposal) -> User | None:
    """The receiving account of ``proposal`` if it may still take the patients over when
    the proposal is approved: an active physiotherapist of its clinic, not the one leaving,
    with a second factor (``has_enrolled_second_factor``); else None."""
    target = (clinic_physiotherapists(proposal.clinic).filter(pk=proposal.to_physiotherapist_id)
              .exclude(pk=proposal.from_physiotherapist_id).first())
    if target is None or not has_enrolled_second_factor(target):
        return None
    return target


def may_decide_transfer(user: Any, proposal: TransferProposal) -> bool:
    """Whether ``user`` may approve (or decline) ``proposal``: a second person.

    Never the proposer, never the receiving account. For each patient of the proposal the
    decider must be one who already treats them (``care_witnesses``, the receiving account
    aside); for a patient nobody active treats, a clinic admin of the proposal's clinic. So
    one admin alone, with an account they invited to a mailbox they control, cannot move
    patients to it. Only pending proposals are decided.
    """
    if not _active(user) or proposal.state != TransferProposal.State.PENDING:
        return False
    if user.pk in (proposal.proposer_id, proposal.to_physiotherapist_id):
        return False
    if not has_role(user, *STAFF_ROLES) or not has_enrolled_second_factor(user):
        return False
    admin_here = managed_clinics(user).filter(pk=proposal.clinic_id).exists()
    patients = list(proposal.patients.all())
    for patient in patients:
        witnesses = care_witnesses(patient).exclude(
            pk__in=[proposal.proposer_id, proposal.to_physiotherapist_id])
        if witnesses.exists():
            if not witnesses.filter(pk=user.pk).exists():
                return False
        elif not admin_here:
            return False
    return bool(patients)


def transfers_to_decide(user: Any) -> list[TransferProposal]:
    """The pending proposals ``user`` may approve or decline (``may_decide_transfer``), of
    the clinics where they work, oldest first."""
    pending = TransferProposal.objects.filter(
        state=TransferProposal.State.PENDING, clinic__in=staff_clinics(user),
    ).select_related("clinic", "from_physiotherapist", "to_physiotherapist", "proposer")
    return [p for p in pending.order_by("created_at", "pk") if may_decide_transfer(user, p)]


def transfer_deciders(proposal: TransferProposal) -> list[User]:
    """Who may approve or decline ``proposal`` (``may_decide_transfer``): those told of it
    when it is proposed. The treating physiotherapists of its patients and the staff of its
    clinic are asked, nobody else."""
    witnesses = User.objects.filter(
        pk__in=CareRelation.objects.filter(
            patient__in=proposal.patients.all(), ended_at__isnull=True,
        ).values("physiotherapist_id"))
    candidates = witnesses | User.objects.filter(memberships__clinic_id=proposal.clinic_id)
    return [u for u in candidates.distinct().order_by("pk") if may_decide_transfer(u, proposal)]


def managed_transfers(user: Any) -> QuerySet[TransferProposal]:
    """The proposals of the clinics ``user`` manages (``managed_clinics``)."""
    return TransferProposal.objects.filter(clinic__in=managed_clinics(user))


def may_cancel_transfer(user: Any, proposal: TransferProposal) -> bool:
    """A pending proposal is withdrawn by a clinic admin of its clinic."""
    return (
        proposal.state == TransferProposal.State.PENDING
        and managed_clinics(user).filter(pk=proposal.clinic_id).exists()
    )


# What the patient sees of who may see them (SPEC §1) ------------------------------------------

def care_team(patient: Patient) -> QuerySet[CareRelation]:
    """The care relations through which staff may see ``patient`` now (the same rule as
    ``visible_patients``: open, of an active physiotherapist working at the clinic), for the
    patient's own "who can see my data" page."""
    return CareRelation.objects.filter(
        patient=patient, ended_at__isnull=True, physiotherapist__is_active=True,
        physiotherapist__role=Role.PHYSIOTHERAPIST,
        clinic__memberships__user=models.F("physiotherapist"),
    ).select_related("physiotherapist", "clinic").order_by("started_at")


def care_relations_of(patient: Patient, ids: list[int]) -> dict[int, CareRelation]:
    """``patient``'s care relations with the given ids (open or ended), by id: the history
    on the patient's own page names whom each change concerned."""
    return {r.pk: r for r in CareRelation.objects.filter(patient=patient, pk__in=ids)
            .select_related("physiotherapist", "clinic")}


def may_answer_care_request(user: Any, patient: Patient) -> bool:
    """A clinic's request to care for a patient is answered by the patient only
    (``is_self``): a clinic's word alone never gives it access to a registered person."""
    return is_self(user, patient)


def may_request_care(user: Any, clinic: Clinic) -> bool:
    """A physiotherapist may ask a registered patient to agree to their care at ``clinic``
    when they may register patients there (``may_register_patient``) and have enrolled a
    second factor. Asked again when the patient says yes."""
    return may_register_patient(user, clinic) and has_enrolled_second_factor(user)


# Second factor (SPEC §1, Q2) -----------------------------------------------------------------

SECOND_FACTOR_ATTRIBUTE = "second_factor_verified"
"""Set on the request's user by ``accounts.middleware.SecondFactorMiddleware`` (the
answer of ``second_factor_satisfied`` for the session). A user object that did not come
from a request (a command, a service called by a test) has no mark and is not gated."""


def requires_second_factor(user: Any) -> bool:
    """Whether ``user`` must have passed a second factor before seeing patient data or an
    admin page: every role but the patient's (physiotherapist, clinic admin, system admin,
    and any staff role added later), and anyone with Django admin rights. Patients may
    add one; it is not required. Anonymous: False."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(
        getattr(user, "role", None) != Role.PATIENT
        or getattr(user, "is_staff", False)
        or getattr(user, "is_superuser", False)
    )


def second_factor_satisfied(user: Any, request_auth_records: list[dict[str, Any]]) -> bool:
    """Whether the session of ``user`` counts as two-factor, from the authentication
    records of the session (django-allauth's ``account_authentication_methods``: dicts with
    ``method`` "password", "mfa", "socialaccount"…, and ``at``).

    True for a user who needs none (``requires_second_factor``); else when a record is a
    single sign-on whose identity provider vouches for one (``sso_vouches_for_second_factor``),
    or a passed second factor (``method == "mfa"``: a TOTP or recovery code, a passkey)
    while the account still has one enrolled (``has_enrolled_second_factor``): removing the
    last authenticator app or passkey ends the two-factor standing of every session of the
    account, the current one included.
    """
    if not requires_second_factor(user):
        return True
    if any(sso_vouches_for_second_factor(record) for record in request_auth_records):
        return True
    return (any(record.get("method") == "mfa" for record in request_auth_records)
            and has_enrolled_second_factor(user))


def sso_vouches_for_second_factor(record: dict[str, Any]) -> bool:
    """The hook for single sign-on: an authentication record of an SSO login (method
    "socialaccount") whose identity provider vouched for a second factor (e.g. SITHS, an
    ``acr``/``amr`` the OIDC integration checked) carries ``"second_factor": True``; the
    integration that writes the record decides, this function only reads it."""
    return record.get("method") == "socialaccount" and record.get("second_factor") is True


def passed_second_factor(user: Any) -> bool:
    """The gate for patient data and admin pages: False for a request's user who needs a
    second factor and whose session has none (the middleware's mark, see
    ``SECOND_FACTOR_ATTRIBUTE``); True otherwise."""
    return bool(getattr(user, SECOND_FACTOR_ATTRIBUTE, True))
