"""Users, roles and clinics."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user is in the programme (SPEC §1)."""

    PATIENT = "patient", _("Patient")
    PHYSIOTHERAPIST = "physiotherapist", _("Physiotherapist")
    CLINIC_ADMIN = "clinic_admin", _("Clinic admin")
    SYSTEM_ADMIN = "system_admin", _("System admin")


class UserManager(BaseUserManager["User"]):
    """Creates users by e-mail address."""

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        """Create a user; e-mail is normalised (domain lower-cased). Raises ValueError if empty."""
        if not email:
            raise ValueError("e-mail is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        """A system admin with Django admin rights."""
        extra.setdefault("role", Role.SYSTEM_ADMIN)
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in: patient, physiotherapist, clinic admin or system admin."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    # The staff member's HSA-id (the Swedish health-care directory's person id), when the
    # region's single sign-on names staff by it (BATTRERYGG_OIDC_STAFF_FIELD=hsa_id).
    hsa_id = models.CharField(_("HSA-id"), max_length=64, unique=True, null=True, blank=True)
    # When the account's owner confirmed that hsa_id is the one on their e-ID card (in a
    # session that passed two-factor); None: only proposed (by their clinic admin), and
    # single sign-on does not log in by it (access.may_sign_on_by_hsa_id). A new value
    # clears it.
    hsa_id_confirmed_at = models.DateTimeField(_("HSA-id confirmed"), null=True, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PATIENT)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="sv"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("may use the admin site"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_patient(self) -> bool:
        return self.role == Role.PATIENT

    @property
    def is_physiotherapist(self) -> bool:
        return self.role == Role.PHYSIOTHERAPIST


class Clinic(models.Model):
    """A primary-care physiotherapy clinic running the programme."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Stockholm")
    zone_safe_max = models.PositiveSmallIntegerField(
        _("highest pain in the safe zone"), null=True, blank=True
    )
    zone_acceptable_max = models.PositiveSmallIntegerField(
        _("highest pain in the acceptable zone"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("clinic")
        verbose_name_plural = _("clinics")

    def __str__(self) -> str:
        return self.name


class StaffMembership(models.Model):
    """A staff member (physiotherapist or clinic admin) works at a clinic."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "clinic"], name="unique_staff_membership")
        ]
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.clinic}"
