"""The access log: staff reads of patient data and every change to it (SPEC Q2)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditImmutable(Exception):
    """Raised on any attempt to change or delete an audit row: the log is append-only."""


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    """Bulk updates and deletes are refused, so no code path can rewrite the log."""

    def update(self, **kwargs: Any) -> int:
        raise AuditImmutable("audit rows cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditImmutable("audit rows cannot be deleted")


class AuditEvent(models.Model):
    """Who did what to whose data, when, and from which clinic. Rows are only ever added.

    clinic: the clinic the staff member acted for (the care relation's clinic); empty for
    the patient's own changes.
    """

    class Action(models.TextChoices):
        READ = "read", _("Read")
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="audit_events"
    )
    clinic = models.ForeignKey(
        "accounts.Clinic", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    what = models.CharField(max_length=50)  # e.g. "diary.entry"
    object_id = models.CharField(max_length=50, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.what}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only. Raises AuditImmutable when the row already exists."""
        if self.pk is not None or not self._state.adding:
            raise AuditImmutable("audit rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Always raises AuditImmutable."""
        raise AuditImmutable("audit rows cannot be deleted")
