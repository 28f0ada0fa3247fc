"""Video links are plain https addresses (no user info, no quotes, angle brackets or
spaces) and a session is at most two years ahead; each refusal in Swedish, nothing saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from battrerygg.groups import services
from battrerygg.groups.models import GroupSession
from tests.groups.helpers import NOW, schedule, session_input, swedish

BAD_VIDEO = "Videolänken måste vara en fullständig webbadress som börjar med https://."
TOO_FAR = "Grupptillfället kan ligga högst två år fram i tiden."


@pytest.mark.parametrize("url", [
    "https://evil.example@meet.example.se/",
    "https://user:pass@meet.example.se/rum",
    'https://meet.example.se/"onmouseover="x',
    "https://meet.example.se/'rum'",
    "https://meet.example.se/<script>",
    "https://meet.example.se/rum >",
    "https://meet.example.se/rum\tx",
    "https://meet.example.se/rum\u00a0x",
    "https://meet.example.se:abc/",
    "ftp://meet.example.se/",
    "https:///rum",
])
def test_a_bad_video_link_is_refused(cast, url):
    with pytest.raises(services.GroupError) as caught:
        schedule(cast, video_url=url)
    assert swedish(caught.value) == BAD_VIDEO
    assert not GroupSession.objects.exists()


def test_a_plain_https_link_is_kept(cast):
    url = "https://meet.example.se:8443/rum/ryggskola?id=42&pwd=abc#start"
    assert schedule(cast, video_url=url).video_url == url


def test_a_session_more_than_two_years_ahead_is_refused(cast):
    starts = datetime(2028, 4, 1, 8, 1, tzinfo=UTC)  # NOW + two years + one minute
    with pytest.raises(services.GroupError) as caught:
        schedule(cast, starts_at=starts, ends_at=starts + timedelta(hours=1))
    assert swedish(caught.value) == TOO_FAR
    assert not GroupSession.objects.exists()
    latest = datetime(2028, 4, 1, 8, 0, tzinfo=UTC)
    assert schedule(cast, starts_at=latest, ends_at=latest + timedelta(hours=1))


def test_editing_to_more_than_two_years_ahead_changes_nothing(cast):
    session = schedule(cast)
    starts = NOW + timedelta(days=3 * 365)
    with pytest.raises(services.GroupError) as caught:
        services.edit_session(cast.physio, session.pk, session_input(
            cast, starts_at=starts, ends_at=starts + timedelta(hours=1)), now=NOW)
    assert swedish(caught.value) == TOO_FAR
    before = session.starts_at
    session.refresh_from_db()
    assert session.starts_at == before and session.sequence == 0
