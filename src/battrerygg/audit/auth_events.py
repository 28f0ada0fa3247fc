"""Authentication decisions in the access log (ASVS 4.0 V7.1.3, V7.2.1): receivers of
Django's, django-allauth's, django-axes's and our accounts' signals, connected in
``AuditConfig.ready``; each writes one row through ``services.record_auth_event``.

A row names the account (``actor``) when one is known, else none; its detail is a method, a
reason code or an authenticator's type, never a password, a code, a session key, an e-mail
address typed for no account, or a claim's value. The address and the request id come from
the request being served, as for every row.

Writing a row never changes the answer to a login: a failure is logged (without the
credentials) and the login goes on as it would, refused when it was refused.
"""

from __future__ import annotations

import logging
from typing import Any

from battrerygg.accounts.middleware import LOGOUT_REASON
from battrerygg.accounts.models import User
from battrerygg.accounts.throttle import REFUSED_LOCKED, login_name
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_auth_event

log = logging.getLogger("battrerygg.audit")

UNKNOWN_ACCOUNT = "unknown account"
"""The detail of a failed login for an address no account has (the address is not kept)."""


def write(*, actor: Any, what: What, ok: bool = True, detail: str = "") -> None:
    """``record_auth_event``, logging (not raising) a failure to write: the login, logout or
    change it records has happened or been refused already."""
    try:
        record_auth_event(actor=actor, what=what, ok=ok, detail=detail)
    except Exception:
        log.exception("the access log could not record %s", what.value)


def _account(name: str | None) -> User | None:
    """The account a login names (its e-mail address, any case), or None."""
    if not name:
        return None
    return User.objects.filter(email__iexact=name).first()


def login_method(request: Any) -> str:
    """How this session's login was made, from django-allauth's authentication records
    (methods and authenticator types only): "password", "password+totp",
    "password+recovery_codes", "password+webauthn", "passkey", "e-id", or "other" (e.g. an
    invitation link)."""
    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

    session = getattr(request, "session", None)
    records = session.get(AUTHENTICATION_METHODS_SESSION_KEY) if session is not None else None
    if not isinstance(records, list):
        return "other"
    methods = [r for r in records if isinstance(r, dict)]
    if any(r.get("method") == "socialaccount" for r in methods):
        return "e-id"
    if any(r.get("method") == "mfa" and r.get("passwordless") for r in methods):
        return "passkey"
    steps = []
    if any(r.get("method") == "password" for r in methods):
        steps.append("password")
    steps += [str(r.get("type")) for r in methods
              if r.get("method") == "mfa" and not r.get("reauthenticated")][-1:]
    return "+".join(steps) or "other"


