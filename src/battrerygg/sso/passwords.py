"""Local logins of staff when the region's e-ID is the only way in for them
(``BATTRERYGG_OIDC_STAFF_PASSWORDS=false``): asked by the account adapter before any
login completes (``AccountAdapter.pre_login``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from battrerygg.patients import access
from battrerygg.sso.texts import Refusal


def refuse_local_login(request: HttpRequest, user: Any,
                       signal_kwargs: dict[str, Any] | None) -> HttpResponse | None:
    """A page that refuses this login, or None to let it go on. An e-ID login (allauth
    passes its ``sociallogin``) always goes on; a local one (password, passkey, code) of an
    account that may not use one (``access.may_use_password``) is refused."""
    if (signal_kwargs or {}).get("sociallogin") is not None:
        return None
    if access.may_use_password(user, settings.SSO_STAFF_PASSWORDS, settings.SSO_STAFF_FIELD):
        return None
    from battrerygg.sso.adapter import refusal_response

    return refusal_response(request, Refusal.STAFF_E_ID_ONLY, actor=user)
