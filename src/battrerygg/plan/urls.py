from django.urls import path

from battrerygg.plan import views

app_name = "plan"
urlpatterns = [
    path("balance/", views.balance, name="balance"),
    path("balance/new/", views.checkin_new, name="checkin_new"),
    path("balance/<int:checkin_id>/", views.checkin_detail, name="checkin"),
    path("goals/", views.goals, name="goals"),
    path("goals/new/", views.goal_new, name="goal_new"),
    path("goals/<int:goal_id>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<int:goal_id>/end/", views.goal_end, name="goal_end"),
    path("goals/motivation/", views.motivation, name="motivation"),
    path("reminders/", views.reminder_settings, name="reminders"),
    path("reminders/stop/<str:token>/", views.reminders_stop, name="reminders_stop"),
]
