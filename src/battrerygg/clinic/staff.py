"""Writes about staff: a clinic admin adds and removes staff of their clinics (SPEC §1 clinic
admin); a leaving physiotherapist's patients move only through a transfer that a second
person approves (``clinic.transfers``). Who may manage,
join, be removed and take over is decided by the access layer (``patients.access``). Here,
beside the admin pages, rather than in accounts: it needs the access layer and care
relations, which the accounts app may not import (docs/architecture.md, "Layers")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from battrerygg.accounts.models import Clinic, StaffMembership, User
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_auth_event
from battrerygg.care.invites import invite_link
from battrerygg.patients import access
from battrerygg.patients.access import STAFF_ROLES
from battrerygg.patients.models import CareRelation


class StaffError(Exception):
    """A staff change that cannot be made; ``message`` is translated for the admin."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


def _admin_clinic(admin: User, clinic_id: int) -> Clinic:
    clinic = access.managed_clinics(admin).filter(pk=clinic_id).first()
    if clinic is None:
        raise StaffError(_("You do not manage that clinic."))
    return clinic


@dataclass(frozen=True)
class Added:
    """The result of ``add_staff``: the member, whether the account is new (needs an
    invitation) and whether the membership already existed (a harmless repeat)."""

    user: User
    new_account: bool
    already_member: bool


@transaction.atomic
def add_staff(
    admin: User, *, clinic_id: int, email: str, full_name: str, role: str
) -> Added:
    """Add a staff member to a clinic the admin manages.

    email: any case (stored lower-case). role: physiotherapist or clinic_admin. A new account
    gets no usable password (the invitation sets it). An existing staff account with the
    same role is added to the clinic; repeating is harmless. Raises StaffError for a
    clinic the admin does not manage, an unknown role, or an e-mail that belongs to a
    non-staff account or to staff with another role.
    """
    clinic = _admin_clinic(admin, clinic_id)
    if role not in STAFF_ROLES:
        raise StaffError(_("Choose physiotherapist or clinic admin."))
    email = email.strip().lower()
    user = User.objects.filter(email=email).first()
    new_account = user is None
    if user is None:
        user = User.objects.create_user(email=email, password=None, full_name=full_name.strip(),
                                        role=role)
    elif not access.may_join_staff(user, role):
        # Never reveal what kind of account it is (it could be a patient's).
        raise StaffError(_("That e-mail address is already used by another account."))
    _membership, created = StaffMembership.objects.get_or_create(user=user, clinic=clinic)
    return Added(user, new_account, already_member=not created)


def staff_of(admin: User) -> list[StaffMembership]:
    """Memberships of the clinics the admin manages, by clinic and name."""
    return list(
        access.managed_memberships(admin)
        .select_related("user", "clinic")
        .order_by("clinic__name", "user__full_name", "user__email")
    )


def membership_for_admin(admin: User, membership_id: int) -> StaffMembership:
    """A membership of a clinic the admin manages. Raises StaffError otherwise."""
    found = (
        access.managed_memberships(admin).filter(pk=membership_id)
        .select_related("user", "clinic").first()
    )
    if found is None:
        raise StaffError(_("No such staff member at your clinics."))
    return found


def open_relations(membership: StaffMembership) -> int:
    """How many active care relations the member has at that clinic (a count, no names)."""
    return CareRelation.objects.filter(
        physiotherapist=membership.user, clinic=membership.clinic, ended_at__isnull=True
    ).count()


@transaction.atomic
def remove_staff(admin: User, membership_id: int) -> None:
    """Remove a staff member from a clinic. Refused while they have open care relations
    there: their patients move only through a transfer that a second person approves
    (``clinic.transfers``), never with one admin's click (SPEC §1). An admin cannot remove
    themself. Raises StaffError with a translated reason.
    """
    membership = membership_for_admin(admin, membership_id)
    if not access.may_remove_member(admin, membership):
        raise StaffError(_("You cannot remove yourself."))
    if CareRelation.objects.select_for_update().filter(
        physiotherapist=membership.user, clinic=membership.clinic, ended_at__isnull=True
    ).exists():
        raise StaffError(_(
            "This physiotherapist still has patients. Propose moving them to a colleague "
            "first; the move takes effect when a second person approves it."
        ))
    membership.delete()


