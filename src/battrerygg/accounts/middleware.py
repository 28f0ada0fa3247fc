"""Session limits (SPEC Q2): an idle timeout and an absolute limit.

The idle timeout is the session's age (``SESSION_COOKIE_AGE``, from
``BATTRERYGG_IDLE_TIMEOUT_MINUTES``): the stored session and its cookie expire that long
after they were last saved, and ``SessionLimitsMiddleware`` saves an active session at
most once a minute, so working keeps it alive and leaving it ends it. The absolute limit
(``SESSION_MAX_HOURS``) counts from the login, whatever the activity; then the user is
logged out and asked to log in again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext

STARTED = "battrerygg_session_started"
SEEN = "battrerygg_session_seen"
LOGOUT_REASON = "battrerygg_logout_reason"
"""Set on a request that logs out for another reason than the user's (the session's
absolute limit: "session limit"); the access log's row of the logout says it."""
RENEW_EVERY = 60  # seconds: how often an active session's expiry is moved on


def mark_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Note when the session's login happened (``user_logged_in``): the absolute limit
    counts from here."""
    if request is not None and hasattr(request, "session"):
        request.session[STARTED] = int(time.time())


class SessionLimitsMiddleware:
    """Log out a session older than ``SESSION_MAX_HOURS``; renew an active one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault(STARTED, now)
            if now - int(started) > int(settings.SESSION_MAX_HOURS) * 3600:
                setattr(request, LOGOUT_REASON, "session limit")
                logout(request)
                messages.info(request, gettext(
                    "Your session has ended after {hours} hours. Please log in again."
                ).format(hours=settings.SESSION_MAX_HOURS))
                return redirect_to_login(request.get_full_path())
            if now - int(session.get(SEEN, 0)) >= RENEW_EVERY:
                session[SEEN] = now  # modified: saved with a new expiry
        return self.get_response(request)


TRACKED = "battrerygg_usersession_tracked"


class UserSessionsMiddleware:
    """allauth.usersessions' activity tracking (the list of one's sessions: device,
    address, last use) at most once every ``RENEW_EVERY`` seconds per session, instead of
    a write transaction on every request: "last used" is then exact to the minute. The
    first request of a login records the session at once (and a new session key, after the
    second factor, is a new session)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from allauth.usersessions.internal.usersessionkit import track_activity

        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is not None and user.is_authenticated and session is not None:
            now = int(time.time())
            key = session.session_key
            mark = session.get(TRACKED)
            if not (isinstance(mark, list) and mark[0] == key
                    and now - int(mark[1]) < RENEW_EVERY):
                track_activity(request, user=user, session=session)
                session[TRACKED] = [session.session_key, now]
        return self.get_response(request)
