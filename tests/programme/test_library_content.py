"""The exercise library: our own content, complete in Swedish and English, with pictures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from battrerygg.content.readability import lix
from battrerygg.programme import library

SVG = "{http://www.w3.org/2000/svg}"


def test_at_least_22_exercises_in_every_category_and_both_languages():
    sv, en = library.exercises("sv"), library.exercises("en")
    assert len(sv) >= 22
    assert [x.slug for x in sv] == [x.slug for x in en]
    assert {x.category for x in sv} == set(library.CATEGORIES)
    for category in library.CATEGORIES:
        assert len(library.exercises("sv", category)) >= 4


@pytest.mark.parametrize("slug", sorted(library.slugs()))
def test_each_exercise_is_complete(slug):
    sv, en = library.exercise("sv", slug), library.exercise("en", slug)
    assert sv.category in library.CATEGORIES
    assert 2 <= len(sv.levels) <= 3 and len(sv.levels) == len(en.levels)
    assert sv.level_doses == en.level_doses
    assert sv.title != en.title or sv.slug == "plankan"
    for item in (sv, en):
        assert item.alt and item.summary
        assert item.html.count("<h2>") == 4  # purpose, how, feel, mistakes
        assert all(level.instruction for level in item.levels)


@pytest.mark.parametrize("slug", sorted(library.slugs()))
def test_swedish_descriptions_are_easy_to_read(slug):
    item = library.exercise("sv", slug)
    path = library.CONTENT_DIR / "sv" / f"{slug}.md"
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    assert lix(body) <= 40, item.title


@pytest.mark.parametrize("slug", sorted(library.slugs()))
def test_each_picture_is_our_own_accessible_svg(slug):
    text = (library.PICTURE_DIR / f"{slug}.svg").read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 240 160"
    assert root.find(f"{SVG}title").text.strip()
    assert root.find(f"{SVG}desc").text.strip()
    assert "href" not in text and "<image" not in text and "<script" not in text


def test_broken_content_is_refused(tmp_path):
    (tmp_path / "sv").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "sv" / "x.md").write_text(
        "---\nslug: x\ncategory: yoga\ntitle: X\nsummary: s\nalt: a\nlevels: []\n---\n",
        encoding="utf-8",
    )
    with pytest.raises(library.LibraryError, match="category"):
        library._load(tmp_path / "sv" / "x.md", "sv")
    (tmp_path / "sv" / "x.md").write_text(
        "---\nslug: x\ncategory: strength\ntitle: X\nsummary: s\nalt: a\nlevels:\n"
        "- {instruction: a, sets: 0, repetitions: 5}\n- {instruction: b, minutes: 5}\n---\n",
        encoding="utf-8",
    )
    with pytest.raises(library.LibraryError, match="sets"):
        library._load(tmp_path / "sv" / "x.md", "sv")
