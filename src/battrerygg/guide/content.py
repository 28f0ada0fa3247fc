"""The self-care guide's lessons, loaded from Markdown files with front matter.

Files: ``battrerygg/content/lessons/<language>/<NN-slug>.md``; the same file name in every
language. Front matter: title, summary, order, optional illustration (and illustration2),
the key of an SVG template in ``guide/templates/guide/illustrations/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import frontmatter
import markdown

LESSON_DIR = Path(__file__).resolve().parent.parent / "content" / "lessons"
ILLUSTRATIONS = ("pain-brain", "balance", "imbalance", "pain-monitoring", "restore-balance")


@dataclass(frozen=True)
class Lesson:
    """One lesson in one language. ``html`` is the rendered Markdown body."""

    slug: str
    language: str
    title: str
    summary: str
    order: int
    illustrations: tuple[str, ...]
    body: str
    html: str


def _load(path: Path, language: str) -> Lesson:
    post = frontmatter.load(path)
    illustrations = tuple(
        str(post[key]) for key in ("illustration", "illustration2") if post.get(key)
    )
    unknown = set(illustrations) - set(ILLUSTRATIONS)
    if unknown:
        raise ValueError(f"{path}: unknown illustration {sorted(unknown)}")
    return Lesson(
        slug=path.stem,
        language=language,
        title=str(post["title"]),
        summary=str(post.get("summary", "")),
        order=int(post.get("order", 0)),
        illustrations=illustrations,
        body=post.content,
        html=markdown.markdown(post.content, extensions=["sane_lists"], output_format="html"),
    )


@cache
def lessons(language: str) -> tuple[Lesson, ...]:
    """All lessons of a language ("sv" or "en"), in reading order. Unknown language → sv."""
    folder = LESSON_DIR / language
    if not folder.is_dir():
        folder, language = LESSON_DIR / "sv", "sv"
    found = [_load(p, language) for p in sorted(folder.glob("*.md"))]
    return tuple(sorted(found, key=lambda lesson: (lesson.order, lesson.slug)))


def lesson(language: str, slug: str) -> Lesson | None:
    """A lesson by slug, or None."""
    return next((item for item in lessons(language) if item.slug == slug), None)


def lesson_by_illustration(language: str, key: str) -> Lesson | None:
    """The lesson that shows a given illustration, or None."""
    return next((item for item in lessons(language) if key in item.illustrations), None)
