"""Moving a physiotherapist's patients to a colleague, with a second person (SPEC §1: access
follows care; no single person gives themself, or an account they control, access to a
patient).

A clinic admin proposes (``propose_transfer``); nothing changes who may see the patients
until a second person approves (``approve_transfer``): one who already treats them, or,
where nobody active does, another clinic admin (``access.may_decide_transfer``). The
proposer and the receiving account never approve. Each step is one transaction, audited on
every patient's record (the patient's "who can see my data" page lists it) and harmless to
repeat. Who may do what is the access layer's (``patients.access``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from battrerygg.accounts.models import User
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.patients import access
from battrerygg.patients.access import AccessDenied
from battrerygg.patients.models import CareRelation, TransferProposal
from battrerygg.submissions import create_once

State = TransferProposal.State


class TransferError(Exception):
    """A transfer step that cannot be taken; ``message`` is translated."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


def _audit(actor: User, proposal: TransferProposal, what: What, action: str) -> None:
    for patient in proposal.patients.all():
        record_change(actor=actor, patient=patient, action=action, what=what,
                      object_id=proposal.pk, clinic=proposal.clinic)


@transaction.atomic
def propose_transfer(admin: User, membership_id: int, to_user_id: int, *,
                     base_url: str | None = None) -> tuple[TransferProposal, bool]:
    """Propose moving the open care relations of the member ``membership_id`` (at its
    clinic) to the physiotherapist ``to_user_id`` of the same clinic. Returns (proposal,
    created): the same proposal sent again returns the pending one.

    Whoever may approve it is told by e-mail (``access.transfer_deciders``; no patient
    names; base_url: the site's address for the link, else SITE_URL).
    Raises AccessDenied unless the admin manages the member's clinic
    (``access.may_propose_transfer``); TransferError when the receiver may not take the
    patients over (``access.may_receive_transfer``), when the member has no patients, or
    when another move of the same member is already waiting for approval.
    """
    leaving = access.managed_memberships(admin).filter(pk=membership_id) \
        .select_related("user", "clinic").first()
    if leaving is None or not access.may_propose_transfer(admin, leaving):
        raise AccessDenied
    target = access.may_receive_transfer(leaving, to_user_id)
    if target is None:
        raise TransferError(_("Choose a physiotherapist of the same clinic who has set up "
                              "two-step login."))

    def pending() -> TransferProposal | None:
        return TransferProposal.objects.filter(
            clinic=leaving.clinic, from_physiotherapist=leaving.user, state=State.PENDING,
        ).first()

    def create() -> TransferProposal:
        relations = CareRelation.objects.filter(
            physiotherapist=leaving.user, clinic=leaving.clinic, ended_at__isnull=True)
        patient_ids = list(relations.values_list("patient_id", flat=True))
        if not patient_ids:
            raise TransferError(_("This physiotherapist has no patients to move."))
        proposal = TransferProposal.objects.create(
            clinic=leaving.clinic, from_physiotherapist=leaving.user, to_physiotherapist=target,
            proposer=admin,
        )
        proposal.patients.set(patient_ids)
        _audit(admin, proposal, What.TRANSFER_PROPOSED, "create")
        return proposal

    proposal, created = create_once(pending, create)
    if not created and proposal.to_physiotherapist_id != target.pk:
        raise TransferError(_("A move of this physiotherapist's patients is already waiting "
                              "for approval. Cancel it first."))
    if created:
        _tell_deciders(proposal, base_url=base_url)
    return proposal, created


def _tell_deciders(proposal: TransferProposal, *, base_url: str | None) -> None:
    """E-mail whoever may approve ``proposal`` (``access.transfer_deciders``), in their
    language: who proposes what, how many patients (no names), and the page to decide on."""
    link = (base_url or settings.SITE_URL).rstrip("/") + reverse("clinic:transfers")
    count = proposal.patients.count()
    for decider in access.transfer_deciders(proposal):
        with translation.override(decider.language or "sv"):
            context = {"proposer": str(proposal.proposer),
                       "source": str(proposal.from_physiotherapist),
                       "target": str(proposal.to_physiotherapist),
                       "clinic": proposal.clinic.name, "count": count, "link": link}
            subject = render_to_string("clinic/email/transfer_subject.txt", context).strip()
            body = render_to_string("clinic/email/transfer_body.txt", context)
        send_mail(subject, body, None, [decider.email])


def _locked(proposal_id: int) -> TransferProposal:
    found = TransferProposal.objects.select_for_update().filter(pk=proposal_id).first()
    if found is None:
        raise AccessDenied
    return found


