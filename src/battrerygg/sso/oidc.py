"""allauth's ``openid_connect`` provider with a nonce, and without identity numbers at rest.

Installed as ``SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]`` (settings.py),
so the routes, the token exchange with PKCE, and the id token's signature, audience and
issuer checks stay allauth's. This class adds:
- a fresh random ``nonce`` in every authorisation request, kept in the session by state id
  for the callback (``checks.verify`` compares it with the id token's; OIDC Core 3.1.2.1);
- the checks and the matching of ``adapter.screen`` as soon as the tokens are decoded,
  before allauth looks up a linked account;
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
NONCES_SESSION_KEY = "battrerygg_sso_nonces"
"""{state id: nonce} of the logins this session started (at most MAX_PENDING): the callback
takes its nonce from here before allauth looks at any account."""
MAX_PENDING = 10
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

    def stash_redirect_state(self, request: HttpRequest, process: Any, next_url: Any = None,
                             data: Any = None, state_id: Any = None, **kwargs: Any) -> str:
        state_id = super().stash_redirect_state(request, process, next_url, data,
                                                state_id=state_id, **kwargs)
        nonce = kwargs.get(NONCE_STATE_KEY)
        if nonce:
            pending = dict(request.session.get(NONCES_SESSION_KEY) or {})
            pending[str(state_id)] = nonce
            request.session[NONCES_SESSION_KEY] = dict(list(pending.items())[-MAX_PENDING:])
        return str(state_id)

    def extract_extra_data(self, data: Any) -> dict[str, Any]:
        id_token = data.get("id_token") or {}
        return {"iss": id_token.get("iss", ""), "sub": id_token.get("sub", "")}

    def sociallogin_from_response(self, request: HttpRequest, response: Any) -> Any:
        sociallogin = super().sociallogin_from_response(request, response)
        setattr(sociallogin, CLAIMS_ATTRIBUTE, {
            "id_token": dict(response.get("id_token") or {}),
            "userinfo": dict(response.get("userinfo") or {}),
        })
        # Checked here, before allauth looks up (and touches) a linked account: a refused
        # login changes nothing at all. Raises ImmediateHttpResponse (the refusal page).
        from battrerygg.sso.adapter import screen

        screen(request, sociallogin, self._sent_nonce(request))
        return sociallogin

    @staticmethod
    def _sent_nonce(request: HttpRequest) -> str | None:
        """The nonce of the login this callback answers (by its state id), taken out of
        the session so that it is used once."""
        state_id = request.POST.get("state") or request.GET.get("state") or ""
        pending = dict(request.session.get(NONCES_SESSION_KEY) or {})
        nonce = pending.pop(state_id, None)
        request.session[NONCES_SESSION_KEY] = pending
        return nonce if isinstance(nonce, str) else None
