"""The invitation (T2): an e-mail in the patient's language with a one-time link to choose
a password; no health data in it; the link expires, works once, and a new one voids it."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client

from battrerygg.care.models import Invite
from tests.care.conftest import NOW
from tests.care.helpers import assess, enrol, snapshot

PASSWORD = "Ny-rygg-2026-lösen"


@pytest.fixture
def newcomer(cast):
    from battrerygg.care.services import create_patient

    patient, _ = create_patient(actor=cast.physio, clinic=cast.clinic, full_name="Cecilia Ny",
                                email="cecilia@example.se", personnummer="198112189876",
                                language="sv", submission_key=uuid.uuid4())
    assess(cast.physio, patient, stratum="medium")
    enrol(cast.physio, patient)
    return patient


def invite(client, patient):
    return client.post(f"/clinic/patients/{patient.ref}/enrol/", {"action": "invite"})


def link_in(message) -> str:
    return re.search(r"https?://\S+/invite/\S+/", message.body).group(0).split("testserver")[-1]


def test_invite_mail_and_link_sets_the_password_once(client, cast, newcomer):
    client.force_login(cast.physio)
    assert invite(client, newcomer).status_code == 302
    assert Invite.objects.filter(patient=newcomer, sent_by=cast.physio).count() == 1
    (message,) = mail.outbox
    assert message.to == ["cecilia@example.se"]
    assert message.subject == "Din inbjudan till BättreRygg"
    assert "Välj ditt lösenord" in message.body
    for secret in ("198112189876", "8112189876", "STarT", "risk", "Vårdcentralen"):
        assert secret not in message.body and secret not in message.subject
    link = link_in(message)
    client = Client()  # the patient, not logged in
    page = client.get(link, follow=True)
    assert b"new_password1" in page.content
    form_url = page.redirect_chain[-1][0]
    done = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/invite/done/"
    newcomer.user.refresh_from_db()
    assert newcomer.user.check_password(PASSWORD)
    again = client.get(link, follow=True).content.decode()
    assert "Länken fungerar inte längre." in again and "new_password1" not in again
    login = client.post("/accounts/login/", {"login": "cecilia@example.se",
                                             "password": PASSWORD})
    assert login.status_code == 302


def test_english_patient_gets_an_english_mail(client, cast, newcomer):
    newcomer.user.language = "en"
    newcomer.user.save()
    client.force_login(cast.physio)
    invite(client, newcomer)
    assert mail.outbox[0].subject == "Your invitation to BättreRygg"
    client = Client()  # the patient, not logged in
    page = client.get(link_in(mail.outbox[0]), follow=True).content.decode()
    assert "Choose your password" in page


def test_expired_link_is_refused(client, cast, newcomer):
    client.force_login(cast.physio)
    invite(client, newcomer)
    client = Client()  # the patient, not logged in
    with time_machine.travel(NOW + timedelta(days=4), tick=False):
        page = client.get(link_in(mail.outbox[0]), follow=True).content.decode()
    assert "Länken fungerar inte längre." in page
    newcomer.user.refresh_from_db()
    assert not newcomer.user.has_usable_password()


def test_a_resent_invite_voids_the_earlier_link(client, cast, newcomer):
    client.force_login(cast.physio)
    invite(client, newcomer)
    invite(client, newcomer)
    assert len(mail.outbox) == 2
    client = Client()  # the patient, not logged in
    old = client.get(link_in(mail.outbox[0]), follow=True).content.decode()
    assert "Länken fungerar inte längre." in old
    new = client.get(link_in(mail.outbox[1]), follow=True).content.decode()
    assert "new_password1" in new


def test_a_password_reset_style_token_of_another_kind_is_refused(client, cast, newcomer):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(newcomer.user.pk))
    token = default_token_generator.make_token(newcomer.user)
    page = client.get(f"/invite/{uid}/{token}/", follow=True).content.decode()
    assert "Länken fungerar inte längre." in page


def test_a_token_works_only_for_the_account_it_was_made_for(client, cast):
    """Staff invited by their clinic admin use the same kind of link, so the link is bound
    to one account: another account's id with this token is refused."""
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from battrerygg.accounts.invites import invite_path

    for user in (cast.colleague, cast.patient_b.user):
        user.set_unusable_password()
        user.save()
    _uid, token = invite_path(cast.patient_b.user)
    other = urlsafe_base64_encode(force_bytes(cast.colleague.pk))
    page = client.get(f"/invite/{other}/{token}/", follow=True).content.decode()
    assert "Länken fungerar inte längre." in page


def test_no_invite_without_consent(client, cast):
    from battrerygg.care.services import create_patient

    patient, _ = create_patient(actor=cast.physio, clinic=cast.clinic, full_name="Cecilia Ny",
                                email="cecilia@example.se", personnummer="198112189876",
                                language="sv", submission_key=uuid.uuid4())
    client.force_login(cast.physio)
    before = snapshot()
    response = invite(client, patient)
    assert response.status_code == 400
    assert "Skriv in patienten med samtycke innan du bjuder in hen." in response.content.decode()
    assert snapshot() == before and not mail.outbox


def test_a_new_sign_in_link_for_a_patient_with_a_password(client, cast):
    """A physiotherapist may send a new sign-in link at any time (issue 11): the patient
    chooses a new password with it; the old one works until then; the link works once."""
    assess(cast.physio, cast.patient)
    enrol(cast.physio, cast.patient)
    client.force_login(cast.physio)
    page = client.get(f"/clinic/patients/{cast.patient.ref}/enrol/").content.decode()
    assert "Skicka en ny inloggningslänk" in page
    assert invite(client, cast.patient).status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.se"] and "inloggningslänk" in message.subject
    assert "19121212" not in message.body
    user = cast.patient.user
    user.refresh_from_db()
    assert user.check_password("Test-password-2026")  # unchanged until the link is used
    browser = Client()
    form = browser.get(link_in(message), follow=True)
    form_url = form.redirect_chain[-1][0] if form.redirect_chain else link_in(message)
    browser.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    again = browser.get(link_in(message), follow=True).content.decode()
    assert "Länken fungerar inte längre." in again
