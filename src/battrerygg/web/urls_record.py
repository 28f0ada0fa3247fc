"""The patient's access-log page. Its namespace stays ``audit`` (``audit:reads``): it is
the audit log's page, served from the interface layer (see web/views_record.py)."""

from django.urls import path

from battrerygg.web import views_record

app_name = "audit"
urlpatterns = [
    path("my-record/reads/", views_record.my_record_reads, name="reads"),
    path("my-record/access/", views_record.my_record_access, name="access"),
    path("my-record/access/requests/<int:request_id>/", views_record.answer_care_request,
         name="care_request"),
]
