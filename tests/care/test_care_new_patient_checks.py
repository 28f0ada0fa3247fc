"""The new-patient form refuses an implausible birth date in the personnummer and names
with control or bidirectional override characters, with a Swedish message, changing
nothing."""

from __future__ import annotations

import pytest

from battrerygg.patients.models import Patient
from battrerygg.textcheck import has_unsafe_characters
from tests.care.helpers import snapshot
from tests.care.test_care_new_patient import post

IMPLAUSIBLE = "Kontrollera personnumret: födelsedatumet är inte rimligt."
UNSAFE = "Namnet innehåller otillåtna tecken."


@pytest.mark.parametrize(("extra", "message"), [
    ({"personnummer": "20991231-1231"}, IMPLAUSIBLE),  # born in the future
    ({"personnummer": "850315+1238"}, IMPLAUSIBLE),  # born 1885
    ({"full_name": "Cecilia\u202eyN"}, UNSAFE),  # right-to-left override
    ({"full_name": "Cecilia\u2066Ny"}, UNSAFE),  # left-to-right isolate
    ({"full_name": "Cecilia\x00Ny"}, UNSAFE),
    ({"full_name": "Cecilia\x1bNy"}, UNSAFE),
    ({"full_name": "Cecilia\x85Ny"}, UNSAFE),
])
def test_refused_with_a_swedish_message_and_nothing_changes(client, cast, extra, message):
    client.force_login(cast.physio)
    before = snapshot()
    response = post(client, **extra)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("name", ["Åsa Öberg-Ängström", "Zoë O'Neill", "محمد علي",
                                  "Jean\u00a0Luc"])
def test_ordinary_names_are_accepted(client, cast, name):
    client.force_login(cast.physio)
    assert post(client, full_name=name).status_code == 302
    assert Patient.objects.get(user__email="cecilia@example.se").user.full_name == name


def test_a_samordningsnummer_is_still_accepted(client, cast):
    client.force_login(cast.physio)
    assert post(client, personnummer="701063-2391").status_code == 302
    assert Patient.objects.filter(personnummer="197010632391").exists()


@pytest.mark.parametrize(("text", "unsafe"), [
    ("Anna Andersson", False), ("", False), ("Anna\tAndersson", True), ("Anna\x7f", True),
    ("Anna\x9f", True), ("\u202aAnna", True), ("Anna\u2069", True), ("Anna\u200f", False),
])
def test_has_unsafe_characters(text, unsafe):
    assert has_unsafe_characters(text) is unsafe
