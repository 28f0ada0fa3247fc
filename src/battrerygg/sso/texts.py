"""Sentences of single sign-on (shown on the refusal and error pages)."""

from __future__ import annotations

from enum import Enum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Refusal(Enum):
    """Why an e-ID login was refused. The value is what the log says (never a number)."""

    UNKNOWN_NUMBER = "unknown_number"
    INVALID_NUMBER = "invalid_number"
    NO_IDENTITY = "no_identity"
    NOT_ALLOWED = "not_allowed"
    OTHER_ACCOUNT = "other_account"
    BAD_RESPONSE = "bad_response"
    WRONG_ISSUER = "wrong_issuer"
    WRONG_NONCE = "wrong_nonce"
    CANCELLED = "cancelled"
    STAFF_E_ID_ONLY = "staff_e_id_only"
    HSA_ID_UNCONFIRMED = "hsa_id_unconfirmed"


TITLES: dict[Refusal, Promise] = {
    Refusal.UNKNOWN_NUMBER: _("We could not find you"),
    Refusal.INVALID_NUMBER: _("We could not find you"),
    Refusal.NO_IDENTITY: _("Your e-ID did not say who you are"),
    Refusal.NOT_ALLOWED: _("You cannot log in with your e-ID here"),
    Refusal.OTHER_ACCOUNT: _("You cannot log in with your e-ID here"),
    Refusal.BAD_RESPONSE: _("The login with your e-ID did not work"),
    Refusal.WRONG_ISSUER: _("The login with your e-ID did not work"),
    Refusal.WRONG_NONCE: _("The login with your e-ID did not work"),
    Refusal.CANCELLED: _("The login with your e-ID was cancelled"),
    Refusal.STAFF_E_ID_ONLY: _("Staff log in with the region's e-ID"),
    Refusal.HSA_ID_UNCONFIRMED: _("Your HSA-id has not been confirmed yet"),
}

MESSAGES: dict[Refusal, Promise] = {
    Refusal.UNKNOWN_NUMBER: _(
        "Your personal identity number is not registered with any clinic in BättreRygg. "
        "Your clinic registers you when you start the programme; ask them, or log in with "
        "the e-mail address and password they gave you."),
    Refusal.INVALID_NUMBER: _(
        "Your e-ID sent a personal identity number we cannot read. Ask your clinic for help, "
        "or log in with your e-mail address and password."),
    Refusal.NO_IDENTITY: _(
        "Your e-ID did not send the personal identity number or staff identity we need. "
        "Nothing was saved. Try again, or log in with your e-mail address and password."),
    Refusal.NOT_ALLOWED: _(
        "The account your e-ID belongs to cannot be used with single sign-on. Nothing was "
        "saved. Ask your clinic or the system administrator."),
    Refusal.OTHER_ACCOUNT: _(
        "Your e-ID is linked to another account than the one it names now. Nothing was "
        "changed. Ask the system administrator to check your account."),
    Refusal.BAD_RESPONSE: _(
        "The answer from the e-ID service could not be checked, so you were not logged in. "
        "Nothing was saved. Start again from the login page."),
    Refusal.WRONG_ISSUER: _(
        "The answer did not come from the e-ID service BättreRygg trusts, so you were not "
        "logged in. Nothing was saved. Start again from the login page."),
    Refusal.WRONG_NONCE: _(
        "The answer from the e-ID service did not belong to this login, so you were not "
        "logged in. Nothing was saved. Start again from the login page."),
    Refusal.CANCELLED: _(
        "You stopped the login at the e-ID service. Nothing was saved. Start again from the "
        "login page when you are ready."),
    Refusal.STAFF_E_ID_ONLY: _(
        "Staff accounts no longer log in with a password here. Use the button \"Log in with "
        "your region's e-ID\" on the login page. Nothing was changed."),
    Refusal.HSA_ID_UNCONFIRMED: _(
        "Your HSA-id has not been confirmed yet: log in with your password and second step "
        "once and confirm it on the login and security page. Nothing was changed."),
}

LOGIN_BUTTON = _("Log in with your region's e-ID")
