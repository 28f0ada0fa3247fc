"""SPEC C6 refinements where change is shown: the patient's result page and history name a
worsening, show no verdict from a baseline of 0, and do not call NRS 1 → 0 important; the
physiotherapist's timeline says the same."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from battrerygg.patients import timeline
from battrerygg.proms import services
from tests.proms.helpers import answer

BASE_DAY, LATER = date(2026, 3, 9), date(2026, 4, 20)


def _nrs(cast, before: int, after: int):
    p = cast.patient
    answer(p, "nrs_back", {"pain": str(before)}, day=BASE_DAY)
    task = services.assign_questionnaire(p, "nrs_back", LATER, actor=cast.physio)
    return answer(p, "nrs_back", {"pain": str(after)}, day=LATER, timepoint="assigned",
                  assignment=task)


def _result(client, cast, response) -> str:
    client.force_login(cast.patient.user)
    return client.get(f"/questionnaires/{response.pk}/result/").content.decode()


def test_a_worsening_is_named(client, cast):
    later = _nrs(cast, 3, 5)
    html = _result(client, cast, later)
    assert 'data-verdict="important_worsening"' in html
    assert "Det är tydligt sämre än vid start." in html
    assert "Från 3 vid start till 5 nu (+2)." in html  # the direction, not a bare "(2)"
    assert "Prata med din fysioterapeut om det." in html
    history = client.get("/questionnaires/history/nrs_back/").content.decode()
    # Patients read "tydligt sämre"; the physiotherapist's timeline keeps the clinical term.
    assert "tydligt sämre" in history and "kliniskt" not in history
    with translation.override("sv"):
        events = timeline.events(cast.physio, cast.patient, "questionnaires")
    assert any("Sedan start: +2 (kliniskt viktig försämring)" in e.details for e in events)


def test_one_to_zero_is_better_but_not_important(client, cast):
    html = _result(client, cast, _nrs(cast, 1, 0))
    assert 'data-verdict="improved"' in html
    assert "Från 1 vid start till 0 nu (\u22121)." in html
    assert "Det är bättre, men ännu inte en tydlig förbättring." in html
    assert "kliniskt" not in html


def test_no_verdict_from_a_baseline_of_zero(client, cast):
    html = _result(client, cast, _nrs(cast, 0, 0))
    assert 'data-verdict=""' in html
    for verdict in ("Det är samma", "Det är bättre", "Det är sämre", "Det är tydligt",
                    "Det är en tydlig"):
        assert verdict not in html
