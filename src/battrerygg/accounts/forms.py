"""Login by e-mail address and the "forgot password" request, on allauth's forms with our
labels (the e-mail address is the user name)."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from allauth.mfa.webauthn.forms import AddWebAuthnForm, EditWebAuthnForm
from django import forms
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    """allauth's login form: field ``login`` (the e-mail address) and ``password``. A post
    that names the address ``username`` (Django's own login form, scripts and password
    managers saved before the move to allauth) is read as ``login``; throttling reads the
    same (``throttle.login_name``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        data = kwargs.get("data")
        if data is not None and not data.get("login") and data.get("username"):
            data = data.copy()
            data["login"] = data["username"]
            kwargs["data"] = data
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


class AddPasskeyForm(AddWebAuthnForm):
    """allauth's form to add a passkey: a name, and by default a passkey that logs in
    without a password (it then counts as both steps)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name = self.fields["name"]
        name.label = _("Name of the passkey")
        name.help_text = _("For example “Work phone”, so that you recognise it in the list.")
        name.widget.attrs.pop("placeholder", None)
        if "passwordless" in self.fields:
            passwordless = self.fields["passwordless"]
            passwordless.label = _("Log in with it without a password")
            passwordless.help_text = _(
                "Then the passkey is all you need to log in: your device asks for your "
                "fingerprint, face or PIN.")
            passwordless.initial = True


class EditPasskeyForm(EditWebAuthnForm):
    """Renaming a passkey."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name of the passkey")


def _code_field(form: Any, label: Any) -> None:
    code = form.fields["code"]
    code.label = label
    code.help_text = _("Six digits from the app, or a recovery code.") if label == CODE_LABEL \
        else _("Six digits.")
    code.widget.attrs.pop("placeholder", None)
    code.widget.attrs.update({"inputmode": "text", "autocomplete": "one-time-code"})
    code.error_messages = {"required": _("Enter the code.")}


CODE_LABEL = _("Code")


class SecondStepForm(AuthenticateForm):
    """The second step of logging in: a code from the app or a recovery code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _code_field(self, CODE_LABEL)


class SecondStepAgainForm(ReauthenticateForm):
    """The second step again, in a session that lacks it (staff before patient data)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _code_field(self, CODE_LABEL)


class AddAppForm(ActivateTOTPForm):
    """Turning on an authenticator app: the code it shows proves it is set up."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _code_field(self, _("Code from the app"))
