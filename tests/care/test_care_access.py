"""Who may open and write the care pages: only the physiotherapist with a care relation.
Others get 404 (staff) or 403 (admin, patients), anonymous users the login page; nothing
changes."""

from __future__ import annotations

import pytest

from tests.care.helpers import assess, assessment_post, snapshot

PAGES = ["assessment/", "enrol/", "episode/end/"]
POSTS = {
    "assessment/": assessment_post(),
    "enrol/": {"action": "enrol", "consent": "on", "method": "phone",
               "enrolled_on": "2026-03-10",
               "submission_key": "8d3c8d3c-1111-4444-8888-123456789abc"},
    "episode/end/": {"reason": "declined", "end_date": "2026-03-10"},
}
EXPECTED = {"colleague": 404, "other_physio": 404, "clinic_admin": 403, "patient": 403,
            "patient_b": 403}


def user_of(cast, who):
    return {"colleague": cast.colleague, "other_physio": cast.other_physio,
            "clinic_admin": cast.clinic_admin, "patient": cast.patient.user,
            "patient_b": cast.patient_b.user}[who]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_no_one_else_reads_or_writes(client, cast, who, page):
    assess(cast.physio, cast.patient)
    client.force_login(user_of(cast, who))
    url = f"/clinic/patients/{cast.patient.ref}/{page}"
    before = snapshot()
    assert client.get(url).status_code == EXPECTED[who]
    extra = {"action": "invite"} if page == "enrol/" else {}
    assert client.post(url, POSTS[page]).status_code == EXPECTED[who]
    assert client.post(url, extra).status_code == EXPECTED[who]
    assert snapshot() == before


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_goes_to_login(client, cast, page):
    response = client.get(f"/clinic/patients/{cast.patient.ref}/{page}")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_ended_care_relation_ends_access(client, cast):
    from django.utils import timezone

    cast.patient.care_relations.update(ended_at=timezone.now())
    client.force_login(cast.physio)
    assert client.get(f"/clinic/patients/{cast.patient.ref}/assessment/").status_code == 404


@pytest.mark.parametrize("name", ["assessments", "consents", "invites", "current_assessment"])
def test_queries_refuse_others(cast, name):
    from battrerygg.care import queries
    from battrerygg.patients.access import AccessDenied

    for user in (cast.colleague, cast.other_physio, cast.clinic_admin, cast.patient_b.user):
        with pytest.raises(AccessDenied):
            getattr(queries, name)(user, cast.patient)


def test_services_refuse_others(cast):
    import uuid

    from battrerygg.care import services
    from battrerygg.patients.access import AccessDenied

    before = snapshot()
    for user in (cast.colleague, cast.other_physio, cast.clinic_admin, cast.patient.user):
        with pytest.raises(AccessDenied):
            assess(user, cast.patient)
        with pytest.raises(AccessDenied):
            services.enrol(user, cast.patient, consent_given=True, method="phone",
                           enrolled_on=cast.patient.episodes.get().start_date,
                           submission_key=uuid.uuid4())
        with pytest.raises(AccessDenied):
            services.end_episode(user, cast.patient, reason="declined")
        with pytest.raises(AccessDenied):
            services.send_invite(user, cast.patient)
        if user != cast.colleague:  # the colleague works at the clinic: may register
            with pytest.raises(AccessDenied):
                services.create_patient(actor=user, clinic=cast.clinic, full_name="X",
                                        email="x@example.se", personnummer="198112189876",
                                        language="sv", submission_key=uuid.uuid4())
    assert snapshot() == before
