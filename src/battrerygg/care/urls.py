"""The physiotherapist's care pages, included at ``clinic/`` (namespace ``care``)."""

from django.urls import path

from battrerygg.care import views

app_name = "care"
urlpatterns = [
    path("patients/new/", views.new_patient, name="new_patient"),
    path("patients/<uuid:ref>/assessment/", views.assessment, name="assessment"),
    path("patients/<uuid:ref>/enrol/", views.enrol, name="enrol"),
    path("patients/<uuid:ref>/episode/end/", views.end_episode, name="end_episode"),
]
