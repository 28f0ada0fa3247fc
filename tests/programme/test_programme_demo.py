"""The demo programme: four exercises with sessions showing each kind of suggestion."""

from __future__ import annotations

from battrerygg.clinical.dosing import Suggestion
from battrerygg.programme import demo, queries
from battrerygg.programme.models import Prescription

from .helpers import NOW


def test_demo_programme_is_loaded_once_with_each_suggestion(cast):
    demo.load(now=NOW, physio=cast.physio, patient=cast.patient)
    demo.load(now=NOW, physio=cast.physio, patient=cast.patient)
    assert Prescription.objects.filter(patient=cast.patient).count() == 4
    items = queries.programme(cast.physio, cast.patient, now=NOW, language="sv")
    assert {item.suggestion for item in items} == {
        Suggestion.PROGRESS, Suggestion.KEEP, Suggestion.REGRESS, Suggestion.AWAIT}
    assert all(item.latest for item in items)
    assert len(queries.latest_sessions(cast.physio, cast.patient)) == 8
