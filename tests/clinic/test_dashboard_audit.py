"""Showing a patient's signals is a read of their data: one audit row per patient shown,
per page view, written in one insert; patients listed by name only get none."""

from datetime import timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from battrerygg.audit.models import AuditEvent
from tests.clinic.helpers import NOW, log


def _reads():
    return list(AuditEvent.objects.filter(action="read", what="dashboard")
                .values_list("actor", "patient", "clinic").order_by("patient"))


def test_one_row_per_patient_shown_per_view_in_one_insert(client, cast):
    client.force_login(cast.physio)
    with time_machine.travel(NOW, tick=False), CaptureQueriesContext(connection) as queries:
        client.get("/clinic/")
    expected = sorted([(cast.physio.pk, cast.patient.pk, cast.clinic.pk),
                       (cast.physio.pk, cast.patient_b.pk, cast.clinic.pk)], key=lambda r: r[1])
    assert _reads() == expected
    inserts = [q for q in queries.captured_queries
               if q["sql"].startswith("INSERT") and "audit_auditevent" in q["sql"]]
    assert len(inserts) == 1
    with time_machine.travel(NOW, tick=False):
        client.get("/clinic/")
    assert len(_reads()) == 4


def test_patients_listed_by_name_only_get_no_row(client, cast):
    client.force_login(cast.physio)
    log(cast.patient_b, NOW - timedelta(days=1))
    with time_machine.travel(NOW, tick=False):
        client.post("/clinic/", {"review": str(cast.patient_b.ref)})
        client.get("/clinic/")
    assert [r[1] for r in _reads()] == [cast.patient.pk]


def test_colleagues_and_admins_write_no_rows(client, cast):
    for user in (cast.colleague, cast.clinic_admin):
        client.force_login(user)
        with time_machine.travel(NOW, tick=False):
            client.get("/clinic/")
    assert _reads() == []
