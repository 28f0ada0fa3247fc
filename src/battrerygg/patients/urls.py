"""The patient's access-log page. Its namespace stays ``audit`` (``audit:reads``): it is
the audit log's page, served from the patients app because audit may not import the access
layer (see patients/views.py)."""

from django.urls import path

from battrerygg.patients import views

app_name = "audit"
urlpatterns = [
    path("my-record/reads/", views.my_record_reads, name="reads"),
]
