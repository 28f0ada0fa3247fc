"""The patient's group-session pages (namespace ``groups``)."""

from django.urls import path

from battrerygg.groups import views

app_name = "groups"
urlpatterns = [
    path("sessions/", views.index, name="index"),
    path("sessions/<int:booking_id>/calendar.ics", views.calendar_file, name="ics"),
    path("sessions/<int:booking_id>/cancel/", views.cancel, name="cancel"),
]
