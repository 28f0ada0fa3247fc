"""The flare-up plan: create, edit, print; bad input saves nothing."""

from __future__ import annotations

import pytest

from battrerygg.diary.models import FlareUpPlan

GOOD = {
    "expected_days": "7",
    "what_helps": "short walks, heat, the cat-camel exercise",
    "own_actions": "keep moving a little every hour; plan lighter days at work",
    "favourite_exercise": "cat-camel",
    "contact_physio_after_days": "14",
    "physiotherapist_contact": "",
}


def test_create_edit_print(client, cast):
    client.force_login(cast.patient.user)
    assert client.post("/flare-up-plan/edit/", GOOD).status_code == 302
    plan = FlareUpPlan.objects.get(patient=cast.patient)
    assert plan.expected_days == 7 and plan.favourite_exercise == "cat-camel"
    client.post("/flare-up-plan/edit/", {**GOOD, "expected_days": "10"})
    assert FlareUpPlan.objects.get().expected_days == 10
    printed = client.get("/flare-up-plan/print/").content.decode()
    assert "cat-camel" in printed and "112" in printed


@pytest.mark.parametrize("bad", [
    {"expected_days": "0"}, {"expected_days": "-3"}, {"expected_days": "abc"},
    {"contact_physio_after_days": "0"}, {"contact_physio_after_days": ""},
    {"contact_physio_after_days": "-1"}, {"what_helps": "x" * 2001},
])
def test_bad_input_saves_nothing(client, cast, bad):
    client.force_login(cast.patient.user)
    response = client.post("/flare-up-plan/edit/", {**GOOD, **bad})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not FlareUpPlan.objects.exists()


def test_another_patient_sees_only_their_own(client, cast):
    client.force_login(cast.patient.user)
    client.post("/flare-up-plan/edit/", GOOD)
    client.force_login(cast.patient_b.user)
    assert "cat-camel" not in client.get("/flare-up-plan/").content.decode()
    assert client.get("/flare-up-plan/print/").status_code == 302  # to make their own
