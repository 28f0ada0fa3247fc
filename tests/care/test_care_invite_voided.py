"""An outstanding invitation link stops working when the patient withdraws consent or the
episode ends; staff links (no consent) keep working."""

from __future__ import annotations

import re
import uuid

import pytest
from django.core import mail
from django.test import Client

from tests.care.helpers import assess, enrol, snapshot

GONE = "Länken fungerar inte längre."


@pytest.fixture
def invited(client, cast):
    from battrerygg.care.services import create_patient

    patient, _ = create_patient(actor=cast.physio, clinic=cast.clinic, full_name="Cecilia Ny",
                                email="cecilia@example.se", personnummer="198112189876",
                                language="sv", submission_key=uuid.uuid4())
    assess(cast.physio, patient, stratum="medium")
    enrol(cast.physio, patient)
    client.force_login(cast.physio)
    assert client.post(f"/clinic/patients/{patient.ref}/enrol/",
                       {"action": "invite"}).status_code == 302
    link = re.search(r"https?://\S+/invite/\S+/", mail.outbox[0].body).group(0)
    return patient, link.split("testserver")[-1]


def _refused(patient, link):
    before = snapshot()
    page = Client().get(link, follow=True).content.decode()
    assert GONE in page and "new_password1" not in page
    patient.user.refresh_from_db()
    assert not patient.user.has_usable_password()
    assert snapshot() == before


def test_the_link_works_while_consent_is_active(invited):
    _patient, link = invited
    assert "new_password1" in Client().get(link, follow=True).content.decode()


def test_withdrawn_consent_voids_the_link(cast, invited):
    from battrerygg.care.services import withdraw_consent

    patient, link = invited
    withdraw_consent(cast.physio, patient, method="phone")
    _refused(patient, link)


def test_an_ended_episode_voids_the_link(cast, invited):
    from battrerygg.care.services import end_episode

    patient, link = invited
    end_episode(cast.physio, patient, reason="declined")
    _refused(patient, link)


def test_a_staff_token_does_not_depend_on_consent(cast):
    from battrerygg.accounts.invites import invite_tokens

    cast.colleague.set_unusable_password()
    cast.colleague.save()
    token = invite_tokens.make_token(cast.colleague)
    assert invite_tokens.check_token(cast.colleague, token)
