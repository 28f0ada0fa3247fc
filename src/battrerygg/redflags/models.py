"""Stored red-flag checks of logged-in patients (SPEC P2)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.red_flags import Outcome
from battrerygg.patients.models import Patient

OUTCOME_CHOICES = [
    (Outcome.EMERGENCY.value, _("Seek care now")),
    (Outcome.SEEK_CARE_TODAY.value, _("Seek care today")),
    (Outcome.SEEK_CARE_SOON.value, _("Seek care soon")),
    (Outcome.CONTACT_PHYSIOTHERAPIST.value, _("Contact your physiotherapist")),
    (Outcome.SELF_CARE.value, _("Self-care")),
]


class RedFlagCheck(models.Model):
    """A patient's answers to the red-flag check and its outcome.

    answers: {sign key: bool} for every sign asked (clinical.red_flags.Sign). A check
    stored before a sign was added lacks its key (not asked), and keeps the outcome the
    patient was shown then (its stored ``outcome``).
    """

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="red_flag_checks")
    answers = models.JSONField()
    outcome = models.CharField(max_length=30, choices=OUTCOME_CHOICES)
    submission_key = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "submission_key"], name="red_flag_check_submitted_once"
            )
        ]
        verbose_name = _("red-flag check")
        verbose_name_plural = _("red-flag checks")

    def __str__(self) -> str:
        return f"{self.patient} {self.outcome}"
