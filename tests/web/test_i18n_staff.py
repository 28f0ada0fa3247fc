"""Every page staff can open (the authorisation matrix's list) is Swedish by default, with
no English left on it, and English when the user chooses English."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.test_authorisation_matrix import OK, ROUTES, frozen, login_as, world  # noqa: F401
from tests.web.test_i18n import english_leaks, english_phrases, missing_swedish, visible_text  # noqa: F401


def staff_pages(world, role: str) -> dict[str, str]:  # noqa: F811
    return {name: reverse(name, kwargs=route.kwargs(world))
            for name, route in sorted(ROUTES.items())
            if route.get and route.get[role] == OK
            and not name.startswith(("accounts:", "web:", "account_"))
            and name not in LOGIN_STEPS}


# Steps of logging in (the second factor, a passkey, the e-ID's callback): a logged-in user
# is sent on.
LOGIN_STEPS = {"mfa_authenticate", "mfa_login_webauthn", "openid_connect_callback"}


@pytest.mark.parametrize("role", ["physio", "clinic_admin"])
def test_no_english_on_swedish_staff_pages(client, world, role, missing_swedish):  # noqa: F811
    phrases = english_phrases()
    login_as(client, world.cast, role)
    found = {}
    pages = staff_pages(world, role)
    assert len(pages) >= (20 if role == "physio" else 5)
    for name, url in pages.items():
        response = client.get(url)
        if response.status_code == 302 and response["Location"].startswith(
                reverse("account_reauthenticate")):
            continue  # changing an authenticator first asks for the password again
        assert response.status_code == 200, name
        html = response.content.decode()
        if not html.lstrip().startswith("<"):
            continue  # a calendar file or the like
        leaks = english_leaks(html, phrases)
        if leaks:
            found[name] = leaks
    assert found == {}
    assert missing_swedish == set()


def test_staff_pages_in_english(client, world):  # noqa: F811
    physio = world.cast.physio
    physio.language = "en"
    physio.save()
    login_as(client, world.cast, "physio")
    html = client.get(reverse("clinic:patient", kwargs={"ref": world.cast.patient.ref})).content
    text = visible_text(html.decode())
    assert "Timeline" in text and "Tidslinje" not in text
    dashboard = visible_text(client.get("/clinic/").content.decode())
    assert "Dashboard" in dashboard and "Översikt" not in dashboard
