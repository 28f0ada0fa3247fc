"""Words patients read about their exercises (issue 12): no cues that feed a fear of bending,
a stop rule for new leg symptoms on every exercise page, holds and stretches progress by the
hold, active sitting by breaks, and a strength exercise can carry a load (kg or band) that
a step raises."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

import pytest
import time_machine

from battrerygg.content.readability import lix
from battrerygg.programme import library, services
from battrerygg.programme.models import Prescription

from .helpers import NOW, give

FEAR_CUES = {
    "sv": re.compile(r"rak rygg|ryggen rak|ryggen ska vara rak|runda inte|inte runda|"
                     r"\brund rygg|kröka? inte ryggen|krökt|sjunk inte ihop", re.IGNORECASE),
    "en": re.compile(r"a straight back|back straight|(do not|don.t|never) round|rounded back|"
                     r"not bent|do not slump", re.IGNORECASE),
}
STOP_RULE = "Avbryt om benet reagerar"


def _text(item) -> str:
    levels = " ".join(level.instruction for level in item.levels)
    return f"{item.title} {item.summary} {item.alt} {levels} {item.html}"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_rund_or_rak_rygg_fear_cues(language):
    """Rounding the back as the movement itself (cat and cow) is fine; warning against it is
    not."""
    for item in library.exercises(language):
        found = FEAR_CUES[language].search(_text(item))
        assert found is None, (item.slug, found.group(0) if found else "")


@pytest.mark.parametrize("slug", sorted(library.slugs()))
def test_swedish_exercise_texts_stay_easy_to_read(slug):
    assert lix(library.exercise("sv", slug).html) <= 40


def test_every_exercise_page_in_the_library_shows_the_stop_rule(client, cast):
    client.force_login(cast.physio)
    for slug in sorted(library.slugs()):
        html = client.get(f"/clinic/exercises/{slug}/").content.decode()
        assert STOP_RULE in html and "domningar eller stickningar" in html, slug


@time_machine.travel(NOW, tick=False)
def test_every_exercise_in_the_patients_programme_shows_the_stop_rule(client, cast):
    give(cast.physio, cast.patient)
    give(cast.physio, cast.patient, exercise="promenad", minutes=20)
    give(cast.physio, cast.patient, exercise="plankan", sets=2, repetitions=3)
    client.force_login(cast.patient.user)
    html = client.get("/exercises/").content.decode()
    # once at the top, for every exercise, and again in each exercise's how-to
    assert html.count(STOP_RULE) == html.count('class="card exercise"') + 1 == 4
    assert 'href="/red-flags/"' in html
    top = html.index(STOP_RULE)
    assert top < html.index('class="card exercise"')


@time_machine.travel(NOW, tick=False)
def test_the_log_page_of_an_exercise_shows_the_stop_rule(client, cast):
    item = give(cast.physio, cast.patient)
    client.force_login(cast.patient.user)
    assert STOP_RULE in client.get(f"/exercises/{item.pk}/log/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_the_stop_rule_is_translated(client, cast):
    cast.patient.user.language = "en"
    cast.patient.user.save()
    give(cast.physio, cast.patient)
    client.force_login(cast.patient.user)
    html = client.get("/exercises/").content.decode()
    assert "Stop if your leg reacts" in html and "numbness or tingling" in html


def test_holds_and_stretches_carry_their_hold_in_the_dose_not_the_text():
    for slug in ("baksida-lar-stretch", "hoftbojare-stretch", "plankan", "sidoplanka"):
        item = library.exercise("sv", slug)
        assert all(level.dose.hold_seconds for level in item.levels), slug
        assert not re.search(r"\d+ sekunder", " ".join(x.instruction for x in item.levels))


@time_machine.travel(NOW, tick=False)
def test_hold_progression_lengthens_hold_through_the_service(cast):
    item = give(cast.physio, cast.patient, exercise="baksida-lar-stretch", sets=1,
                repetitions=2)
    services.change_dose(cast.physio, item, level=1, sets=1, repetitions=2, hold_seconds=20,
                         version=item.version)
    item.refresh_from_db()
    assert services.progress(cast.physio, item, version=item.version)
    item.refresh_from_db()
    assert (item.sets, item.repetitions, item.hold_seconds) == (1, 2, 25)


@time_machine.travel(NOW, tick=False)
def test_active_sitting_progresses_by_breaks_through_the_service(client, cast):
    item = give(cast.physio, cast.patient, exercise="sitta-aktivt", minutes=45)
    assert services.progress(cast.physio, item, version=item.version)
    item.refresh_from_db()
    assert item.minutes == 36  # a break sooner, never longer sitting
    client.force_login(cast.patient.user)
    html = client.get("/exercises/").content.decode()
    assert "res dig efter högst 36 minuters sittande" in html


@time_machine.travel(NOW, tick=False)
def test_a_strength_exercise_carries_a_load_and_progresses_by_it(client, cast):
    item, _ = services.prescribe(
        cast.physio, cast.patient,
        services.PrescriptionInput(exercise="uppresning-fran-stol", level=3, sets=3,
                                   repetitions=10, load_kg=Decimal("4"), frequency_per_week=3),
        submission_key=uuid.uuid4(), now=NOW,
    )
    assert services.progress(cast.physio, item, version=item.version)
    item.refresh_from_db()
    assert (item.sets, item.repetitions, item.load_kg) == (3, 10, Decimal("5"))
    client.force_login(cast.patient.user)
    html = client.get("/exercises/").content.decode()
    assert "3 × 10 repetitioner med 5 kg" in html


@time_machine.travel(NOW, tick=False)
def test_the_physiotherapist_prescribes_a_band_from_the_form(client, cast):
    client.force_login(cast.physio)
    url = f"/clinic/patients/{cast.patient.ref}/programme/"
    key = re.search(r'name="submission_key" value="([^"]+)"',
                    client.get(url).content.decode()).group(1)
    form = {"exercise": "skulderbladsknip", "level": "3", "sets": "3", "repetitions": "10",
            "minutes": "", "band": "medium", "frequency_per_week": "3", "notes": "",
            "submission_key": key}
    assert client.post(url, form).status_code == 302
    item = Prescription.objects.get()
    assert item.band == "medium"
    assert "3 × 10 repetitioner med ett medelstarkt gummiband" in client.get(url).content.decode()
    bad = client.post(url, {**form, "submission_key": str(uuid.uuid4()), "load_kg": "2"})
    assert bad.status_code == 400 and "högst en av" in bad.content.decode()
