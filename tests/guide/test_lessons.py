"""The self-care guide: every lesson in both languages, plain Swedish, our illustrations."""

from __future__ import annotations

import re

import pytest

from battrerygg.content.readability import lix
from battrerygg.guide.content import ILLUSTRATIONS, lessons


def test_every_lesson_exists_in_swedish_and_english():
    assert [x.slug for x in lessons("sv")] == [x.slug for x in lessons("en")]
    assert len(lessons("sv")) >= 10


@pytest.mark.parametrize("lesson", lessons("sv"), ids=lambda x: x.slug)
def test_swedish_lessons_are_easy_to_read(lesson):
    assert lix(lesson.body) <= 40


def test_the_five_illustrations_are_used():
    used = {key for lesson in lessons("sv") for key in lesson.illustrations}
    assert used == set(ILLUSTRATIONS)


def test_lix_of_known_text():
    # 6 words, 1 sentence, 2 long words ("belastning", "ryggraden"): 6 + 33.3
    assert lix("Ryggraden tål belastning bra varje dag.") == pytest.approx(6 + 200 / 6)
    with pytest.raises(ValueError):
        lix("")


def test_lesson_page_shows_illustrations_with_text_alternatives(client, db):
    for lesson in lessons("sv"):
        html = client.get(f"/guide/{lesson.slug}/").content.decode()
        assert html.count('role="img"') == len(lesson.illustrations)
        for key in lesson.illustrations:
            assert f'id="ill-{key}-desc"' in html
            desc = re.search(rf'<desc id="ill-{key}-desc">([^<]+)</desc>', html)
            assert desc and len(desc.group(1)) > 20


def test_unknown_lesson_is_404(client, db):
    assert client.get("/guide/nope/").status_code == 404
