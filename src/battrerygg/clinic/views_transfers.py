"""Moves of patients between physiotherapists, with a second person (SPEC §1): a clinic admin
proposes from the staff page; whoever may approve (``access.may_decide_transfer``) sees it
here and approves or declines; a clinic admin may withdraw it. Counts only, no patient
names: the page is for clinic admins too, who see no patient content."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from battrerygg.clinic import transfers as services
from battrerygg.patients.access import managed_clinics, transfers_to_decide
from battrerygg.web.pages import admin_page, staff_page


@staff_page
def transfers(request: HttpRequest) -> HttpResponse:
    """The moves waiting for this user's approval, and for a clinic admin the moves of
    their clinics waiting for someone's."""
    user = request.user
    proposed = services.pending_for_admin(user) if managed_clinics(user).exists() else []
    return render(request, "clinic/transfers.html", {
        "to_decide": [(p, p.patients.count()) for p in transfers_to_decide(user)],
        "proposed": [(p, p.patients.count()) for p in proposed],
    })


def _id(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() else None


@require_POST
@admin_page
def propose(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Propose moving a member's patients to the chosen colleague (nothing moves yet)."""
    to_id = _id(request.POST.get("move_to", ""))
    try:
        if to_id is None:
            raise services.TransferError(_("Choose a physiotherapist."))
        services.propose_transfer(request.user, membership_id, to_id,
                                  base_url=request.build_absolute_uri("/"))
    except services.TransferError as error:
        messages.error(request, str(error.message))
        return redirect("clinic:staff")
    messages.success(request, _("The move is proposed. It takes effect when a second person "
                                "who already treats the patients approves it."))
    return redirect("clinic:transfers")


@require_POST
@staff_page
def approve(request: HttpRequest, proposal_id: int) -> HttpResponse:
    """Approve a move: the patients' care moves now."""
    return _decide(request, services.approve_transfer, proposal_id,
                   _("Approved. The patients have been moved."))


@require_POST
@staff_page
def decline(request: HttpRequest, proposal_id: int) -> HttpResponse:
    """Decline a move: nothing moves."""
    return _decide(request, services.decline_transfer, proposal_id,
                   _("Declined. Nothing was moved."))


@require_POST
@admin_page
def cancel(request: HttpRequest, proposal_id: int) -> HttpResponse:
    """Withdraw a proposed move."""
    return _decide(request, services.cancel_transfer, proposal_id,
                   _("The proposed move was withdrawn."))


def _decide(request: HttpRequest, action: Callable[[Any, int], Any], proposal_id: int,
            done: str) -> HttpResponse:
    """Run one decision on a proposal (approve, decline, withdraw) and say how it went, back
    on the moves page; AccessDenied rises to the middleware (404)."""
    try:
        action(request.user, proposal_id)
    except services.TransferError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, done)
    return redirect("clinic:transfers")
