"""Invitation tokens: the one-time token of a link to choose a password (SPEC T2), for a
patient invited by their physiotherapist and for staff invited by their clinic admin alike.
The page that takes the link, and the link itself (``invite_link``), are the care app's.

Built on Django's password-reset tokens, which expire after ``PASSWORD_RESET_TIMEOUT``
(3 days by default) and stop working once a password is set (the token hashes the
password). Our generator has its own salt, so a password-reset token is not an invitation.

An app above this one can make a link depend on its own records: it registers a function
``user -> str`` with ``invite_state``, whose value is hashed into the token, so a link made
before that value changed no longer works. The care app registers the latest invitation and
the patient's active consent (``care/invites.py``): a resent invitation, a withdrawn consent
or an ended episode voids an outstanding link. This module imports no app above accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

InviteState = Callable[[Any], str]

_states: list[InviteState] = []


def invite_state(state: InviteState) -> InviteState:
    """Register ``state`` (user -> str): its value is part of every invitation token, so a
    change of it voids the links made before. Used as a decorator at import time of the
    registering module (imported from its app's ``ready``); returns ``state`` unchanged."""
    if state not in _states:
        _states.append(state)
    return state


class InviteTokenGenerator(PasswordResetTokenGenerator):
    """Password-reset tokens with their own salt and the registered states hashed in."""

    # The salt keeps its original name (the generator lived in care.invites), so links
    # sent before the move still work.
    key_salt = "battrerygg.care.invites.InviteTokenGenerator"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        value = super()._make_hash_value(user, timestamp)
        return value + "".join(state(user) for state in _states)


invite_tokens = InviteTokenGenerator()


def invite_path(user: Any) -> tuple[str, str]:
    """(uidb64, token) for the user's invitation link."""
    return urlsafe_base64_encode(force_bytes(user.pk)), invite_tokens.make_token(user)

