"""Words patients read on their questionnaire pages (issue 12): the pain question's title
and its question agree, and a result explains what it means for care without a label that
frightens ("Hög risk", "ökad risk"); staff pages keep the instruments' standard labels."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from battrerygg.proms import texts
from tests.proms.helpers import answer, startback_answers

HIGH = startback_answers([1, 1, 1, 1, 1, 1, 1, 1], "extremely")  # total 9, subscale 5


@pytest.mark.parametrize("instrument", ["nrs_back", "nrs_leg"])
def test_pain_title_and_question_both_ask_for_the_last_week(instrument):
    with translation.override("sv"):
        title = str(texts.TITLES[instrument])
        question = str(texts.QUESTIONS[(instrument, "pain")])
        about = str(texts.ABOUT[instrument])
    assert "just nu" not in title
    for text in (title, question, about):
        assert "senaste veckan" in text


def test_patient_startback_page_has_no_high_risk_label(client, cast):
    found = answer(cast.patient, "startback", HIGH, day=date(2026, 3, 9))
    assert found.category == "high"
    client.force_login(cast.patient.user)
    for url in (f"/questionnaires/{found.pk}/result/", "/questionnaires/",
                "/questionnaires/history/startback/"):
        html = client.get(url).content.decode()
        assert "hög risk" not in html.lower()
    html = client.get(f"/questionnaires/{found.pk}/result/").content.decode()
    assert "oro och nedstämdhet" in html.lower() and "fysioterapeut" in html


@pytest.mark.parametrize(("category", "word"), [("low", "risk"), ("raised", "risk")])
def test_patient_orebro_texts_have_no_risk_label(category, word):
    with translation.override("sv"):
        text = str(texts.PATIENT_CATEGORIES[("orebro", category)]).lower()
    assert "ökad risk" not in text and word not in text


def test_staff_keep_the_standard_labels():
    with translation.override("sv"):
        assert str(texts.CATEGORIES[("startback", "high")]).startswith("Hög risk")
