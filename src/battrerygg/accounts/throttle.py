"""Login throttling with django-axes (SPEC Q2): per account from one address, per account
from any address, and per address across accounts (password spraying).

axes compares the highest failure count of its lockout parameters with one limit
(``AXES_FAILURE_LIMIT``). ``LoginThrottle`` gives each parameter its own limit, in the
order of ``AXES_LOCKOUT_PARAMETERS``: (account, address) → ``AXES_FAILURE_LIMIT``, account
→ ``LOGIN_ACCOUNT_FAILURE_LIMIT``, address → ``LOGIN_ADDRESS_FAILURE_LIMIT``. A successful
login forgets that account's failures only, so logging in to one's own account does not
wipe the count of an address that tries passwords on others.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def login_name(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The account a login attempt names: the e-mail address, trimmed and lower-cased
    (allauth authenticates with ``email=``; its form field is ``login``)."""
    value = None
    if credentials:
        value = credentials.get("email") or credentials.get("username") or credentials.get(
            "login")
    if value is None and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        value = data.get("login") or data.get("username")  # as accounts.forms.LoginForm
    return str(value).strip().lower() if value else None


REFUSED_LOCKED = "battrerygg_refused_locked"
"""Set on a request whose login was refused because the account or address was already
paused (the password was not checked): the access log writes the lockout's row for it,
not a failed login's (``audit.auth_events``)."""


class LockoutBackend(AxesStandaloneBackend):
    """axes's backend (first in ``AUTHENTICATION_BACKENDS``: a paused login never reaches
    the next one) marking the request it refuses (``REFUSED_LOCKED``)."""

    def authenticate(self, request: HttpRequest, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> None:
        try:
            super().authenticate(request, username, password, **kwargs)
        except AxesBackendPermissionDenied:
            setattr(request, REFUSED_LOCKED, True)
            raise


def _limits() -> list[int]:
    base = int(settings.AXES_FAILURE_LIMIT)
    return [base, int(settings.LOGIN_ACCOUNT_FAILURE_LIMIT),
            int(settings.LOGIN_ADDRESS_FAILURE_LIMIT)]


class LoginThrottle(AxesDatabaseHandler):
    """axes's database handler with a limit per lockout parameter (module docstring)."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """The failures scaled to ``AXES_FAILURE_LIMIT``: at or above it exactly when one
        parameter has reached its own limit."""
        base = int(settings.AXES_FAILURE_LIMIT)
        scaled = 0
        for attempts, limit in zip(self.get_user_attempts(request, credentials), _limits(),
                                   strict=False):
            failures = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            scaled = max(scaled, failures * base // max(limit, 1))
        return scaled

    def reset_user_attempts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        """Forget the failures of the account that logged in (from any address)."""
        username = login_name(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return int(count)
