"""The care pages in Swedish show no English (every string is translated), in each state."""

from __future__ import annotations

import pytest

from tests.care.helpers import assess, enrol
from tests.web.test_i18n import english_leaks, english_phrases


@pytest.mark.parametrize("state", ["new", "assessed", "enrolled", "ended"])
def test_no_english_on_swedish_care_pages(client, cast, state):
    from battrerygg.care.services import end_episode

    if state != "new":
        assess(cast.physio, cast.patient)
    if state in ("enrolled", "ended"):
        enrol(cast.physio, cast.patient)
    if state == "ended":
        end_episode(cast.physio, cast.patient, reason="goal_reached", note="Klar.")
    client.force_login(cast.physio)
    base = f"/clinic/patients/{cast.patient.ref}/"
    phrases = english_phrases()
    for path in ("/clinic/patients/new/", base + "assessment/", base + "assessment/?edit=1",
                 base + "enrol/", base + "episode/end/"):
        found = english_leaks(client.get(path).content.decode(), phrases)
        assert found == [], (path, found)
