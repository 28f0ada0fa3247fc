"""SPEC C4: licensed wording is installed from the clinic's file (strictly checked, all or
nothing) and shown; without it the form shows constructs and says so. No official wording
is shipped: our texts for licensed instruments are topic descriptions, not questions."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.instruments.base import Licence
from battrerygg.proms import texts
from battrerygg.proms.models import InstalledWording
from tests.proms.wording import sample_wording, write_wording

LICENSED = [i for i in REGISTRY.values() if i.licence is Licence.LICENSED]


pytestmark = pytest.mark.no_wording


def install(*paths):
    out = io.StringIO()
    call_command("install_questionnaire_wording", *map(str, paths), stdout=out)
    return out.getvalue()


def test_the_command_installs_a_sample_file_and_the_form_shows_it(client, cast, tmp_path):
    out = install(write_wording(tmp_path, sample_wording("startback")))
    assert "installed startback (sv, version test-1)" in out
    client.force_login(cast.patient.user)
    response = client.post("/questionnaires/start/", {"instrument": "startback",
                                                      "timepoint": "baseline"})
    html = client.get(response["Location"]).content.decode()
    assert "Påhittad fråga sb1 om zebror" in html
    assert "Påhittad inledning om zebror" in html
    assert "Påhittat svar agree" in html
    assert "Testlicens AB" in html
    assert "inte installerad" not in html  # the construct notice is gone


def test_without_wording_the_patient_is_told_it_is_done_on_paper(client, cast):
    """A patient cannot read a construct-only form: it is not offered to them, the start
    page says it is filled in on paper, and starting it anyway is refused."""
    client.force_login(cast.patient.user)
    start_page = client.get("/").content.decode()
    assert "På papper hos din fysioterapeut" in start_page
    assert 'name="instrument" value="odi"' in start_page
    response = client.post("/questionnaires/start/", {"instrument": "odi",
                                                      "timepoint": "baseline"}, follow=True)
    assert "Det här frågeformuläret fyller du i på papper" in response.content.decode()
    from battrerygg.proms.models import Response

    assert not Response.objects.exists()


def test_without_wording_the_construct_form_is_for_the_physiotherapist(cast):
    """What a physiotherapist sees when entering a paper form: the construct and the
    options by position and value, with a notice (the pages come with issue 5)."""
    from django.utils import translation

    from battrerygg.clinical.instruments import REGISTRY
    from battrerygg.proms import display, services
    from battrerygg.proms.texts import NOT_INSTALLED

    odi = REGISTRY["odi"]
    with translation.override("sv"):
        view = display.item_view(odi, 1, None)
    assert display.needs_wording(odi, None) and NOT_INSTALLED
    assert view.text == "Avsnitt 1: Smärtintensitet" and not view.official
    assert view.options[0][1] == "Påstående 1 (ger 0)"
    found, created = services.start_response(cast.patient, "odi", "baseline",
                                             actor=cast.physio, today=date(2026, 3, 10))
    assert created and found.entered_by == cast.physio


def test_installing_again_replaces_the_wording(db, tmp_path):
    install(write_wording(tmp_path, sample_wording("odi")))
    data = sample_wording("odi")
    data["version"] = "test-2"
    install(write_wording(tmp_path, data))
    assert InstalledWording.objects.get(instrument="odi", language="sv").version == "test-2"


@pytest.mark.parametrize("change,message", [
    (lambda d: d.update(instrument="nrs_back"), "ships with BättreRygg"),
    (lambda d: d.update(instrument="sf36"), "unknown instrument"),
    (lambda d: d.update(language="de"), "language must be"),
    (lambda d: d.update(format="other"), "'format' must be"),
    (lambda d: d["items"].update(sb10="x"), "unknown items: sb10"),
    (lambda d: d["items"].pop("sb3"), "missing items: sb3"),
    (lambda d: d["items"].update(sb3="  "), "items.sb3"),
    (lambda d: d["options"]["sb9"].update(a_lot="x"), "options.sb9"),
    (lambda d: d["options"].pop("sb1"), "options.sb1: missing"),
    (lambda d: d.update(extra=1), "unknown keys: extra"),
    (lambda d: d["items"].update(sb3="Påhittad \ud800 fråga"), "control or invalid characters"),
    (lambda d: d["items"].update(sb3="Påhittad \u0000 fråga"), "control or invalid characters"),
    (lambda d: d.update(version="v" * 41), "longer than 40 characters"),
    (lambda d: d["items"].update(sb3="x" * 1001), "longer than 1000 characters"),
])
def test_a_bad_file_is_refused_and_nothing_is_installed(db, tmp_path, change, message):
    good = write_wording(tmp_path, sample_wording("odi"), "good.json")
    data = sample_wording("startback")
    change(data)
    bad = write_wording(tmp_path, data, "bad.json")
    with pytest.raises(CommandError) as info:
        install(good, bad)
    assert message in str(info.value) and "bad.json" in str(info.value)
    assert "nothing was installed" in str(info.value)
    assert InstalledWording.objects.count() == 0  # the good file was not kept either


def test_unreadable_files_are_refused(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid UTF-8 JSON"):
        install(path)
    with pytest.raises(CommandError, match="cannot read"):
        install(tmp_path / "missing.json")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000, encoding="utf-8")
    with pytest.raises(CommandError, match="nested too deeply|not valid UTF-8 JSON"):
        install(deep)


def test_our_texts_for_licensed_instruments_are_topics_not_questions():
    """Constructs are short descriptions in the third person: no question mark, no
    first-person words that the official self-report sentences use."""
    first_person = re.compile(r"\b(I|I'm|my|me|mine)\b")
    for instrument in LICENSED:
        for item in instrument.items:
            text = str(texts.QUESTIONS[(instrument.id, item.link_id)])
            assert "?" not in text, text
            assert not first_person.search(text), text
            assert len(text) <= 80, text
