"""Storing a patient's red-flag check."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.clinical.red_flags import outcome_of
from battrerygg.patients.models import Patient
from battrerygg.redflags.models import RedFlagCheck
from battrerygg.submissions import save_once


def record_red_flag_check(
    patient: Patient, answers: Mapping[str, bool], *, submission_key: uuid.UUID
) -> tuple[RedFlagCheck, bool]:
    """Store answers and their outcome (clinical.red_flags). Returns (check, created).

    Resubmitting the same answers with the same submission_key returns the first check;
    different answers under a key already used (a form restored by the browser's Back
    button) are a new check, itself stored once (``battrerygg.submissions``). Raises
    ValueError for an unknown sign or non-boolean answer.
    """
    outcome = outcome_of(answers)
    answers = dict(answers)

    def create(key: uuid.UUID) -> RedFlagCheck:
        check = RedFlagCheck.objects.create(
            patient=patient, answers=answers, outcome=outcome.value, submission_key=key
        )
        record_change(actor=patient.user, patient=patient, action="create",
                      what=What.RED_FLAG_CHECK, object_id=check.pk)
        return check

    return save_once(
        lambda key: RedFlagCheck.objects.filter(patient=patient, submission_key=key).first(),
        create, submission_key, answers,
    )