def logged_in(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    """``user_logged_in`` (Django's): one row per completed login, with its method."""
    if user is not None and request is not None:
        write(actor=user, what=What.LOGIN, detail=login_method(request))


def login_failed(sender: Any, credentials: dict[str, Any] | None = None, request: Any = None,
                 **kwargs: Any) -> None:
    """``user_login_failed``: a wrong password (or an inactive account) for the account the
    e-mail address names, or for no account ("unknown account": the address is not kept).
    A login refused because it was already paused is the lockout's row (``locked_out``)."""
    if request is not None and getattr(request, REFUSED_LOCKED, False):
        return
    account = _account(login_name(request, credentials))
    if account is None:
        write(actor=None, what=What.LOGIN_FAILED, ok=False, detail=UNKNOWN_ACCOUNT)
    else:
        detail = "wrong password" if account.is_active else "inactive account"
        write(actor=account, what=What.LOGIN_FAILED, ok=False, detail=detail)


def locked_out(sender: Any, request: Any = None, username: str | None = None,
               **kwargs: Any) -> None:
    """django-axes's ``user_locked_out``: a failure reached a limit ("limit reached"), or a
    login came while paused ("attempt while paused")."""
    refused = request is not None and getattr(request, REFUSED_LOCKED, False)
    account = _account(username)
    write(actor=account, what=What.LOGIN_LOCKED_OUT, ok=False,
          detail="attempt while paused" if refused else "limit reached")


def logged_out(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    """``user_logged_out``: the user logged out, or the session reached its limit."""
    if user is not None and getattr(user, "is_authenticated", False):
        write(actor=user, what=What.LOGOUT,
              detail=str(getattr(request, LOGOUT_REASON, "") or ""))


def second_factor_failed(sender: Any, request: Any = None, user: Any = None,
                         authenticator: Any = None, reauthentication: bool = False,
                         **kwargs: Any) -> None:
    """allauth's ``authentication_failed`` (mfa): a wrong or already used code."""
    if user is None:
        return
    kind = str(getattr(authenticator, "type", "") or "")
    detail = f"{kind} reauthentication" if reauthentication else kind
    write(actor=user, what=What.SECOND_FACTOR_FAILED, ok=False, detail=detail.strip())


def authenticator_used(sender: Any, request: Any = None, user: Any = None,
                       authenticator: Any = None, **kwargs: Any) -> None:
    """allauth's ``authenticator_used``: a recovery code used (a code app or a passkey used
    is part of the login's row)."""
    if user is not None and getattr(authenticator, "type", None) == "recovery_codes":
        write(actor=user, what=What.RECOVERY_CODE_USED)


def authenticator_added(sender: Any, request: Any = None, user: Any = None,
                        authenticator: Any = None, **kwargs: Any) -> None:
    """An authenticator app, a passkey or recovery codes added."""
    write(actor=user, what=What.AUTHENTICATOR_ADDED,
          detail=str(getattr(authenticator, "type", "")))


def authenticator_removed(sender: Any, request: Any = None, user: Any = None,
                          authenticator: Any = None, **kwargs: Any) -> None:
    """An authenticator app, a passkey or recovery codes removed."""
    write(actor=user, what=What.AUTHENTICATOR_REMOVED,
          detail=str(getattr(authenticator, "type", "")))


def authenticator_reset(sender: Any, request: Any = None, user: Any = None,
                        authenticator: Any = None, **kwargs: Any) -> None:
    """New recovery codes generated (the old ones stop working)."""
    write(actor=user, what=What.RECOVERY_CODES_RESET,
          detail=str(getattr(authenticator, "type", "")))


def password_reset_requested(sender: Any, request: Any = None, user: Any = None,
                             **kwargs: Any) -> None:
    """A recovery link sent to an existing account (none is for an unknown address)."""
    write(actor=user, what=What.PASSWORD_RESET_REQUESTED)


def password_reset(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    """A new password chosen from a recovery link."""
    write(actor=user, what=What.PASSWORD_RESET)


def password_changed(sender: Any, request: Any = None, user: Any = None,
                     **kwargs: Any) -> None:
    """The password changed by the logged-in user."""
    write(actor=user, what=What.PASSWORD_CHANGED)


def sessions_ended(sender: Any, request: Any = None, user: Any = None, count: int = 0,
                   current: bool = False, **kwargs: Any) -> None:
    """Sessions ended by the user from the sessions page (how many; whether this one)."""
    detail = f"{count} including this one" if current else str(count)
    write(actor=user, what=What.SESSIONS_ENDED, detail=detail)


def sso_refused(reason: str, actor: Any = None) -> None:
    """A login with the region's e-ID refused (``sso.adapter.refusal_response``): the
    reason code only, never a claim's value; actor: the account, when the refusal knows
    it (a staff member's password login while only the e-ID is allowed)."""
    write(actor=actor, what=What.SSO_REFUSED, ok=False, detail=reason)


def connect() -> None:
    """Connect the receivers (``AuditConfig.ready``)."""
    from allauth.account import signals as account_signals
    from allauth.mfa import signals as mfa_signals
    from axes.signals import user_locked_out
    from django.contrib.auth import signals as auth_signals

    from battrerygg.accounts import signals as our_signals

    pairs: list[tuple[Any, Any]] = [
        (auth_signals.user_logged_in, logged_in),
        (auth_signals.user_login_failed, login_failed),
        (auth_signals.user_logged_out, logged_out),
        (user_locked_out, locked_out),
        (mfa_signals.authentication_failed, second_factor_failed),
        (mfa_signals.authenticator_used, authenticator_used),
        (mfa_signals.authenticator_added, authenticator_added),
        (mfa_signals.authenticator_removed, authenticator_removed),
        (mfa_signals.authenticator_reset, authenticator_reset),
        (account_signals.password_reset, password_reset),
        (account_signals.password_changed, password_changed),
        (our_signals.password_reset_requested, password_reset_requested),
        (our_signals.password_changed_by_user, password_changed),
        (our_signals.sessions_ended, sessions_ended),
    ]
    for signal, receiver in pairs:
        signal.connect(receiver, dispatch_uid=f"battrerygg.audit.{receiver.__name__}")
