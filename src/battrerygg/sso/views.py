"""The page that says why an e-ID login did not log anyone in.

A refused login is redirected here (``adapter.refusal_response``), so the callback's code
and state do not stay in the address bar, a reload replays nothing, and switching the
language shows the same page again."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from battrerygg.sso.texts import MESSAGES, TITLES, Refusal


def refused(request: HttpRequest, reason: str) -> HttpResponse:
    try:
        why = Refusal(reason)
    except ValueError:
        raise Http404 from None
    return render(request, "sso/refused.html", {"title": TITLES[why], "message": MESSAGES[why]})
