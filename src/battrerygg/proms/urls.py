from django.urls import path

from battrerygg.proms import views

app_name = "proms"
urlpatterns = [
    path("questionnaires/", views.index, name="index"),
    path("questionnaires/start/", views.start, name="start"),
    path("questionnaires/<int:response_id>/<int:number>/", views.question, name="question"),
    path("questionnaires/<int:response_id>/summary/", views.summary, name="summary"),
    path("questionnaires/<int:response_id>/result/", views.result, name="result"),
    path("questionnaires/history/<slug:instrument_id>/", views.history, name="history"),
]
