"""The patient record, the episode of care and the care relation."""

from __future__ import annotations

import uuid
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from battrerygg.accounts.models import Clinic


class Patient(models.Model):
    """A patient: one user account, at most one clinic, episodes of care.

    personnummer: 12 digits, normalised (patients.identity), unique, optional until
    enrolment. Zone limits (pain-monitoring model, SPEC C1) may be set per patient by the
    physiotherapist; when empty the clinic's, then the published defaults apply. The
    24-hour tolerance is the patient's only (default 0).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="patient"
    )
    # Staff pages name a patient by this random reference, never by the row id or the
    # personnummer, so URLs reveal nothing and cannot be guessed.
    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    clinic = models.ForeignKey(
        Clinic, on_delete=models.PROTECT, null=True, blank=True, related_name="patients"
    )
    personnummer = models.CharField(
        _("personnummer"), max_length=12, unique=True, null=True, blank=True
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Stockholm")
    zone_safe_max = models.PositiveSmallIntegerField(
        _("highest pain in the safe zone"), null=True, blank=True
    )
    zone_acceptable_max = models.PositiveSmallIntegerField(
        _("highest pain in the acceptable zone"), null=True, blank=True
    )
    # Points the 24-hour value may lie above the baseline and still count as back (SPEC C1
    # refinement; 0 = the exact rule). Set by the physiotherapist with the zone limits.
    follow_up_tolerance = models.PositiveSmallIntegerField(
        _("tolerance of the 24-hour value"), default=0
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("patient")
        verbose_name_plural = _("patients")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def relation_clinic_id(self, physiotherapist: Any) -> int | None:
        """The clinic id of ``physiotherapist``'s active care relation with this patient at
        a clinic where they work (the earliest, if several: the relation access rests on,
        ``access.treating_relations``, and the clinic ``access.patient_for_staff`` gives), or
        None. The audit log records it as the clinic a staff read outside a staff page was
        made from (``audit.services.record_read``), which asks the patient it is given
        rather than import this app."""
        found: int | None = (
            self.care_relations.filter(physiotherapist=physiotherapist, ended_at__isnull=True,
                                       clinic__memberships__user=physiotherapist)
            .order_by("started_at").values_list("clinic_id", flat=True).first()
        )
        return found


class Episode(models.Model):
    """An episode of low back pain care, from its start date (the patient's local date)."""

    class EndReason(models.TextChoices):
        GOAL_REACHED = "goal_reached", _("Goal reached")
        REFERRED = "referred", _("Referred")
        DECLINED = "declined", _("Declined")

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="episodes")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason for ending"), max_length=20, choices=EndReason.choices, blank=True
    )

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="episode_ends_after_start",
            )
        ]
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")

    def __str__(self) -> str:
        return f"{self.patient} {self.start_date}"


class CareRelation(models.Model):
    """A physiotherapist cares for a patient at a clinic (the basis of staff access)."""

    physiotherapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_relations"
    )
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="care_relations")
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="care_relations")
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["physiotherapist", "patient", "clinic"], name="unique_care_relation"
            )
        ]
        verbose_name = _("care relation")
        verbose_name_plural = _("care relations")

    def __str__(self) -> str:
        return f"{self.physiotherapist} → {self.patient}"


class TransferProposal(models.Model):
    """A proposal to move a physiotherapist's patients at a clinic to a colleague (SPEC §1:
    access follows care; no single person gives anyone access).

    A clinic admin proposes; nothing changes until a second person approves: one who
    already treats the patients (the leaving physiotherapist), or, for patients nobody
    active treats, another clinic admin of the clinic (``access.may_decide_transfer``).
    The proposer and the receiving account never approve. patients: those whose care
    relations with ``from_physiotherapist`` at ``clinic`` were open when it was proposed.
    One pending proposal per physiotherapist and clinic (a partial unique constraint).
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    from_physiotherapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    to_physiotherapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    patients = models.ManyToManyField(Patient, related_name="+")
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "from_physiotherapist"], condition=Q(state="pending"),
                name="one_pending_transfer",
            )
        ]
        verbose_name = _("transfer of patients")
        verbose_name_plural = _("transfers of patients")

    def __str__(self) -> str:
        return f"{self.from_physiotherapist} → {self.to_physiotherapist} ({self.state})"
