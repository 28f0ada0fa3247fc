"""Password rules beyond Django's own validators."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MaximumLengthValidator:
    """Refuse passwords longer than ``max_length`` characters (128 by default; OWASP ASVS
    4.0 V2.1.2: at least 64 allowed, more than 128 refused), so that a hash is never asked
    to work on megabytes. Raises ValidationError (code ``password_too_long``)."""

    def __init__(self, max_length: int = 128) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext("The password is too long: at most %(max)d character.",
                         "The password is too long: at most %(max)d characters.",
                         self.max_length),
                code="password_too_long", params={"max": self.max_length})

    def get_help_text(self) -> str:
        return _("At most %(max)d characters.") % {"max": self.max_length}
