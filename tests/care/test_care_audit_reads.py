"""Each staff care page written as exactly one audit read row per GET; writes are audited
with what = assessment, consent, episode, invite."""

from __future__ import annotations

import pytest

from battrerygg.audit.models import AuditEvent
from tests.care.helpers import assess, enrol


@pytest.mark.parametrize(("page", "what"), [
    ("assessment/", "assessment"), ("assessment/?edit=1", "assessment"),
    ("enrol/", "enrolment"), ("episode/end/", "episode"),
])
def test_one_read_row_per_page_view(client, cast, page, what):
    assess(cast.physio, cast.patient)
    enrol(cast.physio, cast.patient)
    client.force_login(cast.physio)
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert client.get(f"/clinic/patients/{cast.patient.ref}/{page}").status_code == 200
    rows = list(AuditEvent.objects.filter(pk__gt=last))
    assert [(r.action, r.what, r.actor, r.clinic) for r in rows] == [
        ("read", what, cast.physio, cast.clinic)]


def test_writes_are_audited(client, cast):
    from battrerygg.care.services import end_episode, send_invite, withdraw_consent

    cast.patient.user.set_unusable_password()
    cast.patient.user.save()
    assess(cast.physio, cast.patient)
    enrol(cast.physio, cast.patient)
    send_invite(cast.physio, cast.patient)
    withdraw_consent(cast.physio, cast.patient, method="phone")
    end_episode(cast.physio, cast.patient, reason="declined")
    rows = AuditEvent.objects.filter(actor=cast.physio, patient=cast.patient).exclude(
        action="read").order_by("pk")
    whats = [(r.action, r.what) for r in rows if not r.what.startswith("proms")]
    assert whats == [("create", "assessment"), ("create", "consent"), ("create", "invite"),
                     ("update", "consent"), ("update", "episode")]


def test_new_patient_page_reads_no_one(client, cast):
    client.force_login(cast.physio)
    before = AuditEvent.objects.count()
    client.get("/clinic/patients/new/")
    assert AuditEvent.objects.count() == before
