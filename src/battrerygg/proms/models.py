"""Questionnaire responses, assignments and installed licensed wording (SPEC P8, C4)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from battrerygg.patients.models import Episode, Patient


class Timepoint(models.TextChoices):
    """When in the programme a questionnaire belongs (clinical.instruments.schedule)."""

    BASELINE = "baseline", _("Start of the programme")
    MONTH_3 = "3m", _("After 3 months")
    MONTH_6 = "6m", _("After 6 months")
    MONTH_12 = "12m", _("After 12 months")
    ASSIGNED = "assigned", _("From your physiotherapist")


class Assignment(models.Model):
    """A questionnaire the physiotherapist asks the patient to answer from ``due_date``."""

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="assignments")
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="assignments")
    instrument = models.CharField(max_length=20)
    due_date = models.DateField(_("due from"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("questionnaire assignment")
        verbose_name_plural = _("questionnaire assignments")

    def __str__(self) -> str:
        return f"{self.instrument} {self.due_date}"


class Response(models.Model):
    """One questionnaire as answered by (or for) a patient.

    answers: {linkId: answer} as the clinical core takes them (option code, integer as
    text, or short text); only valid answers are ever stored (services check them).
    The score is a snapshot taken when the form is sent: total (None when the rules give
    no score; ``missing_reason`` says why), category (risk group or band), subscales.
    submission_key: makes a resent form harmless.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("Started")
        SUBMITTED = "submitted", _("Sent")

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="responses")
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="responses")
    instrument = models.CharField(max_length=20)
    timepoint = models.CharField(max_length=10, choices=Timepoint.choices)
    assignment = models.OneToOneField(
        Assignment, on_delete=models.CASCADE, null=True, blank=True, related_name="response"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    answers = models.JSONField(default=dict)
    language = models.CharField(max_length=5, default="sv")
    total = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    category = models.CharField(max_length=20, blank=True)
    subscales = models.JSONField(default=dict)
    missing_reason = models.CharField(max_length=30, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    submission_key = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["episode", "instrument", "timepoint"],
                condition=~Q(timepoint="assigned"),
                name="one_response_per_timepoint",
            ),
            models.UniqueConstraint(
                fields=["patient", "submission_key"], name="response_submitted_once"
            ),
            models.CheckConstraint(
                condition=Q(timepoint="assigned", assignment__isnull=False)
                | (~Q(timepoint="assigned") & Q(assignment__isnull=True)),
                name="assigned_responses_have_an_assignment",
            ),
        ]
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")

    def __str__(self) -> str:
        return f"{self.instrument} {self.timepoint} {self.status}"

    @property
    def submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class InstalledWording(models.Model):
    """The official wording of a licensed instrument in one language, installed by a clinic
    from a file it holds under its licence (install_questionnaire_wording). Kept in the
    database, so that every app server sees it."""

    instrument = models.CharField(max_length=20)
    language = models.CharField(max_length=5)
    version = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    licence_holder = models.CharField(max_length=200)
    reference = models.CharField(max_length=500, blank=True)
    intro = models.TextField(blank=True)
    items = models.JSONField(default=dict)  # {linkId: text}
    options = models.JSONField(default=dict)  # {linkId: {code: label}}
    anchors = models.JSONField(default=dict)  # {linkId: {"min": text, "max": text}}
    installed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "language"], name="one_wording_per_language"
            )
        ]
        verbose_name = _("installed questionnaire wording")
        verbose_name_plural = _("installed questionnaire wordings")

    def __str__(self) -> str:
        return f"{self.instrument} {self.language} {self.version}"
