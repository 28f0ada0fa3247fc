from django.urls import path

from battrerygg.diary import views

app_name = "diary"
urlpatterns = [
    path("diary/", views.index, name="index"),
    path("diary/new/", views.new, name="new"),
    path("diary/<int:entry_id>/", views.entry, name="entry"),
    path("diary/<int:entry_id>/edit/", views.edit, name="edit"),
    path("diary/<int:entry_id>/follow-up/", views.follow_up, name="follow_up"),
    path("diary/<int:entry_id>/delete/", views.delete, name="delete"),
    path("diary/<int:entry_id>/restore/", views.restore, name="restore"),
    path("flare-up-plan/", views.plan, name="plan"),
    path("flare-up-plan/edit/", views.plan_edit, name="plan_edit"),
    path("flare-up-plan/print/", views.plan_print, name="plan_print"),
]
