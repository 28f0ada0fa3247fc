"""Prescriptions and dose changes appear on the patient's timeline, which stays one audit
read row per page view."""

from __future__ import annotations

from battrerygg.audit.models import AuditEvent
from battrerygg.programme import services

from .helpers import NOW, give


def test_prescriptions_on_the_timeline(client, cast):
    item = give(cast.physio, cast.patient)
    services.progress(cast.physio, item, version=1, now=NOW)
    services.end_prescription(cast.physio, item, now=NOW)
    client.force_login(cast.physio)
    reads = AuditEvent.objects.filter(action="read").count()
    html = client.get(f"/clinic/patients/{cast.patient.ref}/?show=programme").content.decode()
    assert AuditEvent.objects.filter(action="read").count() == reads + 1
    assert "Ordinerad: Bäckenlyft" in html
    assert "Ökad ett steg: Bäckenlyft" in html
    assert "Ordinationen avslutad: Bäckenlyft" in html
    assert f'/clinic/patients/{cast.patient.ref}/programme/' in html
