"""Staff group-session pages (namespace ``groups_staff``), included at ``clinic/`` so the
patient's bookings live beside the patient's other pages (``clinic/patients/<ref>/...``)
while the sessions live under ``clinic/groups/``."""

from django.urls import path

from battrerygg.groups import views_staff as views

app_name = "groups_staff"
urlpatterns = [
    path("groups/", views.session_list, name="list"),
    path("groups/new/", views.session_new, name="new"),
    path("groups/material/", views.material, name="material"),
    path("groups/<int:session_id>/", views.session_detail, name="detail"),
    path("groups/<int:session_id>/edit/", views.session_edit, name="edit"),
    path("groups/<int:session_id>/cancel/", views.session_cancel, name="cancel"),
    path("groups/<int:session_id>/attendance/", views.attendance, name="attendance"),
    path("patients/<uuid:ref>/sessions/", views.patient_sessions, name="patient_sessions"),
    path("patients/<uuid:ref>/sessions/<int:booking_id>/cancel/", views.patient_booking_cancel,
         name="patient_booking_cancel"),
]
