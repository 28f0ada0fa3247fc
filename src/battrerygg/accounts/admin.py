from django.contrib import admin

from battrerygg.accounts.models import Clinic, Role, StaffMembership, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    """Staff accounts only: patients' accounts are patient content (SPEC §1, system admin)."""

    list_display = ("email", "full_name", "role", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("email", "full_name")
    exclude = ("password", "user_permissions")

    def get_queryset(self, request):  # noqa: ANN001, ANN201
        return super().get_queryset(request).exclude(role=Role.PATIENT)


admin.site.register(Clinic)
admin.site.register(StaffMembership)
