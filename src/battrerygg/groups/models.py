"""Group sessions and bookings (SPEC T4)."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

CAPACITY_MIN = 1
CAPACITY_MAX = 50


class SessionKind(models.TextChoices):
    """The two kinds of group session the programme offers."""

    EDUCATION = "education", _("Group education session")
    TRAINING = "training", _("Supervised group training")


class GroupSession(models.Model):
    """One group session at a clinic.

    starts_at/ends_at: instants stored in UTC, shown in the clinic's time zone. place and/or
    video_url (https only) say where it is. capacity: places, 1–50. leader: a physiotherapist
    of the clinic. sequence: raised on every change, so calendar programs update the event.
    cancelled_at: set when the session is cancelled (bookings are kept, the patients' calendar
    files then cancel the event).
    """

    clinic = models.ForeignKey(
        "accounts.Clinic", on_delete=models.PROTECT, related_name="group_sessions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=120)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), max_length=500, blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"))
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="led_group_sessions"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="group_session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=CAPACITY_MIN) & Q(capacity__lte=CAPACITY_MAX),
                name="group_session_capacity_range",
            ),
        ]
        indexes = [models.Index(fields=["clinic", "starts_at"])]
        verbose_name = _("group session")
        verbose_name_plural = _("group sessions")

    def __str__(self) -> str:
        return f"{self.title} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def tz(self) -> ZoneInfo:
        """The clinic's time zone, in which times are shown."""
        return ZoneInfo(self.clinic.timezone)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    UNKNOWN = "", _("Not marked")
    YES = "yes", _("Attended")
    NO = "no", _("Did not attend")


class Booking(models.Model):
    """A patient's place (or place in the queue) in a session.

    At most one active (booked or waiting) booking per patient and session; a cancelled
    booking stays as history and a new booking is a new row. The waiting-list position is
    derived on read from ``queued_at`` (1 = next to move up), so it can never go stale.
    uid: the stable iCalendar UID of this booking's calendar event.
    """

    session = models.ForeignKey(GroupSession, on_delete=models.PROTECT, related_name="bookings")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="group_bookings"
    )
    status = models.CharField(max_length=10, choices=BookingStatus.choices)
    attended = models.CharField(max_length=3, choices=Attendance.choices, blank=True, default="")
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    queued_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "patient"],
                condition=~Q(status="cancelled"),
                name="one_active_booking_per_patient_and_session",
            ),
        ]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")

    def __str__(self) -> str:
        return f"{self.patient_id} @ {self.session_id} ({self.status})"
