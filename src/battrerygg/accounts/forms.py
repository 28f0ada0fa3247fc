"""Login by e-mail address and the "forgot password" request, on allauth's forms with our
labels (the e-mail address is the user name)."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from django import forms
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    """allauth's login form: field ``login`` (the e-mail address) and ``password``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("E-mail address")
        login.widget = forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
        login.error_messages = {"required": _("Enter your e-mail address."),
                                "invalid": _("Enter a valid e-mail address.")}
        password = self.fields["password"]
        password.label = _("Password")
        password.help_text = ""
        password.widget.attrs.pop("placeholder", None)
        password.error_messages = {"required": _("Enter your password.")}

    def clean_login(self) -> str:
        return str(super().clean_login()).strip().lower()


class ResetPasswordForm(AllauthResetPasswordForm):
    """The e-mail address to send a recovery link to (the page answers alike whether or not
    an account has it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("E-mail address")
        email.widget = forms.EmailInput(attrs={"autocomplete": "email"})
        email.error_messages = {"required": _("Enter your e-mail address."),
                                "invalid": _("Enter a valid e-mail address.")}
