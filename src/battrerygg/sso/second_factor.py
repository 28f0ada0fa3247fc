"""A staff login whose broker vouched for a second factor counts as two-factor.

allauth records each way a session was authenticated (``account_authentication_methods``
in the session); ``access.second_factor_satisfied`` reads those records and counts a
single sign-on record with ``"second_factor": True`` (``access.sso_vouches_for_second_factor``).
This module writes that mark, once the login is complete, on the record of this login,
from the decision ``adapter.pre_social_login`` kept in allauth's state.
"""

from __future__ import annotations

from typing import Any

AUTH_RECORDS_SESSION_KEY = "account_authentication_methods"  # allauth's


def mark_second_factor(request: Any, sociallogin: Any) -> bool:
    """Mark the session's record of this SSO login as a passed second factor when the
    login's state says the broker vouched for one. Returns whether it marked."""
    from battrerygg.sso.adapter import SECOND_FACTOR_STATE_KEY

    if sociallogin is None or not sociallogin.state.get(SECOND_FACTOR_STATE_KEY):
        return False
    records = request.session.get(AUTH_RECORDS_SESSION_KEY) or []
    for record in reversed(records):
        if (record.get("method") == "socialaccount"
                and record.get("provider") == sociallogin.account.provider
                and record.get("uid") == sociallogin.account.uid):
            record["second_factor"] = True
            request.session[AUTH_RECORDS_SESSION_KEY] = records
            return True
    return False


def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """allauth's ``user_logged_in`` (connected in ``apps.SsoConfig.ready``)."""
    mark_second_factor(request, kwargs.get("sociallogin"))
