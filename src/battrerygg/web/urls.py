from django.urls import path

from battrerygg.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.set_language, name="language"),
]
