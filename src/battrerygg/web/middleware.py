"""Request-wide behaviour: the user's language, a clear 503 when the database is down and
the 404 page for data the access layer refuses (``AccessDenied``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from battrerygg.patients.access import AccessDenied

logger = logging.getLogger(__name__)

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def language_for(request: HttpRequest) -> str:
    """The language to use: the logged-in user's choice, else the language cookie, else
    Swedish (the default of the product; the browser's Accept-Language is not used)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in SUPPORTED:
        return str(user.language)
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in SUPPORTED:
        return str(cookie)
    return settings.LANGUAGE_CODE


class UserLanguageMiddleware:
    """Activate the language of ``language_for`` for the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PrivatePagesMiddleware:
    """Pages for a logged-in user are never stored by browsers or proxies; a bare 405
    (wrong method) gets a page in the user's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        if response.status_code == 405 and not response.content:
            allow = response.headers.get("Allow", "")
            response = HttpResponse(
                render_to_string("405.html", {}, request=request), status=405
            )
            if allow:
                response.headers["Allow"] = allow
        return response


class DatabaseUnavailableMiddleware:
    """Turn a database that cannot be reached into a clear, translated 503 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as exc:
            return self._unavailable(request, exc)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, (OperationalError, InterfaceError)):
            return self._unavailable(request, exc)
        return None

    def _unavailable(self, request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.error("database unavailable: %s", type(exc).__name__)
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        translation.activate(cookie if cookie in SUPPORTED else settings.LANGUAGE_CODE)
        body = render_to_string("503.html", {})
        return HttpResponse(body, status=503, headers={"Retry-After": "30"})


class AccessDeniedMiddleware:
    """Show a ``patients.access.AccessDenied`` that a view lets through as the 404 page.

    The one place where refused access becomes "not found" (never 403, so that ids of other
    patients are not confirmed): raising Http404 here is handled by Django exactly like an
    Http404 raised by the view (same handler and template, logged as "Not Found"); the
    view's exception leaves no audit row, since ``web.pages.patient_page`` writes its row
    only after the view returns. A view that answers AccessDenied otherwise (a 403, a
    message, an htmx partial) catches it itself.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        """Raise Http404 for AccessDenied; leave every other exception alone (None)."""
        if isinstance(exc, AccessDenied):
            raise Http404 from None
        return None


def auth_records(request: HttpRequest) -> list[dict[str, Any]]:
    """The authentication records of the request's session (django-allauth's: password,
    mfa, …), only when they were written for the user logged in."""
    from allauth.account.internal.flows.login import get_authentication_records

    if getattr(request, "session", None) is None:
        return []
    records = get_authentication_records(request, request.user)
    return [r for r in records if isinstance(r, dict)]


class SecondFactorMiddleware:
    """Mark the request's user with ``patients.access.second_factor_satisfied`` for the
    session, so that the access layer and the page guards refuse patient data to staff
    whose session has not passed a second factor; and send such staff from the Django
    admin (every page of it, its login included) to enrol or verify one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.shortcuts import redirect
        from django.urls import reverse

        from battrerygg.patients.access import (
            SECOND_FACTOR_ATTRIBUTE,
            requires_second_factor,
            second_factor_satisfied,
        )

        user = getattr(request, "user", None)
        if user is not None and requires_second_factor(user):
            passed = second_factor_satisfied(user, auth_records(request))
            setattr(user, SECOND_FACTOR_ATTRIBUTE, passed)
            if not passed and request.path.startswith(reverse("admin:index")):
                from battrerygg.web.pages import second_factor_url

                return redirect(second_factor_url(request))
        return self.get_response(request)
