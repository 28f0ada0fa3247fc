"""Reactions to logging in and out."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.dispatch import Signal
from django.http import HttpRequest
from django.utils.translation import gettext

SUPPORTED = {code for code, _name in settings.LANGUAGES}

password_reset_requested = Signal()
"""A recovery link was sent to an existing account (``AccountAdapter``); arguments
``request``, ``user``. Nothing is sent for an address no account has."""

password_changed_by_user = Signal()
"""The logged-in user changed their password (``views.PasswordChangeView``, Django's page);
arguments ``request``, ``user``."""

sessions_ended = Signal()
"""The user ended sessions from the sessions page (``UserSessionsAdapter``); arguments
``request``, ``user``, ``count`` (how many), ``current`` (whether this one was among them)."""


def confirm_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Tell the user that they are logged out (shown on the next page)."""
    if request is not None:
        messages.info(request, gettext("You are logged out."))


def keep_chosen_language(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    """A language chosen on this device before logging in becomes the account's."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) if request else None
    if chosen in SUPPORTED and chosen != user.language:
        user.language = chosen
        user.save(update_fields=["language"])


def second_factor_added(sender: Any, request: HttpRequest | None, user: Any,
                        authenticator: Any, **kwargs: Any) -> None:
    """Adding an authenticator app (its code checked) or a passkey (its signature checked)
    proves the second factor: the session counts as two-factor from then on, as after a
    login with it (django-allauth's authentication record "mfa"), under a new session key
    (as a login gives one: a key known before the step gains nothing)."""
    from allauth.account.internal.flows.login import record_authentication

    if request is not None and getattr(request, "user", None) == user and \
            authenticator.type != "recovery_codes":
        record_authentication(request, user, "mfa", type=authenticator.type,
                              id=authenticator.pk)
        request.session.cycle_key()


def second_factor_verified(sender: Any, request: HttpRequest | None, user: Any,
                           authenticator: Any, reauthenticated: bool = False,
                           **kwargs: Any) -> None:
    """A logged-in session that verifies its second factor (django-allauth's "confirm it
    is you" with a code or a passkey: staff logged in without one, sent there by the page
    guards) goes on under a new session key, as a login does. A login's own second step
    gets its new key from the login itself."""
    if reauthenticated and request is not None and getattr(request, "user", None) == user:
        request.session.cycle_key()
