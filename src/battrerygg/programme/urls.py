"""The patient's exercise programme. Prescription ids are checked by the access layer."""

from django.urls import path

from battrerygg.programme import views

app_name = "programme"
urlpatterns = [
    path("exercises/", views.index, name="index"),
    path("exercises/<int:prescription_id>/log/", views.log, name="log"),
]
