"""The demo loader: an upcoming education session with places left, a training series
and a past session with attendance; running it twice changes nothing."""

from __future__ import annotations

from battrerygg.groups import demo
from battrerygg.groups.models import Booking, GroupSession
from tests.groups.helpers import NOW


def test_demo_is_idempotent(cast):
    patients = [cast.patient, cast.patient_b]
    demo.load(now=NOW, clinic=cast.clinic, physio=cast.physio, patients=patients)
    counts = (GroupSession.objects.count(), Booking.objects.count())
    demo.load(now=NOW, clinic=cast.clinic, physio=cast.physio, patients=patients)
    assert (GroupSession.objects.count(), Booking.objects.count()) == counts == (6, 8)
    education = GroupSession.objects.filter(kind="education", starts_at__gt=NOW).get()
    assert education.capacity - education.bookings.filter(status="booked").count() == 2
    past = GroupSession.objects.get(starts_at__lt=NOW)
    assert sorted(past.bookings.values_list("attended", flat=True)) == ["no", "yes"]
