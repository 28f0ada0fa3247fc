"""Who sees which patients on the dashboard, and who may mark or undo a review."""

import pytest
import time_machine

from battrerygg.clinic.models import Review
from tests.clinic.helpers import NOW, also_in_care_of, review

NAMES = ("Anna Exempel", "Bertil Exempel")


def _get(client, user):
    if user is not None:
        client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        return client.get("/clinic/")


def test_the_physiotherapist_sees_their_patients(client, cast):
    html = _get(client, cast.physio).content.decode()
    assert all(name in html for name in NAMES)
    assert f'href="/clinic/patients/{cast.patient.ref}/"' in html


@pytest.mark.parametrize("who", ["colleague", "other_physio"])
def test_other_physiotherapists_see_none(client, cast, who):
    response = _get(client, getattr(cast, who))
    assert response.status_code == 200
    assert not any(name in response.content.decode() for name in NAMES)


def test_the_clinic_admin_gets_counts_and_no_names(client, cast):
    response = _get(client, cast.clinic_admin)
    html = response.content.decode()
    assert response.status_code == 200
    assert not any(name in html for name in NAMES)
    row = html.split('<th scope="row">Vårdcentralen A</th>')[1].split("</tr>")[0]
    assert [cell.split(">")[1] for cell in row.split("</td>")[:2]] == ["2", "2"]  # 2 physios
    assert "Vårdcentralen B" not in html


def test_a_patient_and_anonymous_users_get_nothing(client, cast):
    assert _get(client, cast.patient.user).status_code == 403
    from django.test import Client

    response = _get(Client(), None)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["colleague", "other_physio", "clinic_admin"])
def test_only_the_physiotherapist_in_care_may_mark_as_reviewed(client, cast, who):
    client.force_login(getattr(cast, who))
    with time_machine.travel(NOW, tick=False):
        response = client.post("/clinic/", {"review": str(cast.patient.ref)})
    assert response.status_code == 404
    assert not Review.objects.exists()


def test_a_review_is_undone_only_by_its_author(client, cast):
    also_in_care_of(cast.colleague, cast.patient, cast.clinic)
    review(client, cast.physio, cast.patient)
    done = Review.objects.get()
    client.force_login(cast.colleague)
    for value in (str(done.pk), "x", "999999"):
        assert client.post("/clinic/", {"undo": value}).status_code == 404
    assert client.post("/clinic/", {"review": "not-a-uuid"}).status_code == 404
    done.refresh_from_db()
    assert done.undone_at is None


def test_a_review_of_a_patient_no_longer_in_care_cannot_be_undone(client, cast):
    from battrerygg.patients.models import CareRelation

    review(client, cast.physio, cast.patient)
    CareRelation.objects.filter(patient=cast.patient).update(ended_at=NOW)
    assert client.post("/clinic/", {"undo": str(Review.objects.get().pk)}).status_code == 404
