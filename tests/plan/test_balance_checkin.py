"""SPEC P4/C3 through the product: the journey's two check-ins tip the right way, the
suggestions name the weakest capacities and heaviest loads, and a double submit saves once."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation

from battrerygg.clinical.balance import ACTION_OF, Capacity, Load
from battrerygg.plan.models import BalanceCheckIn
from battrerygg.plan.texts import ACTIONS, FACTORS, TILT_TEXT
from tests.plan.helpers import checkin_form
from tests.shared import load_case_file

CHECKINS = load_case_file("journey-anna-refined.json")["balance_checkins"]
STHLM = ZoneInfo("Europe/Stockholm")


def text_of(lazy) -> str:
    with translation.override("sv"):
        return str(lazy)


@pytest.mark.parametrize("index", [0, 1])
def test_journey_checkin_page(client, cast, index):
    checkin = CHECKINS[index]
    day = datetime.fromisoformat(checkin["local_date"]).replace(hour=19, tzinfo=STHLM)
    with time_machine.travel(day, tick=False):
        client.force_login(cast.patient.user)
        response = client.post("/balance/new/", checkin_form(checkin), follow=True)
    assert response.status_code == 200
    saved = BalanceCheckIn.objects.get(patient=cast.patient)
    assert saved.tilt == checkin["expected_tilt"]
    page = response.content.decode()
    assert f'class="balance-scale tilt-{checkin["expected_tilt"]}"' in page
    assert text_of(TILT_TEXT[checkin["expected_tilt"]]["heading"]) in page
    # The suggestions: of the factors that need work (capacity ≤ 6, load ≥ 4), the two
    # weakest capacities and two heaviest loads (independently chosen).
    capacity, loads = checkin["capacity"], checkin["loads"]
    weakest = [k for k in sorted(capacity, key=lambda k: (capacity[k], list(capacity).index(k)))
               if capacity[k] <= 6][:2]
    heaviest = [k for k in sorted(loads, key=lambda k: (-loads[k], list(loads).index(k)))
                if loads[k] >= 4][:2]
    assert page.count('class="card suggestion ') == len(weakest) + len(heaviest)
    for name in weakest:
        assert f"{text_of(FACTORS[Capacity(name)].label)} {capacity[name]}/10" in page
        assert text_of(ACTIONS[ACTION_OF[Capacity(name)]].heading) in page
    for name in heaviest:
        assert f"{text_of(FACTORS[Load(name)].label)} {loads[name]}/10" in page
        assert text_of(ACTIONS[ACTION_OF[Load(name)]].heading) in page


def test_first_checkin_suggestions_by_name(client, cast):
    with time_machine.travel(datetime(2026, 3, 9, 19, tzinfo=STHLM), tick=False):
        client.force_login(cast.patient.user)
        page = client.post("/balance/new/", checkin_form(CHECKINS[0]), follow=True)
    text = page.content.decode()
    # capacity 4,3,5,3 → strength and fitness; loads 6,5,7,6 → stress, then physical load
    for label in ("Styrka 3/10", "Allmän kondition 3/10", "Vardagsstress 7/10",
                  "Fysisk belastning 6/10"):
        assert label in text


def test_the_same_form_twice_saves_one_checkin(client, cast):
    data = checkin_form(CHECKINS[0])
    with time_machine.travel(datetime(2026, 3, 9, 19, tzinfo=STHLM), tick=False):
        client.force_login(cast.patient.user)
        first = client.post("/balance/new/", data)
        second = client.post("/balance/new/", data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert BalanceCheckIn.objects.filter(patient=cast.patient).count() == 1


def test_history_shows_both_checkins_and_a_chart(client, cast):
    for checkin in CHECKINS:
        day = datetime.fromisoformat(checkin["local_date"]).replace(hour=19, tzinfo=STHLM)
        with time_machine.travel(day, tick=False):
            client.force_login(cast.patient.user)
            client.post("/balance/new/", checkin_form(checkin))
    with time_machine.travel(datetime(2026, 4, 20, 9, tzinfo=STHLM), tick=False):
        client.force_login(cast.patient.user)
        page = client.get("/balance/").content.decode()
    assert page.count('class="tilt tilt-') == 2
    assert 'id="history-title"' in page
    # Latest first: the April check-in is the one drawn on top of the page.
    assert page.index('tilt-capacity_greater') < page.index('tilt-loads_heavier')


def test_changed_answers_sent_twice_save_one_more_checkin(client, cast):
    """Back, change an answer, send twice: one new check-in, not two."""
    data = checkin_form(CHECKINS[0])
    changed = data | {"posture": "7"}
    with time_machine.travel(datetime(2026, 3, 9, 19, tzinfo=STHLM), tick=False):
        client.force_login(cast.patient.user)
        first = client.post("/balance/new/", data)["Location"]
        second = client.post("/balance/new/", changed)["Location"]
        again = client.post("/balance/new/", changed)["Location"]
        back_to_first = client.post("/balance/new/", data)["Location"]
    assert first != second == again
    assert back_to_first == first
    assert list(BalanceCheckIn.objects.values_list("posture", flat=True)) == [4, 7]


def test_too_little_physical_load_is_not_told_to_lighten_it(client, cast):
    data = checkin_form(CHECKINS[0], physical_direction="too_little")
    with time_machine.travel(datetime(2026, 3, 9, 19, tzinfo=STHLM), tick=False):
        client.force_login(cast.patient.user)
        page = client.post("/balance/new/", data, follow=True).content.decode()
    assert "Rör dig mer · Fysisk belastning 6/10" in page
    assert "Minska belastningen · Vardagsstress 7/10" in page


def _checkin_page(client, cast, capacity: int, loads: list[int]) -> str:
    checkin = {"local_date": "2026-03-09",
               "capacity": dict.fromkeys(CHECKINS[0]["capacity"], capacity),
               "loads": dict(zip(CHECKINS[0]["loads"], loads, strict=True))}
    with time_machine.travel(datetime(2026, 3, 9, 19, tzinfo=STHLM), tick=False):
        client.force_login(cast.patient.user)
        return client.post("/balance/new/", checkin_form(checkin), follow=True).content.decode()


def test_a_perfect_balance_shows_no_suggestions(client, cast):
    page = _checkin_page(client, cast, 10, [0, 0, 0, 0])
    assert 'class="card suggestion ' not in page
    assert "Inget sticker ut just nu" in page
    assert "notice support" not in page


def test_very_high_negative_emotions_point_to_the_health_centre_and_1177(client, cast):
    page = _checkin_page(client, cast, 5, [5, 8, 5, 5])
    support = page[page.index('class="card notice support"'):]
    support = support[:support.index("</div>")]
    assert "vårdcentral" in support and "1177" in support


def test_high_but_not_very_high_negative_emotions_show_no_referral(client, cast):
    page = _checkin_page(client, cast, 5, [5, 7, 5, 5])
    assert "notice support" not in page
