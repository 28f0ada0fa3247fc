"""The patient's access-log page. Its namespace stays ``audit`` (``audit:reads``): it is
the audit log's page, served from the interface layer (see web/views_record.py)."""

from django.urls import path

from battrerygg.web import views_record

app_name = "audit"
urlpatterns = [
    path("my-record/reads/", views_record.my_record_reads, name="reads"),
]
