"""allauth's social-account hooks for the region's e-ID (``SOCIALACCOUNT_ADAPTER``).

Nobody is ever created by single sign-on: sign-up is closed; ``screen`` (called by the
provider as soon as the tokens are decoded) checks them and finds the account the e-ID
names (``matching``) or answers with a page that says why not (``refusal_response``)
before anything is saved or touched; ``pre_social_login`` then links the login to it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from battrerygg.accounts.adapter import AccountAdapter as BaseAccountAdapter
from battrerygg.audit import auth_events
from battrerygg.patients import access
from battrerygg.sso import checks, matching, oidc
from battrerygg.sso.checks import SsoRefused
from battrerygg.sso.texts import Refusal

log = logging.getLogger("battrerygg.sso")

SECOND_FACTOR_STATE_KEY = "battrerygg_second_factor"
"""allauth's state of a staff login: True when the broker vouched for a second factor
(read by ``second_factor`` once the login is complete)."""


SCREENED_ATTRIBUTE = "battrerygg_screened"
"""``SocialLogin.<this>``: the ``Screened`` answer of ``screen`` for this login."""


@dataclass(frozen=True)
class Screened:
    """Whom a checked e-ID login is for, and whether the broker vouched for a second
    factor (staff only)."""

    user: Any
    second_factor: bool


def screen(request: HttpRequest, sociallogin: Any, sent_nonce: str | None) -> None:
    """Check the tokens (``checks.verify``), find the account (``matching``) and refuse a
    login linked earlier to someone else, before anything is saved; keep the answer on
    the ``SocialLogin``. Raises ImmediateHttpResponse (the refusal page)."""
    from allauth.socialaccount.models import SocialAccount

    try:
        verified = checks.verify(getattr(sociallogin, oidc.CLAIMS_ATTRIBUTE, None),
                                 sent_nonce, settings.SSO_ISSUER)
        match = matching.match_account(verified.claims)
        linked = SocialAccount.objects.select_related("user").filter(
            provider=sociallogin.account.provider, uid=sociallogin.account.uid).first()
        if linked is not None and not access.may_sign_on_with_link(linked.user, match.user):
            raise SsoRefused(Refusal.OTHER_ACCOUNT)  # linked earlier to someone else
    except SsoRefused as refused:
        raise ImmediateHttpResponse(refusal_response(request, refused.reason)) from None
    setattr(sociallogin, SCREENED_ATTRIBUTE, Screened(
        match.user, match.staff and matching.vouches_for_second_factor(verified.id_token)))


def refusal_response(request: HttpRequest, reason: Refusal, actor: Any = None) -> HttpResponse:
    """To the page of a refused e-ID login (``views.refused``: a title and what to do,
    translated), with a row in the access log (the reason code; actor: the account, when
    the refusal knows it). Nothing of the login stays in the session."""
    # The reason only: never a claim's value (a personal identity number) in the log.
    log.info("single sign-on refused: %s", reason.value)
    auth_events.sso_refused(reason.value, actor=actor)
    return HttpResponseRedirect(reverse("sso:refused", args=[reason.value]))


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Matching and refusals of the region's e-ID logins (see ``matching``)."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False

    def is_auto_signup_allowed(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False

    def pre_social_login(self, request: HttpRequest, sociallogin: Any) -> None:
        """Link the login to the account ``screen`` found (allauth has looked up an
        existing link by then) and keep whether the broker vouched for a second factor."""
        screened: Screened | None = getattr(sociallogin, SCREENED_ATTRIBUTE, None)
        if screened is None:
            raise ImmediateHttpResponse(refusal_response(request, Refusal.BAD_RESPONSE))
        if sociallogin.is_existing and not access.may_sign_on_with_link(
                sociallogin.user, screened.user):
            raise ImmediateHttpResponse(refusal_response(request, Refusal.OTHER_ACCOUNT))
        sociallogin.state[SECOND_FACTOR_STATE_KEY] = screened.second_factor
        if not sociallogin.is_existing:
            sociallogin.connect(request, screened.user)

    def on_authentication_error(self, request: HttpRequest, provider: Any, error: Any = None,
                                exception: Any = None, extra_context: Any = None) -> None:
        # Before any account is looked at (wrong state, a failed token exchange, an id
        # token allauth refused): the page says so in our words, nothing is saved.
        log.info("single sign-on failed: %s %s", error, type(exception).__name__)
        reason = Refusal.CANCELLED if error == AuthError.CANCELLED else Refusal.BAD_RESPONSE
        raise ImmediateHttpResponse(refusal_response(request, reason))


class AccountAdapter(BaseAccountAdapter):
    """The product's account adapter (``accounts.adapter``) with single sign-on's rule for
    local logins: staff log in with the region's e-ID only when the deployment turned
    their passwords off (``passwords.refuse_local_login``)."""

    def pre_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse | None:
        from battrerygg.sso.passwords import refuse_local_login

        refused = refuse_local_login(request, user, kwargs.get("signal_kwargs"))
        if refused is not None:
            return refused
        response: HttpResponse | None = super().pre_login(request, user, **kwargs)
        return response

    def get_login_stages(self) -> list[str]:
        """allauth's steps, with its second-factor step skipped for an e-ID login whose
        broker vouched for one (``stages.SecondFactorStage``)."""
        from battrerygg.sso import stages

        return [stages.STAGE if path == stages.ALLAUTH_STAGE else path
                for path in super().get_login_stages()]
