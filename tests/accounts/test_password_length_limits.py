"""ASVS V2.1.2: passwords of 64 characters are allowed, over 128 refused, with a clear
message in Swedish."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation


def test_64_and_128_characters_are_allowed_129_refused():
    validate_password("ryggen och jag går en lång promenad " * 2)  # 72 characters
    validate_password(("lugna steg varje dag " * 7)[:128])
    with translation.override("sv"), pytest.raises(ValidationError) as refused:
        validate_password("lugna steg varje dag " * 7)  # 147 characters
    assert "för långt" in " ".join(refused.value.messages)
