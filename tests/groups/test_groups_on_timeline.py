"""A patient's bookings show on the physiotherapist's timeline, within the page's one
audit row."""

from __future__ import annotations

import time_machine

from battrerygg.audit.models import AuditEvent
from battrerygg.groups import services
from tests.groups.helpers import START, book_both


def test_bookings_on_the_timeline(client, cast):
    session, anna, bertil = book_both(cast, capacity=1)
    with time_machine.travel(START, tick=False):
        services.mark_attendance(cast.physio, session.pk, {anna.pk: "yes"}, now=START)
        client.force_login(cast.physio)
        before = AuditEvent.objects.count()
        html = client.get(f"/clinic/patients/{cast.patient.ref}/").content.decode()
        assert "Grupptillfälle med undervisning: Ryggskola" in html and "Deltog" in html
        html_b = client.get(f"/clinic/patients/{cast.patient_b.ref}/").content.decode()
        assert "På väntelistan, plats 1" in html_b
        assert AuditEvent.objects.count() - before == 2  # one row per page
