"""Attack: a session that passed only the password (e.g. one logged in before the owner
enrolled an app) turns itself into a two-factor session with the password alone: confirm
the password, renew or read the recovery codes, then give one as the second factor (or add
an app or passkey of one's own, or remove the owner's). While the account has an
authenticator, such a session is sent to verify it before any two-factor page but those
that verify (``access.may_manage_second_factor``)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.accounts.helpers import code_now, give_app
from tests.conftest import PASSWORD, login_without_second_factor

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]

MANAGING = ("mfa_index", "mfa_activate_totp", "mfa_deactivate_totp", "mfa_view_recovery_codes",
            "mfa_generate_recovery_codes", "mfa_download_recovery_codes", "mfa_list_webauthn",
            "mfa_add_webauthn")


def _page(cast) -> str:
    return f"/clinic/patients/{cast.patient.ref}/"


def test_renewed_recovery_codes_do_not_pass_the_second_factor(client, cast):
    from allauth.mfa.models import Authenticator

    give_app(cast.physio)
    before = set(Authenticator.objects.get(user=cast.physio, type="recovery_codes")
                 .wrap().get_unused_codes())
    login_without_second_factor(client, cast.physio)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    answer = client.post("/accounts/2fa/recovery-codes/generate/")
    assert answer["Location"].startswith("/accounts/2fa/reauthenticate/?next=")
    codes = Authenticator.objects.get(user=cast.physio, type="recovery_codes").wrap()
    assert set(codes.get_unused_codes()) == before  # nothing renewed
    assert client.get(_page(cast)).status_code == 302


@pytest.mark.parametrize("name", MANAGING)
def test_every_managing_page_asks_for_the_second_factor_first(client, cast, name):
    from allauth.mfa.models import Authenticator

    give_app(cast.physio)
    login_without_second_factor(client, cast.physio)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    count = Authenticator.objects.filter(user=cast.physio).count()
    for method in (client.get, client.post):
        answer = method(reverse(name))
        assert answer.status_code == 302
        assert answer["Location"].startswith("/accounts/2fa/reauthenticate/?next=")
        assert "recovery" not in answer.content.decode()
    assert Authenticator.objects.filter(user=cast.physio).count() == count


def test_after_verifying_the_pages_open(client, cast):
    give_app(cast.physio)
    login_without_second_factor(client, cast.physio)
    client.post("/accounts/2fa/reauthenticate/", {"code": code_now()})
    assert client.get(reverse("mfa_view_recovery_codes")).status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200


def test_staff_without_an_authenticator_still_enrol_their_first(client, cast):
    login_without_second_factor(client, cast.physio)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
