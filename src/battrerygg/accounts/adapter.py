"""How django-allauth behaves here: no sign-up (clinics create accounts), our wording of
its errors, wrong passwords counted by django-axes (``accounts/throttle.py``) rather than
in the cache, and the product's name on authenticator apps."""

from __future__ import annotations

import time
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.usersessions.adapter import DefaultUserSessionsAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
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

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """E-mails (the recovery link) in the language of the account they go to, with how
        long a recovery link works."""
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language() or "sv"
        context = {**context, "link_minutes": settings.RECOVERY_LINK_MINUTES}
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def send_password_reset_mail(self, user: Any, email: str, context: dict[str, Any]) -> None:
        """Send the recovery link (allauth calls this only for an existing account) and say
        so (``signals.password_reset_requested``: the access log's row)."""
        from battrerygg.accounts.signals import password_reset_requested

        super().send_password_reset_mail(user, email, context)
        password_reset_requested.send(sender=type(self), request=context.get("request"),
                                      user=user)

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Changing an authenticator asks for the password again, unless the user logged in
        (or confirmed) within ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` (5 minutes): staff who
        just logged in enrol their second factor at once."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        window = account_settings.REAUTHENTICATION_TIMEOUT
        return not any(time.time() - float(r.get("at", 0)) < window for r in records)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Wrong passwords are counted and refused by django-axes (per account, per
        address and per address across accounts, in the database); allauth's own count in
        the cache is not used for passwords (it still counts wrong second-factor codes)."""


class MFAAdapter(DefaultMFAAdapter):
    """The product's name in authenticator apps (the issuer) and on passkeys; the shared
    secrets of authenticator apps and the seed of recovery codes are stored encrypted
    (``encrypt``), so a copy of the database alone does not give anyone's codes (ASVS 4.0
    V2.8.2)."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _("The code is wrong or has already been used."),
    }

    def get_public_key_credential_rp_entity(self) -> dict[str, str]:
        entity = super().get_public_key_credential_rp_entity()
        entity["name"] = "BättreRygg"
        return entity

    def encrypt(self, text: str) -> str:
        """Fernet (AES-128-CBC with HMAC-SHA256, ``cryptography``) under a key derived from
        ``BATTRERYGG_MFA_KEY`` (``settings.MFA_ENCRYPTION_KEY``: by default the secret key);
        the result is marked ``fernet:``. Changing that key makes enrolled apps and
        recovery codes unreadable: staff then enrol again."""
        return _FERNET_PREFIX + _fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        """The inverse of ``encrypt``; a value without the mark (stored before encryption
        was turned on) is returned as it is."""
        if not encrypted_text.startswith(_FERNET_PREFIX):
            return encrypted_text
        return _fernet().decrypt(encrypted_text[len(_FERNET_PREFIX):].encode()).decode()

class UserSessionsAdapter(DefaultUserSessionsAdapter):
    """Ending sessions from the sessions page is said (``signals.sessions_ended``: the
    access log's row)."""

    def end_sessions(self, sessions: Any) -> None:
        from battrerygg.accounts.signals import sessions_ended

        sessions = list(sessions)
        super().end_sessions(sessions)
        request = context.request
        user = getattr(request, "user", None)
        if sessions and user is not None and user.is_authenticated:
            sessions_ended.send(sender=type(self), request=request, user=user,
                                count=len(sessions),
                                current=any(s.is_current() for s in sessions))

_FERNET_PREFIX = "fernet:"


def _fernet() -> Any:
    import base64
    import hashlib

    from cryptography.fernet import Fernet
    from django.conf import settings

    digest = hashlib.sha256(b"battrerygg.mfa:" + settings.MFA_ENCRYPTION_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))

