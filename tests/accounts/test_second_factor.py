"""Two-factor login (issue 11): staff must pass a second factor before any patient data or
admin page; TOTP with QR enrolment, recovery codes once each; wrong or reused codes are
refused with a clear message and change nothing; wrong codes are throttled."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.accounts.helpers import SECRET, code_now, give_app, password_login
from tests.conftest import PASSWORD, login_without_second_factor

pytestmark = pytest.mark.django_db


def _sv(text: str) -> str:
    with translation.override("sv"):
        return gettext(text)


def _patient_page(cast) -> str:
    return f"/clinic/patients/{cast.patient.ref}/"


def test_staff_without_a_second_factor_are_sent_to_enrol_and_see_no_patient(client, cast):
    response = password_login(client, "physio@example.se", PASSWORD)
    assert response.status_code == 302
    page = client.get(_patient_page(cast))
    assert page.status_code == 302 and page["Location"].startswith("/accounts/2fa/?next=")
    enrol = client.get(page["Location"]).content.decode()
    assert _sv("Add an authenticator app") in enrol
    assert "Anna Exempel" not in client.get("/clinic/").content.decode()


@pytest.mark.django_db(transaction=True)  # allauth's signal runs on commit, as in production
def test_enrol_totp_then_the_session_counts_and_the_next_login_asks_for_a_code(client, cast):
    from allauth.mfa.models import Authenticator

    password_login(client, "physio@example.se", PASSWORD)
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html  # the QR code, no request elsewhere
    secret = page.context["form"].secret
    wrong = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert _sv("The code is wrong or has already been used.") in wrong.content.decode()
    assert not Authenticator.objects.filter(user=cast.physio).exists()
    done = client.post("/accounts/2fa/totp/activate/", {"code": code_now(secret)})
    assert done.status_code == 302
    kinds = set(Authenticator.objects.filter(user=cast.physio).values_list("type", flat=True))
    assert kinds == {"totp", "recovery_codes"}
    # adding the app proved the second factor: this session sees the patient now
    assert client.get(_patient_page(cast)).status_code == 200
    client.post("/accounts/logout/")

    step = password_login(client, "physio@example.se", PASSWORD)
    assert step.status_code == 302 and step["Location"] == "/accounts/2fa/authenticate/"
    assert client.get(_patient_page(cast)).status_code == 302  # not logged in yet
    ok = client.post("/accounts/2fa/authenticate/", {"code": code_now(secret)})
    assert ok.status_code == 302
    assert "Anna Exempel" in client.get(_patient_page(cast)).content.decode()


def test_a_reused_or_wrong_code_is_refused(client, cast):
    give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    code = code_now()
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    client.post("/accounts/logout/")
    password_login(client, "physio@example.se", PASSWORD)
    again = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert again.status_code == 200
    assert _sv("The code is wrong or has already been used.") in again.content.decode()
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "12345"})
    assert _sv("The code is wrong or has already been used.") in wrong.content.decode()
    assert client.get(_patient_page(cast)).status_code == 302


def test_a_recovery_code_works_once(client, cast):
    from allauth.mfa.models import Authenticator

    codes = give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    assert client.post("/accounts/2fa/authenticate/", {"code": codes[0]}).status_code == 302
    assert client.get(_patient_page(cast)).status_code == 200
    client.post("/accounts/logout/")
    password_login(client, "physio@example.se", PASSWORD)
    again = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert _sv("The code is wrong or has already been used.") in again.content.decode()
    rc = Authenticator.objects.get(user=cast.physio, type="recovery_codes").wrap()
    assert len(rc.get_unused_codes()) == 9


def test_wrong_codes_are_throttled(client, cast):
    give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    for _ in range(5):
        client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    blocked = client.post("/accounts/2fa/authenticate/", {"code": code_now()})
    assert _sv("Too many wrong attempts. Please wait 15 minutes and try again.") in \
        blocked.content.decode()
    assert client.get(_patient_page(cast)).status_code == 302


def test_a_session_without_the_second_factor_verifies_it_to_go_on(client, cast):
    give_app(cast.physio)
    login_without_second_factor(client, cast.physio)
    page = client.get(_patient_page(cast))
    assert page["Location"].startswith("/accounts/2fa/reauthenticate/?next=")
    response = client.post(page["Location"], {"code": code_now()})
    assert response.status_code == 302 and response["Location"] == _patient_page(cast)
    assert client.get(_patient_page(cast)).status_code == 200


def test_patients_may_add_a_second_factor_but_need_not(client, cast):
    password_login(client, "anna@example.se", PASSWORD)
    assert client.get("/diary/").status_code == 200
    html = client.get("/accounts/2fa/").content.decode()
    assert "Du väljer själv." in html
    assert "Personal måste lägga till" not in html


def test_the_admin_site_needs_the_second_factor(client, db):
    from battrerygg.accounts.models import User

    admin = User.objects.create_superuser("root@example.se", PASSWORD)
    login_without_second_factor(client, admin)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/")
    assert client.get("/admin/accounts/user/").status_code == 302
    client.force_login(admin)  # with a second factor (tests/conftest.py)
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_is_ours(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_access_layer_refuses_staff_without_the_second_factor(cast):
    from battrerygg.patients import access

    physio = cast.physio
    assert access.visible_patients(physio).count() == 2  # not from a request: not gated
    setattr(physio, access.SECOND_FACTOR_ATTRIBUTE, False)
    assert access.visible_patients(physio).count() == 0
    assert not access.may_see(physio, cast.patient)
    with pytest.raises(access.AccessDenied):
        access.patient_for_staff(physio, cast.patient.ref)


def test_the_decision(cast):
    from battrerygg.patients.access import second_factor_satisfied

    password = {"method": "password", "at": 1.0}
    mfa = {"method": "mfa", "type": "totp", "at": 2.0}
    sso = {"method": "socialaccount", "at": 2.0, "second_factor": True}
    sso_plain = {"method": "socialaccount", "at": 2.0}
    assert not second_factor_satisfied(cast.physio, [password])
    assert second_factor_satisfied(cast.physio, [password, mfa])
    assert second_factor_satisfied(cast.physio, [sso])
    assert not second_factor_satisfied(cast.physio, [sso_plain])
    assert not second_factor_satisfied(cast.clinic_admin, [])
    assert second_factor_satisfied(cast.patient.user, [password])  # optional for patients


def test_secret_is_never_shown_after_enrolment(client, cast):
    give_app(cast.physio)
    client.force_login(cast.physio)
    assert SECRET not in client.get("/accounts/2fa/").content.decode()


def test_a_clinic_admin_without_the_second_factor_sees_no_admin_page(client, cast):
    login_without_second_factor(client, cast.clinic_admin)
    for path in ("/clinic/staff/", "/clinic/groups/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/")
    client.force_login(cast.clinic_admin)
    assert client.get("/clinic/staff/").status_code == 200
