"""Capacity/load balance check-ins, weekly fitness goals, motivation and reminders
(SPEC P4, P6, C3). Every row belongs to one patient and carries its local date, so the
physiotherapist's patient timeline can show it in order."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.balance import Capacity, Load, Ratings, Tilt, tilt
from battrerygg.clinical.goals import Unit
from battrerygg.diary.models import ActivityKind
from battrerygg.patients.models import Patient

CAPACITY_FIELDS = tuple(c.value for c in Capacity)
LOAD_FIELDS = tuple(f"load_{x.value}" for x in Load)


def _rating(label: str) -> models.PositiveSmallIntegerField:  # type: ignore[type-arg]
    return models.PositiveSmallIntegerField(label)


class PhysicalLoadDirection(models.TextChoices):
    """Physical load weighs on the back when there is too much of it, or too little."""

    TOO_MUCH = "too_much", _("Too much")
    TOO_LITTLE = "too_little", _("Too little")


class BalanceCheckIn(models.Model):
    """One check-in: four capacity factors and four loads, each rated 0–10 (SPEC P4).

    The tilt and the suggestions are derived (clinical.balance) from the stored ratings.
    physical_direction: whether the physical load is too much or too little (optional).
    """

    patient = models.ForeignKey(
        Patient, on_delete=models.CASCADE, related_name="balance_checkins"
    )
    local_date = models.DateField(_("date"))
    posture = _rating(_("posture"))
    strength = _rating(_("strength"))
    flexibility = _rating(_("flexibility and mobility"))
    fitness = _rating(_("general fitness"))
    load_physical = _rating(_("physical load"))
    load_negative_emotions = _rating(_("negative emotions"))
    load_stress = _rating(_("everyday stress"))
    load_worrying_thoughts = _rating(_("worrying thoughts about the back"))
    physical_direction = models.CharField(
        _("physical load is"), max_length=10, choices=PhysicalLoadDirection.choices,
        blank=True,
    )
    submission_key = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["local_date", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "submission_key"], name="balance_checkin_once"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__lte": 10}), name=f"balance_{name}_0_10"
                )
                for name in CAPACITY_FIELDS + LOAD_FIELDS
            ),
        ]
        verbose_name = _("balance check-in")
        verbose_name_plural = _("balance check-ins")

    def __str__(self) -> str:
        return f"{self.patient} {self.local_date}"

    @property
    def ratings(self) -> Ratings:
        """The stored ratings as the clinical core's value."""
        return Ratings(
            capacity={c: getattr(self, c.value) for c in Capacity},
            loads={x: getattr(self, f"load_{x.value}") for x in Load},
        )

    @property
    def tilt(self) -> Tilt:
        """Which way the balance tips (SPEC C3), derived from the ratings."""
        return tilt(self.ratings)


GOAL_ACTIVITIES = (
    ActivityKind.WALKING, ActivityKind.STAIR_CLIMBING, ActivityKind.NORDIC_WALKING,
    ActivityKind.CYCLING, ActivityKind.DANCING, ActivityKind.SWIMMING, ActivityKind.OTHER,
)
"""General-fitness activities a weekly goal can be set for (SPEC P6): the diary's activity
kinds, so progress is counted from matching diary entries."""
GOAL_ACTIVITY_VALUES = tuple(kind.value for kind in GOAL_ACTIVITIES)
GOAL_ACTIVITY_CHOICES = [(kind.value, kind.label) for kind in GOAL_ACTIVITIES]


class GoalUnit(models.TextChoices):
    MINUTES = Unit.MINUTES.value, _("minutes")
    SESSIONS = Unit.SESSIONS.value, _("times")


class WeeklyGoal(models.Model):
    """A weekly goal for one activity, in force from the ISO week starting ``starts_on``
    (a Monday) up to and including the week ending ``ends_on`` (a Sunday; empty = current).

    Changing a goal ends the old one at the last week it applied to and starts a new one,
    so past weeks keep the goal they had. One current goal per activity.
    """

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="weekly_goals")
    activity = models.CharField(_("activity"), max_length=20, choices=GOAL_ACTIVITY_CHOICES)
    unit = models.CharField(_("counted in"), max_length=10, choices=GoalUnit.choices)
    target = models.PositiveSmallIntegerField(_("goal per week"))
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "activity"], condition=Q(ends_on__isnull=True),
                name="one_current_goal_per_activity",
            ),
            models.CheckConstraint(condition=Q(target__gte=1), name="goal_target_positive"),
        ]
        verbose_name = _("weekly goal")
        verbose_name_plural = _("weekly goals")

    def __str__(self) -> str:
        return f"{self.patient} {self.activity} {self.target} {self.unit}"


class Motivation(models.Model):
    """What motivates the patient to get going, in their own words (SPEC P6)."""

    patient = models.OneToOneField(Patient, on_delete=models.CASCADE, related_name="motivation")
    text = models.TextField(_("what motivates me"), max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("motivation")
        verbose_name_plural = _("motivations")

    def __str__(self) -> str:
        return f"{self.patient}: motivation"


class ReminderPreference(models.Model):
    """Whether the patient wants reminder e-mails (off until they opt in)."""

    patient = models.OneToOneField(
        Patient, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    by_email = models.BooleanField(_("send me reminders by e-mail"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.patient}: e-mail reminders {'on' if self.by_email else 'off'}"


class ReminderSent(models.Model):
    """One reminder e-mail sent to a patient on a local date: at most one a day, so running
    the command again the same day sends nothing twice."""

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="reminders")
    local_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    items = models.JSONField(default=list)  # what was due, by code (no health details)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["patient", "local_date"], name="one_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.patient}: reminder {self.local_date}"
