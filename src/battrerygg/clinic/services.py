"""Writes of the clinic app: marking a patient's dashboard signals as reviewed, and undoing it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.clinic.models import Review
from battrerygg.patients.access import (
    AccessDenied,
    StaffAccess,
    may_undo_review,
    patient_for_staff,
)


@transaction.atomic
def mark_reviewed(user: Any, access: StaffAccess, *, now: datetime) -> Review:
    """``user`` (the physiotherapist of ``access``) has looked at the patient's signals.

    Hides the signals shown up to ``now`` on that physiotherapist's dashboard until
    something new happens. Marking again only moves the moment forward (harmless).
    Audited as a change of the patient's record, with the care relation's clinic.
    """
    review = Review.objects.create(physiotherapist=user, patient=access.patient, at=now)
    record_change(actor=user, patient=access.patient, action="create", what=What.CLINIC_REVIEW,
                  object_id=review.pk, clinic=access.clinic)
    return review


@transaction.atomic
def undo_review(user: Any, review_id: int, *, now: datetime) -> Review:
    """Undo one of ``user``'s own reviews: its signals show again. Undoing an undone review
    changes nothing. Raises AccessDenied for an unknown review, another physiotherapist's,
    or one of a patient ``user`` no longer cares for (``access.may_undo_review``)."""
    review = Review.objects.select_for_update().select_related("patient").filter(
        pk=review_id).first()
    if review is None or not may_undo_review(user, review):
        raise AccessDenied
    access = patient_for_staff(user, review.patient.ref)
    if review.undone_at is None:
        review.undone_at = now
        review.save(update_fields=["undone_at"])
        record_change(actor=user, patient=access.patient, action="update",
                      what=What.CLINIC_REVIEW, object_id=review.pk, clinic=access.clinic)
    return review
