"""An e-ID login with Django's test client through the real test provider
(tests/oidc_provider): configure the product for it, start a login, log in at the
provider's form (with requests, as a browser would), and come back to the callback.

The provider runs on the real clock; a test on a frozen clock (time_machine) logs in on
the real one (``real_time``), so the id token is not "issued in the future"."""

from __future__ import annotations

import copy
import html
import re
from contextlib import contextmanager
from datetime import UTC, datetime
from urllib.parse import urljoin, urlparse

import requests
import time_machine

from tests.oidc_provider.fixture import COORDINATION_CLAIM, HSA_CLAIM, PNR_CLAIM, PNR_SCOPE

LOGIN_PATH = "/accounts/oidc/region/login/"
CALLBACK_PATH = "/accounts/oidc/region/login/callback/"
ISSUER_UNSET = object()


def configure(settings, provider, *, issuer: object = ISSUER_UNSET, **overrides) -> None:
    """Point the product's SSO settings at ``provider`` (the ``settings`` fixture).
    issuer: the issuer the product trusts (default: the provider's own)."""
    trusted = provider.issuer if issuer is ISSUER_UNSET else issuer
    settings.SSO_ENABLED = True
    settings.SSO_ISSUER = trusted
    settings.SSO_CLIENT_ID = provider.client_id
    settings.SSO_CLIENT_SECRET = provider.client_secret
    settings.SSO_SCOPES = ["openid", "profile", "email", PNR_SCOPE]
    settings.SSO_PNR_CLAIM = PNR_CLAIM
    settings.SSO_COORDINATION_CLAIM = COORDINATION_CLAIM
    settings.SSO_STAFF_CLAIM = HSA_CLAIM
    settings.SSO_STAFF_FIELD = "hsa_id"
    settings.SSO_STAFF_ACR_VALUES = ["http://id.elegnamnden.se/loa/1.0/loa3"]
    settings.SSO_TRUST_BROKER_FOR_STAFF = False
    settings.SSO_STAFF_PASSWORDS = True
    for name, value in overrides.items():
        setattr(settings, name, value)
    providers = {**settings.SOCIALACCOUNT_PROVIDERS}
    providers["openid_connect"] = {**providers["openid_connect"], "APPS": [{
        "provider_id": "region", "name": "e-ID", "client_id": provider.client_id,
        "secret": provider.client_secret,
        "settings": {"server_url": f"{provider.issuer}/.well-known/openid-configuration",
                     "oauth_pkce_enabled": True, "scope": settings.SSO_SCOPES,
                     "fetch_userinfo": True},
    }]}
    settings.SOCIALACCOUNT_PROVIDERS = providers
    # The login button's redirect to the provider is checked against form-action.
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"] = ["'self'", provider.issuer]
    settings.CONTENT_SECURITY_POLICY = policy


@contextmanager
def real_time():
    """The real clock inside a test that froze time (no-op on the real clock)."""
    if not time_machine.escape_hatch.is_travelling():
        yield
        return
    now = time_machine.escape_hatch.time.time()
    with time_machine.travel(datetime.fromtimestamp(now, tz=UTC), tick=True):
        yield


def provider_login(authorize_url: str, username: str, password: str) -> str:
    """Log in at the test provider's form; return the URL it sends the browser back to."""
    session = requests.Session()
    page = session.get(authorize_url, timeout=10)
    assert page.status_code == 200, page.text[:300]
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    next_url = html.unescape(re.search(r'name="next" value="([^"]*)"', page.text).group(1))
    response = session.post(page.url, allow_redirects=False, timeout=10, data={
        "csrfmiddlewaretoken": csrf, "username": username, "password": password,
        "next": next_url})
    for _ in range(5):
        location = response.headers.get("Location", "")
        if CALLBACK_PATH in location:
            return location
        assert response.status_code == 302, (response.status_code, response.text[:300])
        response = session.get(urljoin(response.url, location), allow_redirects=False,
                               timeout=10)
    raise AssertionError("the provider did not send the browser back")


def give_confirmed_hsa_id(user, hsa_id: str) -> None:
    """Give ``user`` an HSA-id its owner has confirmed (``User.hsa_id_confirmed_at``), as
    after the confirmation on their login and security page: single sign-on logs staff in
    only by a confirmed one (``access.may_sign_on_by_hsa_id``)."""
    from django.utils import timezone

    user.hsa_id = hsa_id
    user.hsa_id_confirmed_at = timezone.now()
    user.save(update_fields=["hsa_id", "hsa_id_confirmed_at"])


def start(client, next_url: str | None = None):
    """POST the login button; returns the response (a redirect to the provider)."""
    data = {"process": "login", **({"next": next_url} if next_url else {})}
    return client.post(LOGIN_PATH, data)


def callback_path(location: str) -> str:
    parsed = urlparse(location)
    return f"{parsed.path}?{parsed.query}"


def sso_login(client, username: str, password: str):
    """The whole login; returns the callback's response."""
    with real_time():
        response = start(client)
        assert response.status_code == 302, response.status_code
        back = provider_login(response["Location"], username, password)
        return client.get(callback_path(back))
