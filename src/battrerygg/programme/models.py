"""Prescriptions of exercises from the library and the history of their doses (SPEC T3, P7)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.dosing import Band, Dose
from battrerygg.patients.models import Episode, Patient


def _dose_ok(prefix: str = "") -> Q:
    """Sets × repetitions or minutes, not both (ranges are checked by clinical.dosing)."""
    sets, reps, minutes = f"{prefix}sets", f"{prefix}repetitions", f"{prefix}minutes"
    return (
        Q(**{f"{minutes}__isnull": True, f"{sets}__gte": 1, f"{reps}__gte": 1})
        | Q(**{f"{minutes}__gte": 1, f"{sets}__isnull": True, f"{reps}__isnull": True})
    )


BAND_CHOICES = [
    (Band.LIGHT.value, _("light band")),
    (Band.MEDIUM.value, _("medium band")),
    (Band.HEAVY.value, _("heavy band")),
    (Band.EXTRA_HEAVY.value, _("extra heavy band")),
]


class DoseFields(models.Model):
    """A level and dose: sets × repetitions (with a hold, kilograms or a band), or minutes."""

    level = models.PositiveSmallIntegerField(_("level"))
    sets = models.PositiveSmallIntegerField(_("sets"), null=True, blank=True)
    repetitions = models.PositiveSmallIntegerField(_("repetitions"), null=True, blank=True)
    minutes = models.PositiveSmallIntegerField(_("minutes"), null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(_("hold, seconds"), null=True, blank=True)
    load_kg = models.DecimalField(_("load, kg"), max_digits=4, decimal_places=1, null=True,
                                  blank=True)
    band = models.CharField(_("band"), max_length=12, choices=BAND_CHOICES, blank=True)

    class Meta:
        abstract = True

    @property
    def dose(self) -> Dose:
        """The dose as the clinical core sees it."""
        return Dose(sets=self.sets, repetitions=self.repetitions, minutes=self.minutes,
                    hold_seconds=self.hold_seconds,
                    load_kg=self.load_kg,
                    band=Band(self.band) if self.band else None)


class Prescription(DoseFields):
    """An exercise a physiotherapist prescribed to a patient.

    exercise: a slug of the library (programme.library). level, sets/repetitions/minutes: the
    current dose (the latest DoseChange not undone). frequency_per_week: 1–14 sessions.
    version: raised by every change, so a form sent twice changes the dose only once.
    ended_at: set when ended (can be undone).
    """

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="prescriptions")
    episode = models.ForeignKey(
        Episode, on_delete=models.SET_NULL, null=True, blank=True, related_name="prescriptions"
    )
    exercise = models.CharField(_("exercise"), max_length=60)
    frequency_per_week = models.PositiveSmallIntegerField(_("times per week"))
    notes = models.TextField(_("notes"), blank=True)
    prescribed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="prescriptions_made"
    )
    version = models.PositiveIntegerField(default=1)
    submission_key = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "submission_key"], name="prescription_submitted_once"
            ),
            models.CheckConstraint(condition=_dose_ok(), name="prescription_dose_kind"),
            models.CheckConstraint(
                condition=Q(frequency_per_week__gte=1, frequency_per_week__lte=14),
                name="prescription_frequency_range",
            ),
        ]
        verbose_name = _("prescription")
        verbose_name_plural = _("prescriptions")

    def __str__(self) -> str:
        return f"{self.exercise} ({self.patient_id})"


class DoseChange(DoseFields):
    """One entry in a prescription's dose history: the first prescribed dose, each change
    (a step up or down, or set by hand). undone_at: set when the change was undone; the
    current dose is the latest change not undone."""

    class Kind(models.TextChoices):
        PRESCRIBED = "prescribed", _("Prescribed")
        CHANGED = "changed", _("Dose changed")
        PROGRESSED = "progressed", _("Progressed")
        REGRESSED = "regressed", _("Regressed")

    prescription = models.ForeignKey(
        Prescription, on_delete=models.CASCADE, related_name="dose_changes"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=_dose_ok(), name="dose_change_dose_kind"),
        ]
        verbose_name = _("dose change")
        verbose_name_plural = _("dose changes")

    def __str__(self) -> str:
        return f"{self.kind} {self.changed_at:%Y-%m-%d}"
