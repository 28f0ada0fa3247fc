"""The account pages: ours (namespace ``accounts``) and django-allauth's (its own URL names,
``allauth_urlpatterns``, included without a namespace because allauth reverses them by
name). Login, recovery, two-factor and the session list are allauth's views with our
templates (``accounts/allauth_templates``); sign-up and e-mail management are not offered
(clinics create accounts)."""

from allauth.account import views as account_views
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path, reverse_lazy

from battrerygg.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", account_views.login, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_done"),
        ),
        name="password",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_done.html"),
        name="password_done",
    ),
]

allauth_urlpatterns = [
    path("login/", account_views.login, name="account_login"),
    path("logout/", auth_views.LogoutView.as_view(), name="account_logout"),
    path("inactive/", account_views.account_inactive, name="account_inactive"),
    path("reauthenticate/", account_views.reauthenticate, name="account_reauthenticate"),
    path("password/reset/", account_views.password_reset, name="account_reset_password"),
    path("password/reset/done/", views.recovery_sent,
         name="account_reset_password_done"),
    re_path(r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
            account_views.password_reset_from_key, name="account_reset_password_from_key"),
    path("password/reset/key/done/", account_views.password_reset_from_key_done,
         name="account_reset_password_from_key_done"),
    path("2fa/", include("allauth.mfa.urls")),
    path("sessions/", views.sessions, name="usersessions_list"),
    # Single sign-on with the region's e-ID (battrerygg.sso): oidc/region/login/ and
    # oidc/region/login/callback/.
    path("", include("allauth.socialaccount.providers.openid_connect.urls")),
]
