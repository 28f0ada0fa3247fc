"""Every page of the product, as (user-kind, path): used by the i18n and host checks."""

from __future__ import annotations

PUBLIC = [
    "/",
    "/guide/",
    "/red-flags/",
    "/accounts/login/",
    "/does-not-exist/",
]
PATIENT = [
    "/",
    "/diary/",
    "/diary/new/",
    "/flare-up-plan/",
    "/flare-up-plan/edit/",
    "/flare-up-plan/print/",
    "/accounts/password/",
    "/questionnaires/",
    "/questionnaires/history/odi/",
]


def lesson_paths() -> list[str]:
    from battrerygg.guide.content import lessons

    return [f"/guide/{lesson.slug}/" for lesson in lessons("sv")]
