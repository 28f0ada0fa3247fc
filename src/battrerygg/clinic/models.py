"""The physiotherapist's dashboard state: which patients they marked as reviewed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from battrerygg.patients.models import Patient


class Review(models.Model):
    """A physiotherapist marked a patient's dashboard signals as reviewed at ``at``.

    The dashboard hides the signals whose newest evidence is not later than ``at``
    (clinical.attention.review). undone_at: set when the physiotherapist undoes the review (the row
    is kept, so the audit trail and the dashboard agree); an undone review hides nothing.
    """

    physiotherapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="dashboard_reviews")
    at = models.DateTimeField(_("reviewed at"))
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["physiotherapist", "patient", "at"])]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.physiotherapist_id} {self.patient_id} {self.at:%Y-%m-%d %H:%M}"
