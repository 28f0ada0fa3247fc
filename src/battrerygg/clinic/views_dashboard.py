"""The physiotherapist's dashboard (SPEC T5, C5) and the clinic admin's start page.

GET shows the dashboard (clinic.dashboard.board: audited, a fixed number of queries). POST
marks a patient's signals as reviewed (``review`` = the patient's ref) or undoes a review
(``undo`` = the review id); both go through the access layer (404 when not yours) and
redirect back, so a reload repeats nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from battrerygg.accounts.models import Role
from battrerygg.clinic import dashboard as reads
from battrerygg.clinic import queries, services
from battrerygg.patients.access import has_role, patient_for_staff
from battrerygg.web.pages import posted_id, staff_page

# Clinic admin pages (their URL names, if installed): staff and groups management.
ADMIN_LINKS = (
    ("clinic:staff", gettext_lazy("Staff")),
    ("clinic:log", gettext_lazy("Access log")),
    ("clinic:groups", gettext_lazy("Groups")),
    ("programme:groups", gettext_lazy("Groups")),
    ("diary_staff:clinic_limits", gettext_lazy("Pain limits")),
)


def _admin_links() -> list[tuple[str, object]]:
    links: list[tuple[str, object]] = []
    seen: set[str] = set()
    for name, label in ADMIN_LINKS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if str(label) not in seen:
            seen.add(str(label))
            links.append((url, label))
    return links


def _post(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    try:
        if "undo" in request.POST and not request.POST["undo"].isascii():
            raise Http404
        if "review" in request.POST:
            access = patient_for_staff(request.user, request.POST["review"])
            services.mark_reviewed(request.user, access, now=now)
            name = access.patient.user.full_name or access.patient.user.email
            messages.success(request, _("%(name)s marked as reviewed.") % {"name": name})
        elif "undo" in request.POST:
            review_id = posted_id(request.POST["undo"])
            services.undo_review(request.user, review_id, now=now)
            messages.success(request, _("Review undone: the signals show again."))
        else:
            raise Http404
    except ValueError:  # a malformed id to undo (a refused one rises as AccessDenied: 404)
        raise Http404 from None
    page = request.POST.get("page", "")
    url = reverse("clinic:dashboard")
    wanted = page.isascii() and page.isdigit() and len(page) < 6  # "²" is a digit too
    return redirect(f"{url}?page={int(page)}" if wanted else url)


@staff_page
def dashboard(request: HttpRequest) -> HttpResponse:
    """My patients, what needs attention first; a clinic admin gets counts and links."""
    if has_role(request.user, Role.CLINIC_ADMIN):
        if request.method == "POST":
            raise Http404
        return render(request, "clinic/admin_start.html", {
            "clinics": queries.clinic_counts(request.user), "links": _admin_links(),
        })
    if request.method == "POST":
        return _post(request)
    board = reads.board(request.user, timezone.now(), request.GET.get("page", 1))
    return render(request, "clinic/dashboard.html", {"board": board})