def send_staff_invite(admin: User, user: User, clinic: Clinic, *, base_url: str | None = None
                      ) -> None:
    """E-mail a new staff member (in their language) a one-time link to choose a password:
    the same invitation link as patients get (care.invites), which expires after
    PASSWORD_RESET_TIMEOUT and stops working once a password is set. Only for accounts
    without a usable password, of clinics the admin manages (StaffError otherwise)."""
    _admin_clinic(admin, clinic.pk)
    if user.has_usable_password() or not access.has_role(user, *STAFF_ROLES):
        raise StaffError(_("This account already has a password."))
    link = invite_link(user, base_url=base_url)
    with translation.override(user.language or "sv"):
        context = {"link": link, "name": user.full_name, "clinic": clinic.name,
                   "days": settings.PASSWORD_RESET_TIMEOUT // 86400}
        subject = render_to_string("accounts/email/staff_invite_subject.txt", context).strip()
        body = render_to_string("accounts/email/staff_invite_body.txt", context)
    send_mail(subject, body, None, [user.email])


HSA_ID = re.compile(r"SE[0-9]{10}-[A-Za-z0-9]{1,18}")
"""An HSA-id (Inera's catalogue HSA): "SE", the catalogue owner's organisation number (10
digits, no hyphen), a hyphen, then at least one letter A-Z/a-z or digit (no å, ä, ö or @);
at most 31 characters in all. Example: SE2321000016-1003."""


def normalise_hsa_id(text: str) -> str | None:
    """The HSA-id typed (spaces around it removed, "se" as "SE"), None for an empty field.
    Raises StaffError for anything that is not an HSA-id."""
    value = text.strip()
    if not value:
        return None
    if value[:2].lower() == "se":
        value = "SE" + value[2:]
    if not HSA_ID.fullmatch(value):
        raise StaffError(_(
            "That is not an HSA-id. It looks like SE2321000016-1003: SE, ten digits, a "
            "hyphen, then letters or digits."))
    return value


@transaction.atomic
def set_hsa_id(admin: User, membership_id: int, text: str) -> User:
    """Set (or, with an empty ``text``, clear) the HSA-id of a staff member of a clinic the
    admin manages (``access.managed_memberships``); the region's e-ID logs staff in by it
    (``sso.matching``, ``BATTRERYGG_OIDC_STAFF_FIELD=hsa_id``) only once the member has
    confirmed it (``confirm_own_hsa_id``): a new value is unconfirmed. Audited (``STAFF_HSA_ID``,
    the member's id and the new value, for the clinic), and the member is told by e-mail
    once the change is committed. Setting the value it has is
    harmless (no row). Raises StaffError: not a member of the admin's clinics, not an
    HSA-id, or one another account has."""
    membership = membership_for_admin(admin, membership_id)
    value = normalise_hsa_id(text)
    user = User.objects.select_for_update().get(pk=membership.user_id)
    if user.hsa_id == value:
        return user
    taken = _("That HSA-id already belongs to another account.")
    if value is not None and User.objects.filter(hsa_id=value).exclude(pk=user.pk).exists():
        raise StaffError(taken)
    user.hsa_id = value
    user.hsa_id_confirmed_at = None  # only proposed until its owner confirms it
    try:
        with transaction.atomic():
            user.save(update_fields=["hsa_id", "hsa_id_confirmed_at"])
    except IntegrityError:  # set for another account at the same moment
        raise StaffError(taken) from None
    record_auth_event(actor=admin, what=What.STAFF_HSA_ID, clinic=membership.clinic,
                      detail=f"staff member {user.pk}: {value or 'cleared'}")
    transaction.on_commit(lambda: _tell_hsa_id(admin, user, membership.clinic))
    return user


@dataclass(frozen=True)
class HsaIdAnswer:
    """The result of ``confirm_own_hsa_id``: the account, and whether this call changed it
    (False: confirmed or cleared already, a harmless repeat)."""

    user: User
    changed: bool


@transaction.atomic
def confirm_own_hsa_id(user: User, shown: str, *, mine: bool) -> HsaIdAnswer:
    """The staff member's answer to "Is this the HSA-id on your e-ID card?" on their login
    and security page. mine=True: confirmed (``hsa_id_confirmed_at``), from now on single
    sign-on logs in by it (``access.may_sign_on_by_hsa_id``); mine=False ("Not mine"): the
    HSA-id is removed. shown: the HSA-id the page showed; the answer counts only for that
    value (an admin's change in between makes it stale). Only the owner, in a session that
    passed the second factor (``access.may_confirm_hsa_id``). Audited (``STAFF_HSA_ID_CONFIRMED``
    or ``STAFF_HSA_ID_REJECTED``, with the value) for each clinic of the member. Repeating
    an answer is harmless (no row). Raises StaffError: not allowed, or the HSA-id is
    not (any longer) the one shown."""
    if not access.may_confirm_hsa_id(user):
        raise StaffError(_("Log in with your password and your second step to answer."))
    account = User.objects.select_for_update().get(pk=user.pk)
    if not mine and not account.hsa_id:
        return HsaIdAnswer(account, changed=False)  # removed already (a second click)
    if not account.hsa_id or account.hsa_id != shown.strip():
        raise StaffError(_("Your HSA-id has changed meanwhile. Look at it again below."))
    value = account.hsa_id
    if mine:
        if account.hsa_id_confirmed_at is not None:
            return HsaIdAnswer(account, changed=False)
        account.hsa_id_confirmed_at = timezone.now()
        what = What.STAFF_HSA_ID_CONFIRMED
    else:
        account.hsa_id = None
        account.hsa_id_confirmed_at = None
        what = What.STAFF_HSA_ID_REJECTED
    account.save(update_fields=["hsa_id", "hsa_id_confirmed_at"])
    clinics: list[Clinic | None] = [*access.staff_clinics(account)]
    for clinic in clinics or [None]:
        record_auth_event(actor=account, what=what, clinic=clinic,
                          detail=f"staff member {account.pk}: {value}")
    user.hsa_id, user.hsa_id_confirmed_at = account.hsa_id, account.hsa_id_confirmed_at
    return HsaIdAnswer(account, changed=True)


def _tell_hsa_id(admin: User, user: User, clinic: Clinic) -> None:
    """E-mail the member (in their language) that their HSA-id was set or removed, and by
    whom: whoever logs in by e-ID with that HSA-id logs in to their account, so a wrong one
    is seen by the person it matters to."""
    with translation.override(user.language or "sv"):
        context = {"name": user.full_name, "admin": str(admin), "clinic": clinic.name,
                   "hsa_id": user.hsa_id}
        subject = render_to_string("clinic/email/hsa_id_subject.txt", context).strip()
        body = render_to_string("clinic/email/hsa_id_body.txt", context)
    send_mail(subject, body, None, [user.email])
