"""Routes: the OpenID provider at the root (so the issuer is the bare origin and discovery
is at /.well-known/openid-configuration), a login page and the control API."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from . import views

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="oidc_provider/login.html"),
         name="login"),
    path("_control/users", views.add_user),
    path("_control/redirect-uris", views.add_redirect_uris),
    re_path(r"^\.well-known/openid-configuration/?$", views.discovery),
    path("", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
