"""The access log is append-only, records the clinic, and the patient can read who read."""

from __future__ import annotations

from datetime import date

import pytest

from battrerygg.audit.models import AuditEvent, AuditImmutable


def test_rows_cannot_be_changed_or_deleted(cast):
    row = AuditEvent.objects.filter(patient=cast.patient).first()
    row.what = "rewritten"
    with pytest.raises(AuditImmutable):
        row.save()
    with pytest.raises(AuditImmutable):
        row.delete()
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.filter(pk=row.pk).update(what="rewritten")
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.filter(pk=row.pk).delete()
    assert AuditEvent.objects.get(pk=row.pk).what == "patient"


def test_the_admin_site_has_no_audit_pages(client, cast, settings):
    from battrerygg.accounts.models import User

    settings.ADMIN_ENABLED = True

    root = User.objects.create_superuser("root@example.se", "Admin-password-2026")
    client.force_login(root)
    assert client.get("/admin/audit/auditevent/").status_code == 404


def test_the_patient_sees_who_read_their_record(client, cast, log_activity):
    log_activity(cast.patient, date(2026, 3, 10))
    client.force_login(cast.physio)
    client.get(f"/clinic/patients/{cast.patient.ref}/")
    client.get(f"/clinic/patients/{cast.patient_b.ref}/")  # another patient's read
    client.force_login(cast.patient.user)
    html = client.get("/my-record/reads/").content.decode()
    assert html.count("<tr>") == 2  # header + one read
    assert "physio@example.se" in html and "Vårdcentralen A" in html
    assert "översikten över dina uppgifter" in html
    client.force_login(cast.patient_b.user)
    html_b = client.get("/my-record/reads/").content.decode()
    assert html_b.count("<tr>") == 2


@pytest.mark.parametrize("who", ["physio", "clinic_admin"])
def test_staff_cannot_browse_the_log(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get("/my-record/reads/").status_code == 403


def test_the_patients_own_changes_are_logged_without_a_clinic(cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    row = AuditEvent.objects.get(what="diary.entry", object_id=str(entry.pk), action="create")
    assert row.actor == cast.patient.user and row.clinic is None


def test_a_read_outside_a_page_records_the_clinic_the_access_rests_on(cast):
    """An older relation at a clinic the physiotherapist no longer works at gives no access
    (access.treating_relations), so it is not the clinic of the read either."""
    from datetime import timedelta

    from battrerygg.audit.keys import What
    from battrerygg.patients import access
    from battrerygg.patients.models import CareRelation

    current = CareRelation.objects.get(physiotherapist=cast.physio, patient=cast.patient)
    CareRelation.objects.create(physiotherapist=cast.physio, patient=cast.patient,
                                clinic=cast.other_clinic)
    CareRelation.objects.filter(clinic=cast.other_clinic).update(
        started_at=current.started_at - timedelta(days=30))
    access.check_read(cast.physio, cast.patient, What.DIARY)
    row = AuditEvent.objects.get(action="read", what="diary")
    staff_access = access.patient_for_staff(cast.physio, cast.patient.ref)
    assert row.clinic == cast.clinic == staff_access.clinic
