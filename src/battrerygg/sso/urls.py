from django.urls import path

from battrerygg.sso import views

app_name = "sso"
urlpatterns = [
    path("refused/<slug:reason>/", views.refused, name="refused"),
]
