"""Logging in through the pages, as a browser does: password, then the second step."""

from __future__ import annotations

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def code_now(secret: str = SECRET, step: int = 0) -> str:
    """The authenticator app's code at the server's time (``step`` periods later)."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2] + step))


def give_app(user, secret: str = SECRET) -> list[str]:
    """Give ``user`` an authenticator app and recovery codes; returns the codes."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, secret)
    return RecoveryCodes.activate(user).generate_codes()


def password_login(client, email: str, password: str):
    return client.post("/accounts/login/", {"login": email, "password": password})
