"""The pain-monitoring diary and the flare-up plan (SPEC P3, P5)."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from battrerygg.accounts.models import Clinic
from battrerygg.clinical.pain_monitoring import Session
from battrerygg.localtime import is_ambiguous
from battrerygg.patients.models import Patient


class ActivityKind(models.TextChoices):
    """Kinds of activity the patient logs (SPEC P3)."""

    WALKING = "walking", _("Walking")
    STAIR_CLIMBING = "stair_climbing", _("Stair climbing")
    NORDIC_WALKING = "nordic_walking", _("Nordic walking")
    CYCLING = "cycling", _("Cycling")
    DANCING = "dancing", _("Dancing")
    SWIMMING = "swimming", _("Swimming")
    PROGRAMME_EXERCISE = "programme_exercise", _("Exercise from the programme")
    EVERYDAY_TASK = "everyday_task", _("Everyday task")
    OTHER = "other", _("Other")


class Intensity(models.TextChoices):
    """How hard the activity felt, in plain words (optional)."""

    LIGHT = "light", _("Light: I could talk easily")
    MODERATE = "moderate", _("Moderate: I got a little out of breath")
    HARD = "hard", _("Hard: I could hardly talk")


# Kinds that cover many different activities: "the same activity" (C1's increase rule) is
# the patient's own name for it, not the kind (two unrelated chores are not one history).
NAMED_KINDS = frozenset({ActivityKind.EVERYDAY_TASK, ActivityKind.OTHER})


def task_name(kind: str, description: str) -> str:
    """The name that makes entries of an everyday task or other activity "the same
    activity": the patient's description, case-folded, with spaces collapsed and
    surrounding punctuation dropped ("Vacuuming the flat." and "vacuuming  the flat" are
    one task). Empty for the other kinds, whose kind says what the activity was, and for a
    task without a description (such an entry has no earlier sessions to compare with)."""
    if kind not in NAMED_KINDS:
        return ""
    return " ".join(description.casefold().split()).strip(" .,;:!?-")[:200]


def _nrs(field: str) -> Q:
    return Q(**{f"{field}__gte": 0, f"{field}__lte": 10})


class ActivityEntry(models.Model):
    """One logged activity with pain before, during, right after and 24 hours on.

    started_at: the instant the activity began (stored UTC). local_date / timezone: the
    calendar date and zone the patient meant. Pains: NRS integers 0–10 (checked by the
    database too). follow_up_due_at: when the 24-hour value is asked for (clinical
    ``follow_up_due_at``). submission_key: makes a resubmitted form harmless.
    """

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="diary_entries")
    kind = models.CharField(_("activity"), max_length=20, choices=ActivityKind.choices)
    description = models.CharField(_("what you did"), max_length=200, blank=True)
    # ``task_name(kind, description)``, stored so that the history of one task is a filter.
    task = models.CharField(max_length=200, blank=True, default="", editable=False)
    started_at = models.DateTimeField(_("started"), db_index=True)
    local_date = models.DateField(_("date"))
    timezone = models.CharField(max_length=64, default="Europe/Stockholm")
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    intensity = models.CharField(_("intensity"), max_length=10, choices=Intensity.choices,
                                 blank=True)
    sets = models.PositiveSmallIntegerField(_("sets"), null=True, blank=True)
    repetitions = models.PositiveSmallIntegerField(_("repetitions"), null=True, blank=True)
    load_kg = models.DecimalField(
        _("load (kg)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    distance_km = models.DecimalField(
        _("distance (km)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    steps = models.PositiveIntegerField(_("steps"), null=True, blank=True)
    pain_baseline = models.PositiveSmallIntegerField(_("pain before"))
    pain_during = models.PositiveSmallIntegerField(_("highest pain during"))
    pain_after = models.PositiveSmallIntegerField(_("pain right after"))
    pain_24h = models.PositiveSmallIntegerField(_("pain 24 hours later"), null=True, blank=True)
    pain_24h_recorded_at = models.DateTimeField(null=True, blank=True)
    follow_up_due_at = models.DateTimeField(db_index=True)
    submission_key = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)  # set → hidden, can be undone
    # A session of a prescribed exercise (kind "programme_exercise"): its C1 history is the
    # sessions of the same prescription, not every exercise (SPEC P7).
    prescription = models.ForeignKey(
        "programme.Prescription", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="sessions", verbose_name=_("exercise from the programme"),
    )

    class Meta:
        ordering = ["started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "submission_key"], name="diary_entry_submitted_once"
            ),
            models.CheckConstraint(condition=_nrs("pain_baseline"), name="pain_baseline_nrs"),
            models.CheckConstraint(condition=_nrs("pain_during"), name="pain_during_nrs"),
            models.CheckConstraint(condition=_nrs("pain_after"), name="pain_after_nrs"),
            models.CheckConstraint(
                condition=Q(pain_24h__isnull=True) | _nrs("pain_24h"), name="pain_24h_nrs"
            ),
            models.CheckConstraint(condition=Q(minutes__gt=0), name="minutes_positive"),
        ]
        # A patient's entries by time: the diary pages and the dashboard's windows (last
        # 7 days, last entry, first week of the episode) read ranges of it (SPEC Q5).
        indexes = [models.Index(fields=["patient", "started_at"], name="diary_entry_patient_time")]
        verbose_name = _("diary entry")
        verbose_name_plural = _("diary entries")

    def __str__(self) -> str:
        return f"{self.kind} {self.local_date}"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def local_start(self):  # noqa: ANN201 - datetime
        return self.started_at.astimezone(self.tz)

    @property
    def repeated_hour(self) -> str:
        """"summer" or "winter" when the local start time happened twice (the hour the
        clocks go back: the first is summer time, the second winter time); else ""."""
        local = self.local_start
        if not is_ambiguous(local):
            return ""
        return "winter" if local.fold else "summer"

    @property
    def activity_key(self) -> str:
        """What counts as "the same activity" for the C1 increase rule: the prescription
        for a programme exercise; for an everyday task or other activity the patient's own
        name for it (``task``; an unnamed one is compared with nothing); else the kind."""
        if self.prescription_id is not None:
            return f"prescription:{self.prescription_id}"
        if self.kind in NAMED_KINDS:
            return f"{self.kind}:{self.task}" if self.task else f"entry:{self.pk}"
        return str(self.kind)

    def as_session(self) -> Session:
        """The entry as the clinical core sees it (pain right after included: it is held to
        the same ceiling as pain during, SPEC C1)."""
        return Session(
            baseline=self.pain_baseline, during=self.pain_during, at_24h=self.pain_24h,
            after=self.pain_after,
        )


class FlareUpPlan(models.Model):
    """The patient's own plan for a bad period (SPEC P5). One per patient."""

    patient = models.OneToOneField(
        Patient, on_delete=models.CASCADE, related_name="flare_up_plan"
    )
    expected_days = models.PositiveSmallIntegerField(
        _("how many days I expect a bad period to last"), null=True, blank=True
    )
    what_helps = models.TextField(_("what eases my pain"), blank=True)
    own_actions = models.TextField(_("what I will do myself"), blank=True)
    favourite_exercise = models.CharField(_("my favourite exercise"), max_length=200, blank=True)
    contact_physio_after_days = models.PositiveSmallIntegerField(
        _("I contact my physiotherapist if it has not settled after (days)"), default=14
    )
    physiotherapist_contact = models.CharField(
        _("how I reach my physiotherapist"), max_length=200, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("flare-up plan")
        verbose_name_plural = _("flare-up plans")

    def __str__(self) -> str:
        return f"{self.patient}"


class LimitsChange(models.Model):
    """A physiotherapist set a patient's pain-monitoring limits (SPEC C1), with the reason.

    The values in force live on ``Patient`` (zone_safe_max / zone_acceptable_max, both empty:
    the clinic's or the published zone limits; follow_up_tolerance); each change is kept here
    as it was set, who set it and why, so the record shows which limits an old advice used.
    """

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="limits_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()
    safe_max = models.PositiveSmallIntegerField(null=True, blank=True)
    acceptable_max = models.PositiveSmallIntegerField(null=True, blank=True)
    follow_up_tolerance = models.PositiveSmallIntegerField(default=0)
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("change of pain limits")
        verbose_name_plural = _("changes of pain limits")

    def __str__(self) -> str:
        return f"{self.patient} {self.changed_at:%Y-%m-%d}"


class ClinicLimitsChange(models.Model):
    """A clinic admin set the clinic's default zone limits (SPEC C1), with the reason.

    The values in force live on ``Clinic`` (both empty: the published limits); each change
    is kept here. Not a patient's data, so not in the audit log, which is about patients.
    """

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="limits_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()
    safe_max = models.PositiveSmallIntegerField(null=True, blank=True)
    acceptable_max = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("change of a clinic's pain limits")
        verbose_name_plural = _("changes of a clinic's pain limits")

    def __str__(self) -> str:
        return f"{self.clinic} {self.changed_at:%Y-%m-%d}"
