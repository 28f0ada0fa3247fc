"""Guards for staff pages.

``physio_page`` and ``admin_page`` let in only the right role (anonymous users go to the
login page, others get 403). ``patient_page`` resolves the patient reference in the URL
through the access layer (404 when the physiotherapist may not see that patient) and serves
the page inside one audit read scope, so each page view of a patient's data writes exactly
one audit row (SPEC Q2).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from battrerygg.accounts.models import Role
from battrerygg.audit.services import page_read, record_page_read
from battrerygg.patients.access import AccessDenied, patient_for_staff, staff_clinics

View = Callable[..., HttpResponse]


def _role_page(*roles: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if user.role not in roles or not staff_clinics(user).exists():
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


physio_page = _role_page(Role.PHYSIOTHERAPIST)
admin_page = _role_page(Role.CLINIC_ADMIN)
staff_page = _role_page(Role.PHYSIOTHERAPIST, Role.CLINIC_ADMIN)


def patient_page(what: str) -> Callable[[View], View]:
    """Decorate ``view(request, access, **kwargs)`` served at a URL with ``<uuid:ref>``.

    access: patients.access.StaffAccess (patient and the care relation's clinic).
    Every response that shows the page (GET, HEAD, or a form sent back with its errors)
    writes one audit read row named ``what``, after the view; redirects (a saved form, whose
    changes the services audit) and 404s write none. Raises Http404 when the patient is
    not visible.
    """

    def decorator(view: View) -> View:
        @functools.wraps(view)
        @physio_page
        def wrapper(request: HttpRequest, *args: Any, ref: Any, **kwargs: Any) -> HttpResponse:
            try:
                access = patient_for_staff(request.user, ref)
            except AccessDenied:
                raise Http404 from None
            with page_read(actor=request.user, patient=access.patient, what=what,
                           clinic=access.clinic, record=False):
                response = view(request, access, *args, **kwargs)
            if not 300 <= response.status_code < 400 and response.status_code != 404:
                record_page_read(actor=request.user, patient=access.patient, what=what,
                                 clinic=access.clinic)
            return response

        return wrapper

    return decorator
