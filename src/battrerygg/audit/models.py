"""The access log: staff reads of patient data and every change to it (SPEC Q2)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditImmutable(Exception):
    """Raised on any attempt to change or delete an audit row: the log is append-only."""


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    """Bulk updates and deletes are refused, so no code path can rewrite the log; rows are
    added only by ``audit.services`` (which chains them: a row without its hash is
    refused)."""

    def update(self, **kwargs: Any) -> int:
        raise AuditImmutable("audit rows cannot be changed")

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[AuditEvent]:
        objs = list(objs)
        if any(not obj.hash for obj in objs):
            raise AuditImmutable("audit rows are written through audit.services")
        return super().bulk_create(objs, *args, **kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditImmutable("audit rows cannot be deleted")


class AuditEvent(models.Model):
    """Who did what to whose data, when, from where and from which clinic. Rows are only
    ever added (refused by triggers in the database too, migration 0004) and chained: each
    row's ``hash`` is sha256 over its fields and the previous row's hash
    (``audit.chain``), so a changed or removed row is found by ``battrerygg verify_audit``.

    actor_name, actor_role, clinic_name: copied into the row as they were then (a renamed
    user or clinic does not rewrite the log); the foreign keys are for searching.
    clinic: the clinic the staff member acted for (the care relation's clinic); empty for
    the patient's own changes and for refused attempts.
    patient: empty for a refused attempt at something that names no known patient.
    object_id: the id of the item, or for a refused attempt the method and path, or for an
    authentication event (action "auth", or "denied" when refused) what happened: a method
    or a reason code, never a credential, an unknown e-mail address or a claim's value.
    address: the client's IP address; request_id: the request's X-Request-ID.
    seq: the row's place in the chain (1, 2, …; unique, so the chain cannot fork).
    """

    class Action(models.TextChoices):
        READ = "read", _("Read")
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")
        EXPORT = "export", _("Exported")
        DENIED = "denied", _("Refused")
        AUTH = "auth", _("Login and account")

    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    actor_name = models.CharField(max_length=200, blank=True)
    actor_role = models.CharField(max_length=20, blank=True)
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="audit_events", null=True,
        blank=True,
    )
    clinic = models.ForeignKey(
        "accounts.Clinic", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    clinic_name = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    what = models.CharField(max_length=50)  # e.g. "diary.entry"
    object_id = models.CharField(max_length=200, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["actor", "at"], name="audit_actor_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.what}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only, chained by ``audit.services``. Raises AuditImmutable when the row
        already exists or has no hash."""
        if self.pk is not None or not self._state.adding:
            raise AuditImmutable("audit rows cannot be changed")
        if not self.hash:
            raise AuditImmutable("audit rows are written through audit.services")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Always raises AuditImmutable."""
        raise AuditImmutable("audit rows cannot be deleted")


class ChainHead(models.Model):
    """The end of the audit chain: one row (pk 1), the last row's ``seq`` and ``hash``.

    Appending locks this row first (an UPDATE in the writing transaction), so concurrent
    writers add their rows one after the other and the chain never forks; it also shows
    when rows were cut off the end of the log (``audit.chain.verify``).
    """

    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain heads")

    def __str__(self) -> str:
        return f"{self.seq} {self.hash[:12]}"
