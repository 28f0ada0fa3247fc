from django.contrib import admin

from battrerygg.accounts.models import Clinic, StaffMembership, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("email", "full_name", "role", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("email", "full_name")
    exclude = ("password", "user_permissions")


admin.site.register(Clinic)
admin.site.register(StaffMembership)
