"""The demo holds one patient per reason, and loading it again changes nothing."""

from datetime import UTC, datetime

import pytest
import time_machine

from battrerygg.clinic import demo
from battrerygg.clinic.dashboard import Kind, signals
from battrerygg.patients.models import Patient


@pytest.mark.parametrize("NOW", [datetime(2026, 5, 12, 3, 30, tzinfo=UTC),
                                 datetime(2026, 10, 25, 22, 30, tzinfo=UTC)])
def test_each_demo_patient_shows_their_reason_first(cast, NOW):  # noqa: N803
    with time_machine.travel(NOW, tick=False):
        expected = demo.load(now=NOW, clinic=cast.clinic, physio=cast.physio)
        count = Patient.objects.count()
        assert demo.load(now=NOW, clinic=cast.clinic, physio=cast.physio) == expected
        assert Patient.objects.count() == count
        found = {i.name: [r.kind for r in i.reasons] for i in signals(cast.physio, NOW)}
    assert set(expected) == {k.name.lower() for k in Kind}
    for reason, name in expected.items():
        assert found[name] == [Kind[reason.upper()]], (name, found[name])
