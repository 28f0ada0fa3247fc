"""Care records show on the physiotherapist's timeline of the patient, one audit row a view."""

from __future__ import annotations

from battrerygg.audit.models import AuditEvent
from tests.care.helpers import assess, enrol


def test_assessment_consent_and_ending_are_on_the_timeline(client, cast):
    from battrerygg.care.services import end_episode

    assess(cast.physio, cast.patient)
    enrol(cast.physio, cast.patient)
    end_episode(cast.physio, cast.patient, reason="goal_reached", note="Mår bra igen.")
    client.force_login(cast.physio)
    last = AuditEvent.objects.order_by("pk").last().pk
    html = client.get(f"/clinic/patients/{cast.patient.ref}/", {"show": "care"}).content.decode()
    assert "Bedömning, version 1" in html
    assert "Samtycke givet" in html
    assert "Vårdperioden avslutad" in html and "Mår bra igen." in html
    assert AuditEvent.objects.filter(pk__gt=last).count() == 1


def test_another_physiotherapist_sees_none_of_it(client, cast):
    assess(cast.physio, cast.patient)
    client.force_login(cast.colleague)
    assert client.get(f"/clinic/patients/{cast.patient.ref}/").status_code == 404
