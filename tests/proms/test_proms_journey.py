"""The journey's baseline STarT Back and ODI and its 6-week ODI (assigned by the
physiotherapist), entered through the services: scores, bands and the change (C6)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from battrerygg.proms import queries, services
from tests.proms.helpers import answer, odi_answers, startback_answers
from tests.shared import load_case_file

JOURNEY = load_case_file("journey-anna-refined.json")


def test_journey_baseline_and_six_week_odi(cast):
    base, six = JOURNEY["baseline"], JOURNEY["follow_up_6_weeks"]
    day0 = date.fromisoformat(base["date"])
    p = cast.patient
    sb = answer(p, "startback", startback_answers(base["startback"]["items_1_8"],
                                                 base["startback"]["item9"]), day=day0)
    assert sb.total == base["startback"]["expected"]["total"]
    assert sb.subscales["psychosocial"] == str(base["startback"]["expected"]["psychosocial"])
    assert sb.category == base["startback"]["expected"]["risk"]
    odi0 = answer(p, "odi", odi_answers(base["odi"]["sections"]), day=day0)
    assert odi0.total == Decimal(str(base["odi"]["expected"]["percent"]))
    assert odi0.category == base["odi"]["expected"]["band"]
    nrs0 = answer(p, "nrs_back", {"pain": str(base["nrs_back"])}, day=day0)

    day6 = date.fromisoformat(six["date"])
    odi_task = services.assign_questionnaire(p, "odi", day6, actor=cast.physio)
    nrs_task = services.assign_questionnaire(p, "nrs_back", day6, actor=cast.physio)
    odi6 = answer(p, "odi", odi_answers(six["odi"]["sections"]), day=day6,
                  timepoint="assigned", assignment=odi_task)
    nrs6 = answer(p, "nrs_back", {"pain": str(six["nrs_back"])}, day=day6,
                  timepoint="assigned", assignment=nrs_task)
    assert odi6.total == Decimal(str(six["odi"]["expected"]["percent"]))
    assert odi6.category == six["odi"]["expected"]["band"]

    expected = six["expected_change"]
    odi_change = queries.change_from_baseline(odi6)
    assert odi_change.points == Decimal(str(expected["odi_points"]))
    assert odi_change.important_improvement is expected["odi_important_improvement"]
    nrs_change = queries.change_from_baseline(nrs6)
    assert nrs_change.points == expected["nrs_points"]
    assert nrs_change.important_improvement is expected["nrs_important_improvement"]
    assert queries.change_from_baseline(nrs0) is None  # baseline has no change


def test_result_page_shows_the_change_in_swedish(client, cast):
    base, six = JOURNEY["baseline"], JOURNEY["follow_up_6_weeks"]
    p = cast.patient
    answer(p, "odi", odi_answers(base["odi"]["sections"]), day=date(2026, 3, 9))
    task = services.assign_questionnaire(p, "odi", date(2026, 4, 20), actor=cast.physio)
    odi6 = answer(p, "odi", odi_answers(six["odi"]["sections"]), day=date(2026, 4, 20),
                  timepoint="assigned", assignment=task)
    client.force_login(p.user)
    html = client.get(f"/questionnaires/{odi6.pk}/result/").content.decode()
    assert "14" in html and "\u221222" in html
    assert "tydlig förbättring" in html
