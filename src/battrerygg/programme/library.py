"""The exercise library, loaded from Markdown files with front matter (SPEC T3).

Files: ``battrerygg/content/exercises/<language>/<slug>.md``, the same slug in every
language; pictures ``programme/static/programme/exercises/<slug>.svg`` (our own drawings).
Front matter: slug, category (strength, mobility, posture, fitness), order, title, summary,
alt (the picture's text alternative), optionally ``progression: breaks`` (breaks from
sitting: the minutes are the longest stretch of sitting, and progress shortens them; see
clinical.dosing), and levels: a list (2–3) of {instruction, and either sets + repetitions
(optionally with hold_seconds, load_kg or band) or minutes}, the level's default dose. Holds
and stretches give the hold in hold_seconds, not in the instruction, so that progress (which
lengthens the hold) and the text never disagree. The body has four sections:
purpose, how to, what to feel, common mistakes. The language-neutral data (category, order,
doses) must agree between languages; ``exercises`` raises LibraryError when it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import frontmatter
import markdown
from django.utils.translation import get_language

from battrerygg.clinical.dosing import Band, Dose, DoseError

PACKAGE = Path(__file__).resolve().parent.parent
CONTENT_DIR = PACKAGE / "content" / "exercises"
PICTURE_DIR = Path(__file__).resolve().parent / "static" / "programme" / "exercises"
LANGUAGES = ("sv", "en")
CATEGORIES = ("strength", "mobility", "posture", "fitness")
MIN_LEVELS, MAX_LEVELS = 2, 3


class LibraryError(ValueError):
    """An exercise file that breaks the format above."""


@dataclass(frozen=True)
class Level:
    """One level of an exercise (number 1 = easiest) with its default dose."""

    number: int
    instruction: str
    dose: Dose


@dataclass(frozen=True)
class Exercise:
    """One exercise in one language. ``html``: the rendered description."""

    slug: str
    language: str
    category: str
    order: int
    title: str
    summary: str
    alt: str
    levels: tuple[Level, ...]
    html: str
    breaks: bool = False  # progression by breaks from sitting (front matter "progression")

    @property
    def picture(self) -> str:
        """Static path of the exercise's picture."""
        return f"programme/exercises/{self.slug}.svg"

    @property
    def level_doses(self) -> tuple[Dose, ...]:
        """Default dose per level, as clinical.dosing wants them."""
        return tuple(level.dose for level in self.levels)

    def level(self, number: int) -> Level | None:
        """Level by number (1-based), or None."""
        return self.levels[number - 1] if 1 <= number <= len(self.levels) else None


def _dose(raw: dict[str, object], where: str) -> Dose:
    try:
        load = raw.get("load_kg")
        band = raw.get("band")
        return Dose(
            sets=raw.get("sets"),  # type: ignore[arg-type]
            repetitions=raw.get("repetitions"),  # type: ignore[arg-type]
            minutes=raw.get("minutes"),  # type: ignore[arg-type]
            hold_seconds=raw.get("hold_seconds"),  # type: ignore[arg-type]
            load_kg=None if load is None else Decimal(str(load)),
            band=None if band is None else Band(str(band)),
        )
    except (DoseError, ValueError, InvalidOperation) as exc:
        raise LibraryError(f"{where}: {exc}") from None


def _load(path: Path, language: str) -> Exercise:
    post = frontmatter.load(path)
    where = str(path)
    if post.get("slug") != path.stem:
        raise LibraryError(f"{where}: slug must be the file name")
    if post.get("category") not in CATEGORIES:
        raise LibraryError(f"{where}: category must be one of {CATEGORIES}")
    raw_levels = post.get("levels") or []
    if not MIN_LEVELS <= len(raw_levels) <= MAX_LEVELS:
        raise LibraryError(f"{where}: {MIN_LEVELS}–{MAX_LEVELS} levels needed")
    levels = tuple(
        Level(n, str(raw["instruction"]), _dose(raw, f"{where} level {n}"))
        for n, raw in enumerate(raw_levels, 1)
    )
    for key in ("title", "summary", "alt"):
        if not str(post.get(key, "")).strip():
            raise LibraryError(f"{where}: {key} is required")
    progression = post.get("progression")
    if progression not in (None, "breaks"):
        raise LibraryError(f"{where}: progression must be 'breaks' or left out")
    if progression == "breaks" and not all(level.dose.timed for level in levels):
        raise LibraryError(f"{where}: progression by breaks needs doses in minutes")
    return Exercise(
        slug=path.stem, language=language, category=str(post["category"]),
        order=int(post.get("order", 0)), title=str(post["title"]), summary=str(post["summary"]),
        alt=str(post["alt"]), levels=levels,
        html=markdown.markdown(post.content, extensions=["sane_lists"], output_format="html"),
        breaks=progression == "breaks",
    )


def _neutral(item: Exercise) -> tuple[object, ...]:
    return (item.category, item.order, item.level_doses, item.breaks)


@cache
def _all() -> dict[str, dict[str, Exercise]]:
    found = {
        lang: {p.stem: _load(p, lang) for p in sorted((CONTENT_DIR / lang).glob("*.md"))}
        for lang in LANGUAGES
    }
    if set(found["sv"]) != set(found["en"]):
        raise LibraryError(
            f"exercises missing a language: {sorted(set(found['sv']) ^ set(found['en']))}"
        )
    for slug, item in found["sv"].items():
        if _neutral(item) != _neutral(found["en"][slug]):
            raise LibraryError(
                f"{slug}: category, order, doses or progression differ between languages"
            )
        if not (PICTURE_DIR / f"{slug}.svg").is_file():
            raise LibraryError(f"{slug}: picture {slug}.svg missing")
    return found


def exercises(language: str, category: str | None = None) -> tuple[Exercise, ...]:
    """The library in a language ("sv" or "en"; other → sv), ordered by category and order.

    category: one of CATEGORIES to filter, None for all. Raises LibraryError when the
    content files are broken (checked once, at startup).
    """
    items = _all().get(language) or _all()["sv"]
    chosen = [x for x in items.values() if category is None or x.category == category]
    return tuple(sorted(chosen, key=lambda x: (CATEGORIES.index(x.category), x.order, x.slug)))


def exercise(language: str, slug: str) -> Exercise | None:
    """One exercise by slug in a language (other languages → sv), or None."""
    items = _all().get(language) or _all()["sv"]
    return items.get(slug)


def slugs() -> frozenset[str]:
    """Every slug in the library."""
    return frozenset(_all()["sv"])


def language() -> str:
    """The reader's language for library content: "sv" or "en" (the active language)."""
    return (get_language() or "sv")[:2]
