from django.urls import path

from battrerygg.guide import views

app_name = "guide"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.lesson, name="lesson"),
]
