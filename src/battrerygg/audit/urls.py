from django.urls import path

from battrerygg.audit import views

app_name = "audit"
urlpatterns = [
    path("my-record/reads/", views.my_record_reads, name="reads"),
]
