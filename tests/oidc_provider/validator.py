"""Claims of the test users: whatever the test gave for the user (``state.CLAIMS``),
released by scope as the Swedish OIDC profile does (identity numbers under
``https://id.oidc.se/scope/naturalPersonNumber``, e-mail under ``email``, names under
``profile``, everything else, e.g. an HSA-id or ``acr``, with ``openid``)."""

from __future__ import annotations

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator

from . import state

NATURAL_PERSON_NUMBER = "https://id.oidc.se/scope/naturalPersonNumber"
SCOPE_OF = {
    "https://id.oidc.se/claim/personalIdentityNumber": NATURAL_PERSON_NUMBER,
    "https://id.oidc.se/claim/coordinationNumber": NATURAL_PERSON_NUMBER,
    "email": "email",
    "email_verified": "email",
    "name": "profile",
    "given_name": "profile",
    "family_name": "profile",
}


class ClaimsValidator(OAuth2Validator):
    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        return dict(state.CLAIMS.get(request.user.get_username(), {}))

    def get_oidc_claims(self, token: Any, token_handler: Any, request: Any) -> dict[str, Any]:
        claims = self.get_claim_dict(request)
        return {
            name: value for name, value in claims.items()
            if name == "sub" or SCOPE_OF.get(name, "openid") in request.scopes
        }
