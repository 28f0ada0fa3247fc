"""Storing a patient's red-flag check."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from django.db import IntegrityError, transaction

from battrerygg.audit.services import record_change
from battrerygg.clinical.red_flags import outcome_of
from battrerygg.patients.models import Patient
from battrerygg.redflags.models import RedFlagCheck


def record_red_flag_check(
    patient: Patient, answers: Mapping[str, bool], *, submission_key: uuid.UUID
) -> tuple[RedFlagCheck, bool]:
    """Store answers and their outcome (clinical.red_flags). Returns (check, created).

    Resubmitting the same answers with the same submission_key returns the first check;
    different answers under a key already used (a form restored by the browser's Back
    button) are a new check. Raises ValueError for an unknown sign or non-boolean answer.
    """
    outcome = outcome_of(answers)
    existing = RedFlagCheck.objects.filter(patient=patient, submission_key=submission_key).first()
    if existing:
        if existing.answers == dict(answers):
            return existing, False
        submission_key = uuid.uuid4()
    try:
        with transaction.atomic():
            check = RedFlagCheck.objects.create(
                patient=patient, answers=dict(answers), outcome=outcome.value,
                submission_key=submission_key,
            )
            record_change(
                actor=patient.user, patient=patient, action="create", what="red_flag_check",
                object_id=check.pk,
            )
    except IntegrityError:
        return RedFlagCheck.objects.get(patient=patient, submission_key=submission_key), False
    return check, True
