"""Staff pages of the programme, included at ``clinic/``. A patient is named by their
random reference; prescription ids are re-checked against that patient."""

from django.urls import path

from battrerygg.programme import views_staff as v

app_name = "programme_staff"
_p = "patients/<uuid:ref>/programme/"
urlpatterns = [
    path("exercises/", v.exercise_list, name="library"),
    path("exercises/<slug:slug>/", v.exercise_detail, name="exercise"),
    path(_p, v.programme, name="programme"),
    path(f"{_p}<int:prescription_id>/change/", v.change, name="change"),
    path(f"{_p}<int:prescription_id>/progress/", v.progress, name="progress"),
    path(f"{_p}<int:prescription_id>/regress/", v.regress, name="regress"),
    path(f"{_p}<int:prescription_id>/undo/", v.undo, name="undo"),
    path(f"{_p}<int:prescription_id>/end/", v.end, name="end"),
    path(f"{_p}<int:prescription_id>/reopen/", v.reopen, name="reopen"),
]
