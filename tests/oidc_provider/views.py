"""The control API the fixture uses (users with claims, redirect URIs) and the login page."""

from __future__ import annotations

import hmac
import json
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oauth2_provider.models import get_application_model

from . import state


def _authorised(request: HttpRequest) -> bool:
    given = request.headers.get("X-Control-Token", "")
    return bool(state.CONTROL_TOKEN) and hmac.compare_digest(given, state.CONTROL_TOKEN)


def _body(request: HttpRequest) -> dict[str, Any]:
    data = json.loads(request.body or b"{}")
    if not isinstance(data, dict):
        raise ValueError("a JSON object is expected")
    return data


@csrf_exempt
@require_POST
def add_user(request: HttpRequest) -> HttpResponse:
    """{"username", "password", "claims": {...}}: create or update a test user."""
    if not _authorised(request):
        return HttpResponse(status=403)
    data = _body(request)
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(username=data["username"])
    user.set_password(data["password"])
    user.save()
    with state.LOCK:
        state.CLAIMS[user.get_username()] = dict(data.get("claims") or {})
    return JsonResponse({"username": user.get_username(), "sub": str(user.pk)})


@csrf_exempt
@require_POST
def add_redirect_uris(request: HttpRequest) -> HttpResponse:
    """{"client_id", "uris": [...]}: allow more redirect URIs for a client."""
    if not _authorised(request):
        return HttpResponse(status=403)
    data = _body(request)
    app = get_application_model().objects.get(client_id=data["client_id"])
    uris = app.redirect_uris.split()
    uris += [uri for uri in data["uris"] if uri not in uris]
    app.redirect_uris = " ".join(uris)
    app.save(update_fields=["redirect_uris"])
    return JsonResponse({"redirect_uris": uris})


def discovery(request: HttpRequest) -> HttpResponse:
    """django-oauth-toolkit's discovery document, with every endpoint on this provider's
    own address even when it names another issuer (``--issuer``): a provider that signs
    in another issuer's name but serves its own endpoints."""
    from urllib.parse import urlsplit, urlunsplit

    from oauth2_provider.views import ConnectDiscoveryInfoView

    response = ConnectDiscoveryInfoView.as_view()(request)
    document = json.loads(response.content)
    origin = urlsplit(request.build_absolute_uri("/"))
    for key, value in list(document.items()):
        if isinstance(value, str) and (key.endswith("_endpoint") or key == "jwks_uri"):
            parts = urlsplit(value)
            document[key] = urlunsplit((origin.scheme, origin.netloc, parts.path,
                                        parts.query, parts.fragment))
    return JsonResponse(document)
