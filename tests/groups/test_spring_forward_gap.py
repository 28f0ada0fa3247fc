"""A session at a local time skipped when the clocks go forward (02:00–03:00 on the last
Sunday of March in Stockholm) is refused with a Swedish message on the time field, never
by the database (it used to be a 500: 02:30 and 03:30 that night are the same instant)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.groups import services
from battrerygg.groups.models import GroupSession
from tests.groups.helpers import NOW, schedule, session_input, swedish

STOCKHOLM = ZoneInfo("Europe/Stockholm")
GAP = ("Den tiden finns inte den dagen: klockan ställs fram en timme. "
       "Välj en annan tid.")


def _local(hour: int, minute: int) -> datetime:
    return datetime(2027, 3, 28, hour, minute, tzinfo=STOCKHOLM)


@pytest.mark.parametrize(("starts", "ends"), [
    (_local(2, 30), _local(3, 30)),  # same instant in UTC
    (_local(1, 30), _local(2, 30)),  # ends in the gap
    (_local(2, 0), _local(4, 0)),
])
def test_a_session_in_the_gap_is_refused(cast, starts, ends):
    with pytest.raises(services.GroupError) as caught:
        schedule(cast, starts_at=starts, ends_at=ends)
    assert swedish(caught.value) == GAP
    assert caught.value.code in ("start_gap", "end_gap")
    assert not GroupSession.objects.exists()


def test_end_before_start_is_compared_as_instants(cast):
    # 03:10 on the night the clocks go back (first occurrence) is after 02:50 (second)
    # as wall-clock times, but earlier as an instant.
    starts = datetime(2026, 10, 25, 2, 50, fold=1, tzinfo=STOCKHOLM)
    ends = datetime(2026, 10, 25, 2, 55, fold=0, tzinfo=STOCKHOLM)
    with pytest.raises(services.GroupError) as caught:
        schedule(cast, starts_at=starts, ends_at=ends)
    assert swedish(caught.value) == "Grupptillfället måste sluta efter att det börjar."
    assert not GroupSession.objects.exists()


def test_editing_into_the_gap_changes_nothing(cast):
    session = schedule(cast)
    with pytest.raises(services.GroupError) as caught:
        services.edit_session(cast.physio, session.pk, session_input(
            cast, starts_at=_local(2, 30), ends_at=_local(3, 30)), now=NOW)
    assert swedish(caught.value) == GAP
    before = (session.starts_at, session.ends_at, session.sequence)
    session.refresh_from_db()
    assert (session.starts_at, session.ends_at, session.sequence) == before


@time_machine.travel(NOW, tick=False)
def test_the_form_shows_the_message_on_the_start_time(client, cast):
    client.force_login(cast.physio)
    response = client.post("/clinic/groups/new/", {
        "clinic": cast.clinic.pk, "kind": "education", "title": "Ryggskola",
        "date": "2027-03-28", "starts": "02:30", "ends": "03:30", "place": "Rum 2",
        "capacity": "10", "leader": cast.physio.pk,
        "submission_key": "5d1c3a0e-2b7f-4c1e-8f3d-9a6b0c2e4f10",
    })
    assert response.status_code == 200
    assert GAP in response.content.decode()
    assert response.context["form"].errors["starts"] == [GAP]
    assert not GroupSession.objects.exists()
