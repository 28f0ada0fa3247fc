"""allauth's ``openid_connect`` provider with a nonce, and without identity numbers at rest.

Installed as ``SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]`` (settings.py),
so the routes, the token exchange with PKCE, and the id token's signature, audience and
issuer checks stay allauth's. This class adds:
- a fresh random ``nonce`` in every authorisation request, kept in allauth's state for the
  callback (``checks.verify`` compares it with the id token's; OIDC Core 3.1.2.1);
- ``SocialAccount.extra_data`` of ``iss`` and ``sub`` only: the claims (a personal identity
  number among them) live on the ``SocialLogin`` of the request (``CLAIMS_ATTRIBUTE``) and
  are never stored.
"""

from __future__ import annotations

import secrets
from typing import Any

from allauth.socialaccount.providers.base import AuthProcess
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.http import HttpRequest, HttpResponse

NONCE_STATE_KEY = "battrerygg_nonce"
CLAIMS_ATTRIBUTE = "battrerygg_tokens"
"""``SocialLogin.<this>``: {"id_token": {...}, "userinfo": {...}} of this login."""


class RegionOpenIDConnectProvider(OpenIDConnectProvider):
    """The region's e-ID broker: OpenID Connect with PKCE (the app's settings) and a nonce."""

    # Routes and views stay those of allauth's openid_connect package.
    package = "allauth.socialaccount.providers.openid_connect"

    def redirect(self, request: HttpRequest, process: Any, next_url: Any = None,
                 data: Any = None, **kwargs: Any) -> HttpResponse:
        # Only ever a login: not "connect" to the logged-in account, not "redirect".
        process = AuthProcess.LOGIN
        nonce = secrets.token_urlsafe(32)
        auth_params = dict(kwargs.pop("auth_params", None) or self.get_auth_params())
        auth_params["nonce"] = nonce
        # Extra keyword arguments go into the state allauth stashes in the session.
        response: HttpResponse = super().redirect(
            request, process, next_url, data, auth_params=auth_params,
            **{NONCE_STATE_KEY: nonce}, **kwargs)
        return response

    def extract_extra_data(self, data: Any) -> dict[str, Any]:
        id_token = data.get("id_token") or {}
        return {"iss": id_token.get("iss", ""), "sub": id_token.get("sub", "")}

    def sociallogin_from_response(self, request: HttpRequest, response: Any) -> Any:
        sociallogin = super().sociallogin_from_response(request, response)
        setattr(sociallogin, CLAIMS_ATTRIBUTE, {
            "id_token": dict(response.get("id_token") or {}),
            "userinfo": dict(response.get("userinfo") or {}),
        })
        return sociallogin
