"""Staff pages. A patient is named by their random reference (``Patient.ref``), checked by
the access layer on every request (``web.pages.patient_page``)."""

from django.urls import path

from battrerygg.clinic import views, views_admin, views_dashboard, views_log

app_name = "clinic"
urlpatterns = [
    path("", views_dashboard.dashboard, name="dashboard"),
    path("patients/", views.patients, name="patients"),
    path("patients/<uuid:ref>/", views.patient, name="patient"),
    path("staff/", views_admin.staff, name="staff"),
    path("staff/<int:membership_id>/remove/", views_admin.remove_staff, name="staff_remove"),
    path("staff/<int:membership_id>/invite/", views_admin.invite_staff, name="staff_invite"),
    path("log/", views_log.log, name="log"),
]
