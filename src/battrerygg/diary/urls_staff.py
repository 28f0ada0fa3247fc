"""Staff pages of the diary, included at ``clinic/``: a patient's pain-monitoring limits
(their physiotherapist) and a clinic's default zone limits (its admin)."""

from django.urls import path

from battrerygg.diary import views_staff as v

app_name = "diary_staff"
urlpatterns = [
    path("patients/<uuid:ref>/pain-limits/", v.limits, name="limits"),
    path("pain-limits/", v.clinic_limits, name="clinic_limits"),
]
