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
- a system admin sees no patient content through the product.

``user`` parameters are Django users or AnonymousUser (typed ``Any``; every answer for an
anonymous user is "no"). Functions named ``may_*`` answer a question; ``check_*`` raise
AccessDenied; the others return what the user may see or choose from.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import QuerySet

from battrerygg.accounts.models import Clinic, Role, StaffMembership, User
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_read
from battrerygg.patients.models import CareRelation, Patient

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


def may_use_password(account: Any, staff_passwords: bool) -> bool:
    """Whether ``account`` may log in with a local password. staff_passwords: the
    deployment's choice (``BATTRERYGG_OIDC_STAFF_PASSWORDS``); when False, staff log in
    by the region's single sign-on only. Patients and system admins keep their passwords."""
    return staff_passwords or getattr(account, "role", None) not in STAFF_ROLES


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


def may_register_patient(user: Any, clinic: Clinic) -> bool:
    """A new patient is registered at ``clinic`` by a physiotherapist of that clinic, who
    then cares for them (SPEC T1)."""
    return registration_clinics(user).filter(pk=clinic.pk).exists()


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


# Invitations (SPEC T2) ----------------------------------------------------------------------

def may_accept_invite(user: Any) -> bool:
    """An invitation link sets the password of a patient (invited by their physiotherapist)
    or of staff (invited by their clinic admin); never of a system admin."""
    return getattr(user, "role", None) in (Role.PATIENT, *STAFF_ROLES)


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
    passed second factor (``method == "mfa"``: a TOTP or recovery code, a passkey) or a
    single sign-on whose identity provider vouches for one (``sso_vouches_for_second_factor``).
    """
    if not requires_second_factor(user):
        return True
    return any(
        record.get("method") == "mfa" or sso_vouches_for_second_factor(record)
        for record in request_auth_records
    )


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
