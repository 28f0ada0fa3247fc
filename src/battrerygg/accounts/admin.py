"""The Django admin site, for system admins: configuration, no patient content, and no way to
give anyone access to it (SPEC §1, Q2).

Who may see a patient rests on roles, clinic memberships and care relations; none of them
can be changed here. Accounts and memberships are shown read-only (staff are added by their
clinic admin, system admins by ``battrerygg createuser``; an account's e-mail is read-only
too, since changing it to a mailbox one controls and resetting the password would take the
account over); care relations are not registered at all. A clinic's own settings may be
changed, but a clinic is never deleted here (its memberships would go with it). The whole
site is off unless ``BATTRERYGG_ADMIN_ENABLED`` turns it on (settings.ADMIN_ENABLED).
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from battrerygg.accounts.models import Clinic, Role, StaffMembership, User


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Shown, never added, changed or deleted."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    """Staff accounts only: patients' accounts are patient content (SPEC §1, system admin)."""

    list_display = ("email", "full_name", "role", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("email", "full_name")
    exclude = ("password", "user_permissions", "groups")

    def get_queryset(self, request):  # noqa: ANN001, ANN201
        return super().get_queryset(request).exclude(role=Role.PATIENT)


@admin.register(StaffMembership)
class StaffMembershipAdmin(ReadOnlyAdmin):
    """Who works where: changed by clinic admins in the product only."""

    list_display = ("user", "clinic")
    list_filter = ("clinic",)


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A clinic's name, time zone and pain-zone limits; never deleted here."""

    list_display = ("name", "timezone")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