@transaction.atomic
def approve_transfer(user: User, proposal_id: int) -> TransferProposal:
    """Approve a pending proposal and move the patients: the open care relations of the
    leaving physiotherapist at the clinic end, the receiver's begin (or reopen); each
    change audited on the patient's record. Approving again what this user approved
    changes nothing.

    Raises AccessDenied unless ``access.may_decide_transfer`` (never the proposer, never
    the receiver); TransferError when the proposal was decided otherwise or the receiver
    may no longer take the patients (left the clinic, no second factor).
    """
    proposal, done = _to_decide(user, proposal_id, State.APPROVED)
    if done:
        return proposal
    target = access.transfer_receiver(proposal)
    if target is None:
        raise TransferError(_("The receiving physiotherapist can no longer take the patients "
                              "over."))
    now = timezone.now()
    relations = CareRelation.objects.select_for_update().filter(
        physiotherapist=proposal.from_physiotherapist, clinic=proposal.clinic,
        ended_at__isnull=True, patient__in=proposal.patients.all(),
    ).select_related("patient")
    for relation in relations:
        relation.ended_at = now
        relation.save(update_fields=["ended_at"])
        record_change(actor=user, patient=relation.patient, action="update",
                      what=What.CARE_RELATION_END, object_id=relation.pk, clinic=proposal.clinic)
        moved, created = CareRelation.objects.get_or_create(
            physiotherapist=target, patient=relation.patient, clinic=proposal.clinic)
        if not created and moved.ended_at is not None:
            moved.ended_at = None
            moved.save(update_fields=["ended_at"])
            created = True
        if created:
            record_change(actor=user, patient=relation.patient, action="create",
                          what=What.CARE_RELATION, object_id=moved.pk, clinic=proposal.clinic)
    proposal.state, proposal.decided_by, proposal.decided_at = State.APPROVED, user, now
    proposal.save(update_fields=["state", "decided_by", "decided_at"])
    _audit(user, proposal, What.TRANSFER_APPROVED, "update")
    return proposal


def _to_decide(user: User, proposal_id: int, decision: str) -> tuple[TransferProposal, bool]:
    """The proposal locked for ``user`` to decide as ``decision``: (proposal, True) when
    this user already decided it so (a repeat changes nothing), else (proposal, False) once
    ``access.may_decide_transfer`` allows it. Raises TransferError when it was decided
    otherwise (to staff of its clinic), else AccessDenied."""
    proposal = _locked(proposal_id)
    if proposal.state == decision and proposal.decided_by_id == user.pk:
        return proposal, True
    if proposal.state != State.PENDING:
        if access.staff_clinics(user).filter(pk=proposal.clinic_id).exists():
            raise TransferError(_("This move has already been decided."))
        raise AccessDenied
    if not access.may_decide_transfer(user, proposal):
        raise AccessDenied
    return proposal, False


@transaction.atomic
def decline_transfer(user: User, proposal_id: int) -> TransferProposal:
    """Decline a pending proposal: nothing moves. By whoever may approve it
    (``access.may_decide_transfer``); declining again changes nothing. Raises AccessDenied,
    TransferError when it was decided otherwise."""
    proposal, done = _to_decide(user, proposal_id, State.DECLINED)
    if done:
        return proposal
    proposal.state, proposal.decided_by, proposal.decided_at = (
        State.DECLINED, user, timezone.now())
    proposal.save(update_fields=["state", "decided_by", "decided_at"])
    _audit(user, proposal, What.TRANSFER_DECLINED, "update")
    return proposal


@transaction.atomic
def cancel_transfer(admin: User, proposal_id: int) -> TransferProposal:
    """Withdraw a pending proposal (a clinic admin of its clinic,
    ``access.may_cancel_transfer``); cancelling again changes nothing. Raises AccessDenied,
    TransferError when it was decided already."""
    proposal = _locked(proposal_id)
    if not access.managed_transfers(admin).filter(pk=proposal.pk).exists():
        raise AccessDenied
    if proposal.state == State.CANCELLED:
        return proposal
    if not access.may_cancel_transfer(admin, proposal):
        raise TransferError(_("This move has already been decided."))
    proposal.state, proposal.decided_by, proposal.decided_at = (
        State.CANCELLED, admin, timezone.now())
    proposal.save(update_fields=["state", "decided_by", "decided_at"])
    _audit(admin, proposal, What.TRANSFER_CANCELLED, "update")
    return proposal


def pending_for_admin(admin: User) -> list[TransferProposal]:
    """The pending proposals of the admin's clinics, oldest first (counts, no names)."""
    return list(access.managed_transfers(admin).filter(state=State.PENDING)
                .select_related("clinic", "from_physiotherapist", "to_physiotherapist",
                                "proposer").order_by("created_at", "pk"))
