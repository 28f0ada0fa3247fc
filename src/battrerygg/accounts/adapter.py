"""How django-allauth behaves here: no sign-up (clinics create accounts), our wording of
its errors, wrong passwords counted by django-axes (``accounts/throttle.py``) rather than
in the cache, and the product's name on authenticator apps."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by clinics (patients by their physiotherapist, staff by their
    clinic admin), never by signing up."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "The e-mail address or password is wrong. Please try again."),
        "account_inactive": _("This account is not active."),
        "too_many_login_attempts": _(
            "Too many wrong attempts. Please wait 15 minutes and try again."),
        "incorrect_code": _("The code is wrong or has already been used."),
        "incorrect_password": _("The password is wrong."),
        "invalid_password_reset": _(
            "The link does not work: it has expired or has already been used."),
        "rate_limited": _("Too many requests. Please wait a moment and try again."),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Wrong passwords are counted and refused by django-axes (per account, per
        address and per address across accounts, in the database); allauth's own count in
        the cache is not used for passwords (it still counts wrong second-factor codes)."""


class MFAAdapter(DefaultMFAAdapter):
    """The product's name in authenticator apps (the issuer) and on passkeys."""

    def get_public_key_credential_rp_entity(self) -> dict[str, str]:
        entity = super().get_public_key_credential_rp_entity()
        entity["name"] = "BättreRygg"
        return entity
