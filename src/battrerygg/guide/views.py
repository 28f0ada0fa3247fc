"""The public self-care guide (SPEC P1)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from battrerygg.guide import content


def index(request: HttpRequest) -> HttpResponse:
    """All lessons in reading order."""
    return render(request, "guide/index.html", {"lessons": content.lessons(request.LANGUAGE_CODE)})


def lesson(request: HttpRequest, slug: str) -> HttpResponse:
    """One lesson with its illustrations and links to the previous and next lesson."""
    all_lessons = content.lessons(request.LANGUAGE_CODE)
    found = content.lesson(request.LANGUAGE_CODE, slug)
    if found is None:
        raise Http404
    index = all_lessons.index(found)
    return render(
        request,
        "guide/lesson.html",
        {
            "lesson": found,
            "previous": all_lessons[index - 1] if index > 0 else None,
            "next": all_lessons[index + 1] if index + 1 < len(all_lessons) else None,
            "illustration_templates": [
                f"guide/illustrations/{key}.svg" for key in found.illustrations
            ],
        },
    )
