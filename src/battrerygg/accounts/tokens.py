"""The token of a "forgot password" link: allauth's (it hashes the password, the last
login and the e-mail addresses, so it works once), with a lifetime of its own,
``RECOVERY_LINK_MINUTES`` (the invitation link keeps Django's ``PASSWORD_RESET_TIMEOUT``)."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import EmailAwarePasswordResetTokenGenerator
from django.conf import settings
from django.utils.http import base36_to_int


class RecoveryTokenGenerator(EmailAwarePasswordResetTokenGenerator):
    """Tokens for the recovery link, with their own salt and a short lifetime."""

    key_salt = "battrerygg.accounts.tokens.RecoveryTokenGenerator"

    def check_token(self, user: Any, token: str | None) -> bool:
        if not super().check_token(user, token) or token is None:
            return False
        try:
            made = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        age = self._num_seconds(self._now()) - made
        return bool(age <= int(settings.RECOVERY_LINK_MINUTES) * 60)
