"""allauth's second-factor step of a login, skipped when the region's broker vouched for
a second factor in this e-ID login (``adapter.SECOND_FACTOR_STATE_KEY``): a staff member
who passed SITHS is not asked for their app's code as well. Any other login with an
authenticator still takes the step."""

from __future__ import annotations

from typing import Any

from allauth.mfa.stages import AuthenticateStage

from battrerygg.sso.adapter import SECOND_FACTOR_STATE_KEY

ALLAUTH_STAGE = "allauth.mfa.stages.AuthenticateStage"
STAGE = "battrerygg.sso.stages.SecondFactorStage"


class SecondFactorStage(AuthenticateStage):
    def _should_handle(self, request: Any) -> bool:
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None and sociallogin.state.get(SECOND_FACTOR_STATE_KEY):
            return False
        handle: bool = super()._should_handle(request)
        return handle
