"""Every programme URL with every role: only the patient's own physiotherapist gets in;
other people get 404 for another patient's ids (403 for a page their role never has);
each staff page view of a patient writes exactly one audit row."""

from __future__ import annotations

import pytest
from django.test import Client

from battrerygg.audit.models import AuditEvent
from battrerygg.programme.models import DoseChange, Prescription

from .helpers import give

ACTIONS = ("progress", "regress", "undo", "end", "reopen")


def _urls(patient, item):
    base = f"/clinic/patients/{patient.ref}/programme/"
    return {
        "page": base,
        "change": f"{base}{item.pk}/change/",
        **{action: f"{base}{item.pk}/{action}/" for action in ACTIONS},
    }


def _snapshot():
    return list(Prescription.objects.order_by("pk").values_list(
        "version", "level", "sets", "repetitions", "ended_at")), DoseChange.objects.count()


def test_outsiders_get_404_and_change_nothing(client, cast):
    item = give(cast.physio, cast.patient)
    give(cast.physio, cast.patient)  # so that an undo would have something to do
    urls = _urls(cast.patient, item)
    before = _snapshot()
    log = AuditEvent.objects.exclude(what__startswith="auth.")  # logins are rows of their own
    rows = log.count()
    last = max(log.values_list("pk", flat=True), default=0)
    refused = 0
    for who in ("colleague", "other_physio"):
        client.force_login(getattr(cast, who))
        for name, url in urls.items():
            refused += client.get(url).status_code == 404
            assert client.post(url, {"version": 1}).status_code == 404, (who, name)
            refused += 1
    for who in ("clinic_admin", cast.patient.user, cast.patient_b.user):
        client.force_login(getattr(cast, who) if isinstance(who, str) else who)
        for name, url in urls.items():
            refused += client.get(url).status_code == 403
            assert client.post(url, {"version": 1}).status_code == 403, (who, name)
            refused += 1
    client = Client()  # anonymous
    for url in urls.values():
        assert client.post(url, {"version": 1}).status_code == 302  # to the login page
    assert _snapshot() == before
    # nothing but the refusals, each logged once
    assert log.count() - rows == refused
    assert log.filter(pk__gt=last).exclude(action="denied").count() == 0


def test_a_prescription_of_another_patient_is_404_under_this_patients_ref(client, cast):
    theirs = give(cast.physio, cast.patient_b)
    give(cast.physio, cast.patient)
    urls = _urls(cast.patient, theirs)  # A's ref, B's prescription id
    client.force_login(cast.physio)
    before = _snapshot()
    for name, url in urls.items():
        if name == "page":
            continue
        assert client.post(url, {"version": 1}).status_code == 404, name
    assert client.get(urls["change"]).status_code == 404
    assert _snapshot() == before


def test_each_page_view_writes_one_audit_row(client, cast):
    item = give(cast.physio, cast.patient)
    client.force_login(cast.physio)
    for url in (_urls(cast.patient, item)["page"], _urls(cast.patient, item)["change"]):
        before = AuditEvent.objects.filter(action="read").count()
        assert client.get(url).status_code == 200
        reads = AuditEvent.objects.filter(action="read").order_by("-pk")
        assert reads.count() == before + 1
        row = reads.first()
        assert (row.actor, row.patient, row.what, row.clinic) == (
            cast.physio, cast.patient, "programme", cast.clinic)


def test_a_one_click_post_writes_its_change_and_no_read_row(client, cast):
    item = give(cast.physio, cast.patient)
    client.force_login(cast.physio)
    reads = AuditEvent.objects.filter(action="read").count()
    client.post(_urls(cast.patient, item)["progress"], {"version": 1})
    assert AuditEvent.objects.filter(action="read").count() == reads
    change = AuditEvent.objects.filter(what="programme.dose.progressed").get()
    assert change.clinic == cast.clinic


@pytest.mark.parametrize("path", ["/clinic/exercises/", "/clinic/exercises/backenlyft/"])
def test_the_library_is_for_staff_and_writes_no_audit_row(client, cast, path):
    """No read row: the library holds no patient's data (the patient's 403 is a refusal)."""
    log = AuditEvent.objects.exclude(action="denied").exclude(what__startswith="auth.")
    rows = log.count()
    for user, status in ((cast.physio, 200), (cast.clinic_admin, 200),
                         (cast.patient.user, 403)):
        client.force_login(user)
        assert client.get(path).status_code == status
    client = Client()  # anonymous
    assert client.get(path).status_code == 302
    assert log.count() == rows
