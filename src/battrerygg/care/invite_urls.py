"""The patient's invitation link (public), included at ``invite/`` (namespace ``invite``)."""

from django.urls import path

from battrerygg.care import invite_views

app_name = "invite"
urlpatterns = [
    path("<uidb64>/<token>/", invite_views.InviteConfirmView.as_view(), name="confirm"),
    path("done/", invite_views.done, name="done"),
]
