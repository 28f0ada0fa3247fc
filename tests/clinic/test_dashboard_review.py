"""Mark as reviewed: hides the signals there were, new ones show again; undo shows them."""

from datetime import timedelta

import time_machine

from battrerygg.audit.models import AuditEvent
from battrerygg.clinic.models import Review
from tests.clinic.helpers import NOW, also_in_care_of, log, review


def _page(client, now):
    with time_machine.travel(now, tick=False):
        return client.get("/clinic/").content.decode()


def _flagged_part(html):
    """The list of patients with signals (empty when there is none)."""
    if '<ol class="attention"' not in html:
        return ""
    return html.split('<ol class="attention"')[1].split('id="quiet-title"')[0]


def test_review_hides_old_signals_until_something_new_happens(client, cast):
    log(cast.patient, NOW - timedelta(days=2), during=8)
    log(cast.patient, NOW - timedelta(days=1), during=8)
    client.force_login(cast.physio)
    assert "Anna Exempel" in _flagged_part(_page(client, NOW))
    assert review(client, cast.physio, cast.patient).status_code == 302
    done = Review.objects.get()
    assert (done.physiotherapist, done.patient, done.at) == (cast.physio, cast.patient, NOW)
    assert AuditEvent.objects.filter(action="create", what="clinic.review",
                                     object_id=str(done.pk), clinic=cast.clinic).count() == 1
    html = _page(client, NOW + timedelta(minutes=5))
    assert "Anna Exempel" not in _flagged_part(html)
    assert "Anna Exempel" in html.split('id="quiet-title"')[1]  # listed by name, with undo
    # A new high-risk entry: the load signal is back (the others stay hidden).
    log(cast.patient, NOW + timedelta(hours=1), during=9)
    html = _flagged_part(_page(client, NOW + timedelta(hours=3)))
    assert "Anna Exempel" in html
    assert "3 gånger i zonen för hög risk de senaste 7 dagarna" in html
    assert "Inget loggat" not in html.split("Anna Exempel")[1].split("</li>\n  </ul>")[0]


def test_undo_shows_the_signals_again_and_is_harmless_twice(client, cast):
    review(client, cast.physio, cast.patient)
    done = Review.objects.get()
    assert "Anna Exempel" not in _flagged_part(_page(client, NOW))
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        assert client.post("/clinic/", {"undo": str(done.pk)}).status_code == 302
        assert client.post("/clinic/", {"undo": str(done.pk)}).status_code == 302
    done.refresh_from_db()
    assert done.undone_at == NOW + timedelta(minutes=1)
    assert AuditEvent.objects.filter(action="update", what="clinic.review").count() == 1
    assert "Anna Exempel" in _flagged_part(_page(client, NOW + timedelta(minutes=2)))


def test_ongoing_silence_shows_again_a_week_after_the_review(client, cast):
    review(client, cast.physio, cast.patient)
    assert "Anna Exempel" not in _flagged_part(_page(client, NOW + timedelta(days=6)))
    html = _flagged_part(_page(client, NOW + timedelta(days=7)))
    assert "Anna Exempel" in html


def test_a_review_is_the_physiotherapists_own(client, cast):
    from battrerygg.clinic.dashboard import signals

    also_in_care_of(cast.colleague, cast.patient, cast.clinic)
    review(client, cast.physio, cast.patient)
    with time_machine.travel(NOW, tick=False):
        colleague_view = {i.name: i.reasons for i in signals(cast.colleague, NOW)}
    assert colleague_view["Anna Exempel"]


def test_a_strange_page_number_is_ignored_not_a_server_error(client, cast):
    client.force_login(cast.physio)
    response = client.post("/clinic/", {"review": str(cast.patient.ref), "page": "²"})
    assert response.status_code == 302 and response["Location"] == "/clinic/"
    assert client.post("/clinic/", {"undo": "²"}).status_code == 404
