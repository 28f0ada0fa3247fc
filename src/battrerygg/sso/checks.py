"""What must hold of an e-ID login's tokens before anyone is matched.

allauth has already checked the id token's audience, expiry and that its issuer is the
one the discovery document names; the state parameter and PKCE are checked before the
tokens arrive. Here (OIDC Core 3.1.3.7, 5.3.2):
- the id token's ``iss`` is the issuer this deployment trusts (BATTRERYGG_OIDC_ISSUER),
  exactly: a discovery document at the configured address that names another issuer, or
  a token of another issuer, is refused;
- its ``nonce`` is the one this login sent (kept in the session by ``oidc``);
- the UserInfo answer, when there is one, is about the same ``sub``.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from battrerygg.sso.texts import Refusal


class SsoRefused(Exception):  # noqa: N818 - a refusal, shown to the person as a page
    """An e-ID login that must not go on; ``reason`` says why (a ``texts.Refusal``)."""

    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Verified:
    """The claims of a checked login: the id token's, with the UserInfo answer's on top
    (the Swedish profile may put identity claims in either), and the id token alone for
    claims about the authentication itself (``acr``)."""

    claims: dict[str, Any]
    id_token: dict[str, Any]


def verify(tokens: dict[str, dict[str, Any]] | None, sent: str | None,
           issuer: str) -> Verified:
    """Check a login's tokens. tokens: {"id_token": {...}, "userinfo": {...}} as decoded by
    allauth; sent: the nonce this login sent (None: none is known for it); issuer: the
    configured issuer. Raises SsoRefused (BAD_RESPONSE, WRONG_ISSUER, WRONG_NONCE)."""
    id_token = (tokens or {}).get("id_token") or {}
    userinfo = (tokens or {}).get("userinfo") or {}
    if not id_token or not isinstance(id_token.get("sub"), str) or not id_token["sub"]:
        raise SsoRefused(Refusal.BAD_RESPONSE)
    if not issuer or id_token.get("iss") != issuer:
        raise SsoRefused(Refusal.WRONG_ISSUER)
    received = id_token.get("nonce")
    if not isinstance(sent, str) or not isinstance(received, str) or not hmac.compare_digest(
            sent.encode(), received.encode()):
        raise SsoRefused(Refusal.WRONG_NONCE)
    if userinfo and userinfo.get("sub") != id_token["sub"]:
        raise SsoRefused(Refusal.BAD_RESPONSE)
    return Verified(claims={**id_token, **userinfo}, id_token=id_token)
