"""Login by e-mail address."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form with the e-mail address as user name (lower-cased)."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("The e-mail address or password is wrong. Please try again."),
        "inactive": _("This account is not active."),
    }

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()
