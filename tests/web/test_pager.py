"""One pager for the lists shown newest first (the patient's two log pages, the
physiotherapist's timeline): its links keep what the list is filtered by and its anchor."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template import Context, Template


def _render(source: str, number: int, **context) -> str:
    page = Paginator(range(50), 10).page(number)
    return Template(source).render(Context({"page": page, **context}))


def test_the_pager_links_keep_the_filter_and_the_anchor():
    html = _render('{% include "web/_pager.html" with anchor="#timeline" %}', 2,
                   query="show=diary&")
    assert 'href="?show=diary&amp;page=1#timeline"' in html
    assert 'href="?show=diary&amp;page=3#timeline"' in html


def test_without_a_filter_the_links_name_the_page_only():
    html = _render('{% include "web/_pager.html" %}', 1)
    assert 'href="?page=2"' in html and "page=0" not in html


def test_one_page_shows_no_pager():
    page = Paginator(range(5), 10).page(1)
    assert "pager" not in Template('{% include "web/_pager.html" %}').render(
        Context({"page": page}))
