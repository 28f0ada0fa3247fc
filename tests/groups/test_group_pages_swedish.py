"""Every group page in Swedish: no English phrase shows and no string is missing from the
Swedish catalogue (staff pages, forms with errors, the slides, the patient's page)."""

from __future__ import annotations

import time_machine

from battrerygg.groups import services
from tests.groups.helpers import NOW, START, schedule
from tests.web.test_i18n import english_leaks, english_phrases, missing_swedish

__all__ = ["missing_swedish"]  # the fixture, used by name below


def _leaks(pages: dict) -> dict:
    phrases = english_phrases()
    found = {}
    for name, response in pages.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        assert '<html lang="sv">' in html, name
        leaks = english_leaks(html, phrases)
        if leaks:
            found[name] = leaks
    return found


def test_group_pages_are_swedish(client, cast, missing_swedish):  # noqa: F811
    education = schedule(cast, capacity=1, video_url="https://video.example.se/rum")
    training = schedule(cast, kind="training", title="Träning i grupp")
    anna, _ = services.book_patient(cast.physio, education.pk, cast.patient, now=NOW)
    services.book_patient(cast.physio, education.pk, cast.patient_b, now=NOW)
    pages = {}
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.physio)
        pages["list"] = client.get("/clinic/groups/")
        pages["new"] = client.get("/clinic/groups/new/")
        pages["new errors"] = client.post("/clinic/groups/new/", {"capacity": "x", "date": "x"})
        pages["detail"] = client.get(f"/clinic/groups/{education.pk}/")
        pages["edit"] = client.get(f"/clinic/groups/{training.pk}/edit/")
        pages["cancel"] = client.get(f"/clinic/groups/{training.pk}/cancel/")
        pages["material"] = client.get("/clinic/groups/material/")
        pages["patient"] = client.get(f"/clinic/patients/{cast.patient_b.ref}/sessions/")
        pages["booked"] = client.post(f"/clinic/patients/{cast.patient_b.ref}/sessions/",
                                      {"session": training.pk}, follow=True)
        client.force_login(cast.clinic_admin)
        pages["admin detail"] = client.get(f"/clinic/groups/{education.pk}/")
        client.force_login(cast.patient_b.user)
        pages["my sessions"] = client.get("/sessions/")
    with time_machine.travel(START, tick=False):
        client.force_login(cast.physio)
        pages["attendance"] = client.get(f"/clinic/groups/{education.pk}/")
        pages["marked"] = client.post(f"/clinic/groups/{education.pk}/attendance/",
                                      {f"attended-{anna.pk}": "yes"}, follow=True)
    assert "Deltog inte" in pages["attendance"].content.decode()
    assert _leaks(pages) == {}
    assert missing_swedish == set()
