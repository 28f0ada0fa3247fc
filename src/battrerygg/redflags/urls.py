from django.urls import path

from battrerygg.redflags import views

app_name = "redflags"
urlpatterns = [
    path("", views.check, name="check"),
    path("result/<int:check_id>/", views.result, name="result"),
]
