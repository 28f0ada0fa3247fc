"""Who an e-ID login names: an existing staff account, or a patient a clinic registered.

Rules (SPEC §1, issue 11):
- staff by the configured claim (``SSO_STAFF_CLAIM``) compared with the account field
  ``SSO_STAFF_FIELD`` ("hsa_id" or "email"); an e-mail claim counts only when the broker
  says it is verified (``email_verified``). Only an active physiotherapist's or clinic
  admin's account (``access.may_sign_on_as_staff``); never created; by an HSA-id only
  once the account's owner has confirmed it (``access.may_sign_on_by_hsa_id``), else
  refused (HSA_ID_UNCONFIRMED) with nothing created or changed;
- otherwise a patient by the personal identity number claim (``SSO_PNR_CLAIM``, or the
  coordination number claim ``SSO_COORDINATION_CLAIM``), normalised and looked up by
  ``patients.queries.patient_for_identity_number``; only a record a clinic registered
  (``access.may_sign_on_as_patient``); never created, never linked by e-mail alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from battrerygg.accounts.models import User
from battrerygg.patients import access
from battrerygg.patients.queries import patient_for_identity_number
from battrerygg.sso.checks import SsoRefused
from battrerygg.sso.texts import Refusal


@dataclass(frozen=True)
class Match:
    """The account an e-ID login is for; ``staff`` when matched by the staff claim."""

    user: User
    staff: bool


def _text(claims: dict[str, Any], name: str) -> str:
    value = claims.get(name) if name else None
    return value.strip() if isinstance(value, str) else ""


def _staff_account(claims: dict[str, Any]) -> User | None:
    """The staff account the staff claim names, or None (no claim, no such account)."""
    claim: str = settings.SSO_STAFF_CLAIM
    value = _text(claims, claim)
    if not value:
        return None
    if settings.SSO_STAFF_FIELD == "email":
        if claim == "email" and claims.get("email_verified") is not True:
            return None
        account = User.objects.filter(email__iexact=value).first()
    else:
        account = User.objects.filter(hsa_id=value).first()
    if account is None:
        return None
    if not access.may_sign_on_as_staff(account):
        return None
    if settings.SSO_STAFF_FIELD != "email" and not access.may_sign_on_by_hsa_id(account):
        # Proposed by a clinic admin, not yet confirmed by the account's owner.
        raise SsoRefused(Refusal.HSA_ID_UNCONFIRMED)
    return account


def match_account(claims: dict[str, Any]) -> Match:
    """The account these (checked) claims name. Raises SsoRefused: UNKNOWN_NUMBER (no
    patient with that number), INVALID_NUMBER, NOT_ALLOWED (a record that may not be
    logged in to by SSO), HSA_ID_UNCONFIRMED (a staff account whose HSA-id its owner has
    not confirmed), NO_IDENTITY (neither a staff claim that matches nor a number)."""
    staff = _staff_account(claims)
    if staff is not None:
        return Match(staff, staff=True)
    number = _text(claims, settings.SSO_PNR_CLAIM) or _text(
        claims, settings.SSO_COORDINATION_CLAIM)
    if not number:
        raise SsoRefused(Refusal.NO_IDENTITY)
    try:
        patient = patient_for_identity_number(number)
    except ValueError:
        raise SsoRefused(Refusal.INVALID_NUMBER) from None
    if patient is None:
        raise SsoRefused(Refusal.UNKNOWN_NUMBER)
    if not access.may_sign_on_as_patient(patient):
        raise SsoRefused(Refusal.NOT_ALLOWED)
    return Match(patient.user, staff=False)


def vouches_for_second_factor(id_token: dict[str, Any]) -> bool:
    """Whether the broker vouched for a second factor in this login: every staff login when
    ``SSO_TRUST_BROKER_FOR_STAFF``, else when the id token's ``acr`` is one of
    ``SSO_STAFF_ACR_VALUES``."""
    if settings.SSO_TRUST_BROKER_FOR_STAFF:
        return True
    acr = id_token.get("acr")
    return isinstance(acr, str) and acr in settings.SSO_STAFF_ACR_VALUES
