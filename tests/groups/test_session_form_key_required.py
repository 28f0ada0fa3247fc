"""The session form needs the key the page gave: a direct post without it is refused with
the form-incomplete message and saves nothing (the key is what makes a resend harmless)."""

from __future__ import annotations

import time_machine

from battrerygg.groups.models import GroupSession
from tests.groups.helpers import NOW

INCOMPLETE = "Formuläret var ofullständigt. Ladda om sidan och försök igen."


def _form(cast, **changes):
    return {"clinic": cast.clinic.pk, "kind": "education", "title": "Ryggskola",
            "date": "2026-04-09", "starts": "14:00", "ends": "15:30", "place": "Rum 2",
            "capacity": "10", "leader": cast.physio.pk} | changes


@time_machine.travel(NOW, tick=False)
def test_a_post_without_the_key_is_refused(client, cast):
    client.force_login(cast.physio)
    for form in (_form(cast), _form(cast, submission_key=""),
                 _form(cast, submission_key="not-a-key")):
        response = client.post("/clinic/groups/new/", form)
        assert response.status_code == 200
        assert INCOMPLETE in response.content.decode()
    assert not GroupSession.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_same_key_twice_saves_once(client, cast):
    client.force_login(cast.physio)
    form = _form(cast, submission_key="3c0f8a52-6a3e-4d8e-b1f5-7e2d9c4b1a20")
    assert client.post("/clinic/groups/new/", form).status_code == 302
    assert client.post("/clinic/groups/new/", form).status_code == 302
    assert GroupSession.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_the_page_gives_a_key(client, cast):
    client.force_login(cast.physio)
    html = client.get("/clinic/groups/new/").content.decode()
    assert 'name="submission_key"' in html
