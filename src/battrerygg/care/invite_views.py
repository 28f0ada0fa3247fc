"""Choosing a password from the invitation link (SPEC T2), with Django's
PasswordResetConfirmView: the link expires and works until a password is set."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import translation

from battrerygg.accounts.invites import invite_tokens
from battrerygg.patients.access import may_accept_invite


class InviteConfirmView(auth_views.PasswordResetConfirmView):
    """The patient chooses a password; the page speaks the patient's language."""

    token_generator = invite_tokens
    template_name = "care/invite_confirm.html"
    success_url = reverse_lazy("invite:done")
    reset_url_token = "choose-password"  # noqa: S105 - a URL segment, not a secret

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        # Patients invited by their physiotherapist, staff by their clinic admin.
        return user if user is not None and may_accept_invite(user) else None

    def form_valid(self, form: Any) -> HttpResponse:
        """Set the password; when it replaces one (a new sign-in link), tell the account
        by e-mail, as a reset by the account's own recovery link does."""
        replaced = self.user.has_usable_password()
        response = super().form_valid(form)
        if replaced:
            from allauth.account.adapter import get_adapter

            get_adapter(self.request).send_notification_mail(
                "account/email/password_reset", self.user)
        return response

    def dispatch(self, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().dispatch(*args, **kwargs)
        language = getattr(self.user, "language", None) if getattr(self, "user", None) else None
        if language and hasattr(response, "render") and not response.is_rendered:
            with translation.override(language):
                response.render()
        return response


def done(request: HttpRequest) -> HttpResponse:
    """The password is set: log in."""
    return render(request, "care/invite_done.html")
