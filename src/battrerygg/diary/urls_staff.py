"""Staff pages of the diary, included at ``clinic/``: a patient's pain-monitoring limits."""

from django.urls import path

from battrerygg.diary import views_staff as v

app_name = "diary_staff"
urlpatterns = [
    path("patients/<uuid:ref>/pain-limits/", v.limits, name="limits"),
]
