"""Issue 12, words patients read, in the browser at 390 px in Swedish: the balance page for
a perfect balance and for very heavy feelings, a STarT Back result, the pain question, the
exercise programme with its stop rule and doses, and the reworded lessons. Screenshots go to
the artifacts folder as words-<what>.png."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.clinical.balance import Capacity, Load, Ratings
from tests.conftest import PASSWORD
from tests.e2e.conftest import login
from tests.proms.helpers import answer, startback_answers

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
STHLM = ZoneInfo("Europe/Stockholm")


def _checkin(patient, day: date, capacity: int, loads: list[int]):
    from battrerygg.plan.services import record_checkin

    return record_checkin(
        patient, local_date=day, today=day, submission_key=uuid.uuid4(),
        ratings=Ratings(capacity=dict.fromkeys(Capacity, capacity),
                        loads=dict(zip(Load, loads, strict=True))),
    )


def _prescribe(physio, patient, exercise, level, **dose):
    from battrerygg.programme.services import PrescriptionInput, prescribe

    prescribe(physio, patient, PrescriptionInput(exercise=exercise, level=level,
                                                 frequency_per_week=3, **dose),
              submission_key=uuid.uuid4())


def test_patient_words_in_swedish_at_390(cast, open_page, artifacts):
    anna = cast.patient
    with time_machine.travel(datetime(2026, 3, 20, 12, tzinfo=STHLM), tick=True):
        perfect = _checkin(anna, date(2026, 3, 16), 10, [0, 0, 0, 0])
        heavy = _checkin(anna, date(2026, 3, 18), 5, [5, 9, 6, 4])
        high = answer(anna, "startback", startback_answers([1] * 8, "extremely"),
                      day=date(2026, 3, 10))
        pain = answer(anna, "nrs_back", {}, day=date(2026, 3, 20), timepoint="baseline",
                      submit=False)
        _prescribe(cast.physio, anna, "hoftfallning", 2, sets=2, repetitions=10)
        _prescribe(cast.physio, anna, "baksida-lar-stretch", 1, sets=1, repetitions=2,
                   hold_seconds=25)
        _prescribe(cast.physio, anna, "uppresning-fran-stol", 3, sets=3, repetitions=10,
                   load_kg=Decimal("4"))
        _prescribe(cast.physio, anna, "skulderbladsknip", 3, sets=3, repetitions=10,
                   band="medium")
        _prescribe(cast.physio, anna, "sitta-aktivt", 1, minutes=36)

        page, foreign = open_page(390)
        login(page, anna.user.email, PASSWORD)

        def shot(url: str, name: str, *must: str, detail: str = "") -> None:
            page.goto(url)
            page.wait_for_load_state()
            text = page.inner_text("main")
            for words in must:
                assert words in text, (name, words)
            page.screenshot(path=artifacts / f"words-{name}.png", full_page=True)
            if detail:  # the changed words close up
                page.locator(detail).first.screenshot(
                    path=artifacts / f"words-{name}-detail.png")

        shot(f"/balance/{perfect.pk}/", "balance-perfect", "Inget sticker ut just nu",
             detail="section[aria-labelledby^=work-heading]")
        shot(f"/balance/{heavy.pk}/", "balance-heavy-feelings", "vårdcentral", "1177",
             detail=".notice.support")
        shot(f"/questionnaires/{high.pk}/result/", "startback-result",
             "oro och nedstämdhet tynger dig", detail=".card.result")
        assert "Hög risk" not in page.inner_text("main")
        shot(f"/questionnaires/{pain.pk}/1/", "pain-question", "senaste veckan")
        shot("/exercises/", "exercises", "Avbryt om benet reagerar",
             "3 × 10 repetitioner med 4 kg",
             "håll kvar 25 sekunder", "res dig efter högst 36 minuters sittande",
             "medelstarkt gummiband",
             detail="main")
        page.locator("main .ex-stop").first.screenshot(
            path=artifacts / "words-exercises-stop-rule.png")
        for number in range(1, 6):
            page.locator(f"main article.card.exercise >> nth={number - 1}").screenshot(
                path=artifacts / f"words-exercises-card-{number}.png")
        for slug in ("01-ryggont-ar-vanligt", "02-bilder-av-ryggen", "03-sa-ar-ryggen-byggd",
                     "04-smarta-och-hjarnan", "07-hall-dig-aktiv", "08-en-dalig-period",
                     "10-vardprogrammet-battrerygg"):
            shot(f"/guide/{slug}/", f"lesson-{slug[:2]}", detail="main")
    assert list(foreign) == []
