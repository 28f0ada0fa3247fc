"""Invitation links: a one-time link to choose a password (SPEC T2).

Built on Django's password-reset tokens, which expire after ``PASSWORD_RESET_TIMEOUT``
(3 days by default) and stop working once a password is set (the token hashes the
password). Our generator has its own salt, so a password-reset token is not an invitation,
and hashes the latest invitation too, so a resent invitation voids the earlier link.
For a patient it also hashes their active consent in an open episode (its id, or none), so
withdrawing consent or ending the episode voids an outstanding link. Staff accounts
(invited by their clinic admin) have no consent and are unaffected.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class InviteTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "battrerygg.care.invites.InviteTokenGenerator"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        from battrerygg.care.models import Consent, Invite

        latest = (
            Invite.objects.filter(patient__user=user).order_by("-pk")
            .values_list("pk", flat=True).first()
        )
        value = f"{super()._make_hash_value(user, timestamp)}|{latest}"
        if user.is_patient:
            consent = (
                Consent.objects.filter(patient__user=user, withdrawn_at__isnull=True,
                                       episode__end_date__isnull=True)
                .order_by("-pk").values_list("pk", flat=True).first()
            )
            value = f"{value}|consent:{consent}"
        return value


invite_tokens = InviteTokenGenerator()


def invite_path(user: Any) -> tuple[str, str]:
    """(uidb64, token) for the user's invitation link."""
    return urlsafe_base64_encode(force_bytes(user.pk)), invite_tokens.make_token(user)
