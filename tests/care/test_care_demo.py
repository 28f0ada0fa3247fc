"""The demo loader gives Anna an assessment (non-specific, STarT Back medium) and her
consent, and a second run changes nothing."""

from __future__ import annotations

from battrerygg.care import demo
from battrerygg.care.models import Assessment, Consent
from tests.care.conftest import NOW
from tests.care.helpers import snapshot


def test_demo_is_idempotent(cast):
    demo.load(now=NOW, physio=cast.physio, patient=cast.patient)
    a = Assessment.objects.get(patient=cast.patient)
    assert (a.classification, a.stratum, a.pathway) == ("non_specific", "medium",
                                                        "physiotherapy")
    consent = Consent.objects.get(patient=cast.patient)
    assert consent.active and consent.enrolled_on == cast.patient.episodes.get().start_date
    before = snapshot()
    demo.load(now=NOW, physio=cast.physio, patient=cast.patient)
    assert snapshot() == before
