"""Staff: reads of a patient's data through the query layer are audit-logged, writes are
the patient's alone, and the admin site lists no patient accounts."""

from __future__ import annotations

from datetime import date

import pytest

from battrerygg.audit.models import AuditEvent
from battrerygg.diary import queries
from battrerygg.patients.access import AccessDenied


def test_physiotherapist_reads_are_logged_patient_reads_are_not(cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    queries.assessed_entries(cast.patient.user, cast.patient)
    queries.entry(cast.patient.user, entry.pk)
    assert not AuditEvent.objects.filter(action="read").exists()
    queries.assessed_entries(cast.physio, cast.patient)
    queries.entry(cast.physio, entry.pk)
    queries.flare_up_plan(cast.physio, cast.patient)
    reads = AuditEvent.objects.filter(action="read", actor=cast.physio, patient=cast.patient)
    assert sorted(reads.values_list("what", flat=True)) == ["diary", "diary.entry",
                                                           "flare_up_plan"]


def test_a_physiotherapist_cannot_get_an_entry_for_change(cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    assert queries.entry(cast.physio, entry.pk) == entry  # may read
    with pytest.raises(AccessDenied):
        queries.entry_for_change(cast.physio, entry.pk)
    assert queries.entry_for_change(cast.patient.user, entry.pk) == entry


def test_admin_lists_staff_accounts_only(client, cast, settings):
    from battrerygg.accounts.models import User

    settings.ADMIN_ENABLED = True

    admin = User.objects.create_superuser("root@example.se", "Admin-password-2026")
    client.force_login(admin)
    html = client.get("/admin/accounts/user/").content.decode()
    assert "physio@example.se" in html
    assert "anna@example.se" not in html
