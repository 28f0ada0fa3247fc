"""ASVS V2.8.2: the shared secret of an authenticator app (and the seed of recovery codes)
is stored encrypted; a code made from the secret still logs in."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_the_app_secret_is_not_stored_in_clear_and_still_verifies(cast):
    TOTP.activate(cast.physio, SECRET)
    stored = Authenticator.objects.get(user=cast.physio, type=Authenticator.Type.TOTP)
    assert SECRET not in str(stored.data)
    assert str(stored.data["secret"]).startswith("fernet:")
    counters = list(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(SECRET, counters[len(counters) // 2]))
    assert stored.wrap().validate_code(code)
