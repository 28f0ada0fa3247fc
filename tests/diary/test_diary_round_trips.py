"""What happens around the edges of a patient's day: an expired login, Back after a
delete, several undos, an entry moved to later, an htmx answer for a deleted entry."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.test import Client

from battrerygg.diary.services import delete_entry, record_follow_up
from tests.diary.helpers import activity_form

TZ = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 3, 12, 12, 0, tzinfo=TZ)


def test_expired_login_on_a_posted_answer_comes_back_to_the_start_page(client, cast,
                                                                       log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    plain = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"})
    assert plain.status_code == 302 and plain["Location"] == "/accounts/login/?next=%2F"
    htmx = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"},
                       HTTP_HX_REQUEST="true")
    assert htmx["HX-Redirect"] == "/accounts/login/?next=%2F"
    page = client.get("/diary/")
    assert page["Location"] == "/accounts/login/?next=%2Fdiary%2F"


def test_htmx_answer_for_a_deleted_entry_says_so(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    delete_entry(entry)
    client.force_login(cast.patient.user)
    response = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"}).status_code == 404


def test_expired_form_token_with_htmx_says_so(cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(cast.patient.user)
    response = strict.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    plain = strict.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "3"})
    assert plain.status_code == 403
    entry.refresh_from_db()
    assert entry.pain_24h is None


def test_back_after_delete_and_double_undo_land_somewhere_useful(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        client.post(f"/diary/{entry.pk}/delete/")
        assert client.get(f"/diary/{entry.pk}/delete/")["Location"] == "/diary/"
        assert client.post(f"/diary/{entry.pk}/delete/")["Location"] == "/diary/"
        client.post(f"/diary/{entry.pk}/restore/")
        again = client.post(f"/diary/{entry.pk}/restore/")
    assert again["Location"] == f"/diary/{entry.pk}/"


def test_every_recent_deletion_can_be_undone(client, cast, log_activity):
    first = log_activity(cast.patient, date(2026, 3, 9))
    second = log_activity(cast.patient, date(2026, 3, 10))
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        client.post(f"/diary/{first.pk}/delete/")
        client.post(f"/diary/{second.pk}/delete/")
        page = client.get("/diary/").content.decode()
        assert f"/diary/{first.pk}/restore/" in page and f"/diary/{second.pk}/restore/" in page
    with time_machine.travel(NOW + timedelta(minutes=31), tick=False):
        assert "/restore/" not in client.get("/diary/").content.decode()


def test_moving_an_entry_asks_for_its_24_hour_value_again(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 5), hour=10)
    record_follow_up(entry, 3, now=NOW)
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        moved = client.post(f"/diary/{entry.pk}/edit/", activity_form(local_date="2026-03-10",
                                                                     local_time="09:00"))
    assert moved.status_code == 302
    entry.refresh_from_db()
    assert entry.pain_24h is None and entry.local_date == date(2026, 3, 10)
    # A correction that keeps the time keeps the value.
    record_follow_up(entry, 4, now=NOW)
    with time_machine.travel(NOW, tick=False):
        client.post(f"/diary/{entry.pk}/edit/", activity_form(
            local_date="2026-03-10", local_time="09:00", pain_during="5"))
    entry.refresh_from_db()
    assert entry.pain_24h == 4 and entry.pain_during == 5


def test_a_resent_form_of_a_deleted_entry_offers_undo(client, cast):
    client.force_login(cast.patient.user)
    form = activity_form()
    with time_machine.travel(NOW, tick=False):
        first = client.post("/diary/new/", form)
        entry_id = int(first["Location"].rstrip("/").split("/")[-1])
        client.post(f"/diary/{entry_id}/delete/")
        again = client.post("/diary/new/", form)
        assert again["Location"] == "/diary/"
        assert f"/diary/{entry_id}/restore/" in client.get("/diary/").content.decode()


def test_an_old_entry_can_still_be_corrected(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), during=4)
    with time_machine.travel(NOW + timedelta(days=400), tick=False):
        client.force_login(cast.patient.user)
        response = client.post(f"/diary/{entry.pk}/edit/", activity_form(pain_during="5"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.pain_during == 5


def test_language_switch_on_an_error_page_returns_to_the_entry(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10))
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        page = client.post(f"/diary/{entry.pk}/follow-up/", {"pain_24h": "12"})
    html = page.content.decode()
    assert f'name="next" value="/diary/{entry.pk}/"' in html
    assert 'href="#follow-up"' in html  # the error summary points at the form
