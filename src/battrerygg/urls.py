"""URL configuration. No ids of patients appear in URLs; entry ids are checked by the
access layer on every request."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from battrerygg.accounts.urls import allauth_urlpatterns

# The admin site's own login would skip the second factor: log in through ours.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", include("battrerygg.web.urls")),
    path("accounts/", include("battrerygg.accounts.urls")),
    path("accounts/", include(allauth_urlpatterns)),
    path("accounts/e-id/", include("battrerygg.sso.urls")),
    path("guide/", include("battrerygg.guide.urls")),
    path("red-flags/", include("battrerygg.redflags.urls")),
    path("", include("battrerygg.diary.urls")),
    path("", include("battrerygg.plan.urls")),
    path("", include("battrerygg.proms.urls")),
    path("", include("battrerygg.programme.urls")),
    path("", include("battrerygg.web.urls_record")),
    path("clinic/", include("battrerygg.clinic.urls")),
    path("clinic/", include("battrerygg.care.urls")),
    path("invite/", include("battrerygg.care.invite_urls")),
    path("clinic/", include("battrerygg.programme.urls_staff")),
    path("clinic/", include("battrerygg.diary.urls_staff")),
    path("clinic/", include("battrerygg.groups.urls_staff")),
    path("", include("battrerygg.groups.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "battrerygg.web.views.server_error"
