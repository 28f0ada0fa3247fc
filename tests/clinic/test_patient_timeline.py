"""The staff patient page (timeline): who may open it, what it shows, one audit row per view."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from battrerygg.audit.models import AuditEvent


def url(patient) -> str:
    return f"/clinic/patients/{patient.ref}/"


@time_machine.travel(datetime(2026, 3, 20, 9, tzinfo=UTC), tick=False)
def test_the_physiotherapist_sees_the_timeline_with_one_audit_row(client, cast, log_activity):
    log_activity(cast.patient, date(2026, 3, 10), during=7)
    log_activity(cast.patient, date(2026, 3, 11), during=3)
    client.force_login(cast.physio)
    last = AuditEvent.objects.order_by("pk").last().pk
    html = client.get(url(cast.patient)).content.decode()
    assert "Anna Exempel" in html
    assert "19121212-1212" not in html and "191212121212" not in html  # masked
    assert "Hög risk" in html and "Säker" in html  # both diary entries with their zones
    rows = list(AuditEvent.objects.filter(pk__gt=last))
    assert [(r.actor, r.patient, r.action, r.what, r.clinic) for r in rows] == [
        (cast.physio, cast.patient, "read", "timeline", cast.clinic)]


@time_machine.travel(datetime(2026, 3, 20, 9, tzinfo=UTC), tick=False)
def test_each_filter_is_one_audit_row(client, cast, log_activity):
    log_activity(cast.patient, date(2026, 3, 10))
    client.force_login(cast.physio)
    for kind in ("", "diary", "balance", "goals", "questionnaires", "red_flags", "nonsense"):
        before = AuditEvent.objects.count()
        assert client.get(url(cast.patient), {"show": kind}).status_code == 200
        assert AuditEvent.objects.count() == before + 1


@pytest.mark.parametrize("who", ["colleague", "other_physio"])
def test_other_physiotherapists_get_404_and_no_row(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(url(cast.patient)).status_code == 404
    assert not AuditEvent.objects.filter(action="read").exists()


@pytest.mark.parametrize("who", ["clinic_admin", "patient", "patient_b"])
def test_admins_and_patients_get_403(client, cast, who):
    actor = getattr(cast, who)
    client.force_login(getattr(actor, "user", actor))
    assert client.get(url(cast.patient)).status_code == 403
    assert not AuditEvent.objects.filter(action="read").exists()


def test_anonymous_goes_to_login(client, cast):
    response = client.get(url(cast.patient))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_ended_care_relation_ends_access(client, cast):
    from django.utils import timezone

    cast.patient.care_relations.update(ended_at=timezone.now())
    client.force_login(cast.physio)
    assert client.get(url(cast.patient)).status_code == 404


def test_a_malformed_or_unknown_reference_is_404(client, cast):
    client.force_login(cast.physio)
    assert client.get("/clinic/patients/not-a-uuid/").status_code == 404
    assert client.get("/clinic/patients/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_patient_list_names_only_my_patients(client, cast):
    client.force_login(cast.colleague)
    assert "Anna Exempel" not in client.get("/clinic/patients/").content.decode()
    client.force_login(cast.physio)
    html = client.get("/clinic/patients/").content.decode()
    assert "Anna Exempel" in html and "Bertil Exempel" in html
    assert not AuditEvent.objects.filter(action="read").exists()  # names only: no rows


@time_machine.travel(datetime(2026, 3, 20, 9, tzinfo=UTC), tick=False)
def test_red_flag_answers_show_on_the_timeline(client, cast):
    import uuid

    from battrerygg.clinical.red_flags import Sign
    from battrerygg.redflags.services import record_red_flag_check

    answers = {sign.value: sign == Sign.AFTER_ACCIDENT_OR_FALL for sign in Sign}
    record_red_flag_check(cast.patient, answers, submission_key=uuid.uuid4())
    client.force_login(cast.physio)
    html = client.get(url(cast.patient), {"show": "red_flags"}).content.decode()
    assert "Sök vård i dag" in html  # SPEC C2 turn 2: accident or fall
    assert "olycka" in html  # the question answered yes


@time_machine.travel(datetime(2026, 3, 31, 9, tzinfo=UTC), tick=False)
def test_a_long_timeline_is_paged_newest_first(client, cast, log_activity):
    for day in range(1, 28):
        log_activity(cast.patient, date(2026, 3, day), hour=8, minutes=day)
        log_activity(cast.patient, date(2026, 3, day), hour=18, minutes=30 + day)
    client.force_login(cast.physio)
    first = client.get(url(cast.patient), {"show": "diary"}).content.decode()
    assert first.count('class="event diary') == 50
    assert "Promenad, 57 min" in first  # 27 March 18:00, the newest
    second = client.get(url(cast.patient), {"show": "diary", "page": 2}).content.decode()
    assert second.count('class="event diary') == 4
    assert "Promenad, 1 min" in second  # 1 March 08:00, the oldest


def test_a_staff_form_sent_back_with_errors_is_a_read_and_a_404_is_not(client, cast):
    """A page shown again with its errors shows the patient's data: one row. A 404 inside a
    patient's pages (an unknown prescription) shows nothing: no read row (the refusal is
    logged as such)."""
    client.force_login(cast.physio)
    last = AuditEvent.objects.order_by("pk").last().pk
    response = client.post(f"/clinic/patients/{cast.patient.ref}/programme/", {"sets": "0"})
    assert response.status_code == 400
    rows = list(AuditEvent.objects.filter(pk__gt=last))
    assert [(r.action, r.what, r.clinic) for r in rows] == [("read", "programme", cast.clinic)]
    last = rows[-1].pk
    assert client.get(
        f"/clinic/patients/{cast.patient.ref}/programme/999999/change/").status_code == 404
    assert [r.action for r in AuditEvent.objects.filter(pk__gt=last)] == ["denied"]


@time_machine.travel(datetime(2026, 3, 20, 9, tzinfo=UTC), tick=False)
def test_a_logged_exercise_is_named_and_numbers_use_a_decimal_comma(client, cast):
    import uuid

    from battrerygg.clinical.balance import Capacity, Load, Ratings
    from battrerygg.plan.services import record_checkin
    from tests.programme.helpers import give, session

    item = give(cast.physio, cast.patient)
    session(cast.patient, item, date(2026, 3, 18))
    record_checkin(cast.patient, local_date=date(2026, 3, 19), today=date(2026, 3, 20),
                   ratings=Ratings(dict(zip(Capacity, (4, 5, 5, 6), strict=True)),
                                   dict(zip(Load, (5, 5, 5, 5), strict=True))),
                   physical_direction="too_much", submission_key=uuid.uuid4())
    client.force_login(cast.physio)
    html = client.get(url(cast.patient)).content.decode()
    assert "Bäckenlyft, 10 min" in html
    assert "kapacitet 5,0, belastning 5,0" in html
