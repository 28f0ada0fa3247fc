"""The shared plumbing of pages: who may open them and what they are given.

``patient_view`` serves the patient's own pages: only a logged-in patient, who is passed
their patient record, with times shown in the patient's time zone.

``physio_page``, ``admin_page`` and ``staff_page`` let in only the right role (anonymous
users go to the login page, others get 403); staff whose session has not passed a second
factor (``access.passed_second_factor``) go to enrol or verify one (``second_factor_url``).
``patient_page`` resolves the patient reference
in the URL through the access layer (404 when the physiotherapist may not see that patient)
and serves the page inside one audit read scope, so each page view of a patient's data
writes exactly one audit row (SPEC Q2).

A ``patients.access.AccessDenied`` that a page does not catch itself becomes the 404 page
in one place, ``web.middleware.AccessDeniedMiddleware``, so that ids of other patients are
not confirmed. Local-time helpers are in ``battrerygg.localtime`` (services use them too).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils import timezone
from django_htmx.http import HttpResponseClientRedirect

from battrerygg.accounts.models import Role
from battrerygg.audit.keys import What
from battrerygg.audit.services import page_read, record_page_read
from battrerygg.patients.access import (
    AccessDenied,
    has_role,
    own_patient,
    passed_second_factor,
    patient_for_staff,
    staff_clinics,
)

View = Callable[..., HttpResponse]


def patient_view(view: View) -> View:
    """Only a logged-in patient; the patient record is passed to the view.

    Anonymous (e.g. an expired session): to the login page, coming back to a page that can
    be opened — the page itself for GET, the start page after a form was sent. An htmx
    request is told to load the login page as a whole page, not inside the current one.
    A logged-in user without a patient record (staff): PermissionDenied (403).
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            back = request.get_full_path() if request.method == "GET" else reverse("web:home")
            login = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': back})}"
            if getattr(request, "htmx", False):  # django-htmx middleware
                return HttpResponseClientRedirect(login)
            return redirect(login)
        try:
            patient = own_patient(request.user)
        except AccessDenied:
            raise PermissionDenied from None
        with timezone.override(patient.tz):  # times shown in the patient's zone
            return view(request, patient, *args, **kwargs)

    return wrapper


def second_factor_url(request: HttpRequest) -> str:
    """Where staff without a second factor in their session go, coming back to the page
    they asked for (GET) afterwards: to verify one if they have an authenticator (a code
    from their app, else their passkey), else to enrol one."""
    from allauth.mfa.models import Authenticator

    kinds = set(Authenticator.objects.filter(user_id=request.user.pk)
                .values_list("type", flat=True))
    if Authenticator.Type.TOTP in kinds:
        target = reverse("mfa_reauthenticate")
    elif Authenticator.Type.WEBAUTHN in kinds:
        target = reverse("mfa_reauthenticate_webauthn")
    else:
        target = reverse("mfa_index")
    back = request.get_full_path() if request.method == "GET" else reverse("web:home")
    return f"{target}?{urlencode({'next': back})}"


def _role_page(*roles: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(user, *roles):
                raise PermissionDenied
            if not passed_second_factor(user):
                return redirect(second_factor_url(request))
            if not staff_clinics(user).exists():
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


physio_page = _role_page(Role.PHYSIOTHERAPIST)
admin_page = _role_page(Role.CLINIC_ADMIN)
staff_page = _role_page(Role.PHYSIOTHERAPIST, Role.CLINIC_ADMIN)


def patient_page(what: What) -> Callable[[View], View]:
    """Decorate ``view(request, access, **kwargs)`` served at a URL with ``<uuid:ref>``.

    access: patients.access.StaffAccess (patient and the care relation's clinic).
    Every response that shows the page (GET, HEAD, or a form sent back with its errors)
    writes one audit read row named ``what``, after the view; redirects (a saved form, whose
    changes the services audit) and 404s write none. Raises AccessDenied (shown as 404)
    when the patient is not visible.
    """

    def decorator(view: View) -> View:
        @functools.wraps(view)
        @physio_page
        def wrapper(request: HttpRequest, *args: Any, ref: Any, **kwargs: Any) -> HttpResponse:
            access = patient_for_staff(request.user, ref)  # AccessDenied: 404 (middleware)
            with page_read(actor=request.user, patient=access.patient, what=what,
                           clinic=access.clinic, record=False):
                response = view(request, access, *args, **kwargs)
            if not 300 <= response.status_code < 400 and response.status_code != 404:
                record_page_read(actor=request.user, patient=access.patient, what=what,
                                 clinic=access.clinic)
            return response

        return wrapper

    return decorator
