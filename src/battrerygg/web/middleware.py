"""Request-wide behaviour: the request's id and the headers every response carries, the
user's language, a clear 503 when the database is down, and the 404 (or 403) page for what
the access layer refuses, each refusal written to the access log."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from battrerygg.audit.context import request_context
from battrerygg.audit.services import record_denied
from battrerygg.patients.access import AccessDenied
from battrerygg.patients.models import Patient

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


REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address: REMOTE_ADDR, or behind our own proxy
    (``settings.BEHIND_PROXY``) the address it appended last to X-Forwarded-For."""
    address = request.META.get("REMOTE_ADDR") or None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        address = forwarded.split(",")[-1].strip() or address
    return address


class RequestIdMiddleware:
    """Give every request an id, shared by the access log (``audit.services``), the
    request log (``audit.context.RequestIdFilter``) and the response (``X-Request-ID``);
    behind our own proxy, the proxy's id is kept. Every response also carries ``Permissions-Policy``
    (``settings.PERMISSIONS_POLICY``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = given if settings.BEHIND_PROXY and REQUEST_ID.fullmatch(given) \
            else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]  # for the request log
        with request_context(request_id, client_address(request)):
            response = self.get_response(request)
        response.headers["X-Request-ID"] = request_id
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


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
    """Show a ``patients.access.AccessDenied`` that a view lets through as the 404 page,
    and write every refusal to the access log.

    The one place where refused access becomes "not found" (never 403, so that ids of other
    patients are not confirmed): raising Http404 here is handled by Django exactly like an
    Http404 raised by the view (same handler and template, logged as "Not Found"). The
    view's exception leaves no read row, since ``web.pages.patient_page`` writes its row
    only after the view returns; instead a "denied" row names the user, the method and path,
    the patient of a ``<uuid:ref>`` in the URL if there is one, the address and the request
    id. A ``PermissionDenied`` (403: a page of another role) is logged the same way. A view
    that answers AccessDenied otherwise (a message, an htmx partial) catches it itself.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        """Log AccessDenied and PermissionDenied; raise Http404 for AccessDenied; leave
        every other exception to Django (None)."""
        if isinstance(exc, AccessDenied | PermissionDenied):
            _record_refusal(request)
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


SECOND_FACTOR_CHECKS = ("mfa_authenticate", "mfa_reauthenticate", "mfa_reauthenticate_webauthn",
                        "mfa_login_webauthn")
"""allauth's two-factor pages that verify a second factor: open to everyone; its other
pages (adding, removing, showing) only as ``access.may_manage_second_factor`` says."""


class SecondFactorMiddleware:
    """Mark the request's user with ``patients.access.second_factor_satisfied`` for the
    session, so that the access layer and the page guards refuse patient data to staff
    whose session has not passed a second factor; and send such staff from the Django
    admin (every page of it, its login included), and from the two-factor pages that
    change or show their authenticators while they have one
    (``access.may_manage_second_factor``), to verify or enrol one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.shortcuts import redirect
        from django.urls import reverse

        from battrerygg.patients.access import (
            SECOND_FACTOR_ATTRIBUTE,
            may_manage_second_factor,
            requires_second_factor,
            second_factor_satisfied,
        )

        user = getattr(request, "user", None)
        if user is not None and requires_second_factor(user):
            passed = second_factor_satisfied(user, auth_records(request))
            setattr(user, SECOND_FACTOR_ATTRIBUTE, passed)
            if not passed and (request.path.startswith(reverse("admin:index")) or (
                    request.path.startswith(reverse("mfa_index"))
                    and request.path not in {reverse(name) for name in SECOND_FACTOR_CHECKS}
                    and not may_manage_second_factor(user))):
                from battrerygg.web.pages import second_factor_url

                return redirect(second_factor_url(request))
        return self.get_response(request)


class AdminSwitchMiddleware:
    """The Django admin site answers 404 unless ``settings.ADMIN_ENABLED``
    (``BATTRERYGG_ADMIN_ENABLED``; on by default only with DEBUG), read on every request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/admin/") and not settings.ADMIN_ENABLED:
            raise Http404
        return self.get_response(request)


def _record_refusal(request: HttpRequest) -> None:
    user = getattr(request, "user", None)
    user = user if user is not None and user.is_authenticated else None
    match = getattr(request, "resolver_match", None)
    ref = match.kwargs.get("ref") if match is not None else None
    patient = Patient.objects.filter(ref=ref).first() if isinstance(ref, uuid.UUID) else None
    record_denied(actor=user, patient=patient,
                  object_id=f"{request.method} {request.path}")
