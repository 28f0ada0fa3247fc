"""The test OpenID provider itself (tests/oidc_provider): a code flow with PKCE and a
nonce, as a relying party does it, gives a signed RS256 id token with the test user's
claims; without PKCE the provider refuses. No Django of ours is involved."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets
from urllib.parse import parse_qs, urljoin, urlparse

import jwt
import pytest
import requests

from tests.oidc_provider.fixture import HSA_CLAIM, PNR_CLAIM, PNR_SCOPE, TESTSERVER_CALLBACK

REDIRECT = TESTSERVER_CALLBACK


def _login(provider, username: str, password: str, **params) -> dict[str, list[str]]:
    """Authorize as ``username`` through the login form; return the query of the redirect
    back to the client (not followed: testserver is no real host)."""
    session = requests.Session()
    query = {"response_type": "code", "client_id": provider.client_id, "redirect_uri": REDIRECT,
             "scope": f"openid email profile {PNR_SCOPE}", "state": "s1", **params}
    page = session.get(f"{provider.issuer}/authorize/", params=query, timeout=10)
    assert page.status_code == 200 and "Test e-ID provider" in page.text
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    next_url = html.unescape(re.search(r'name="next" value="([^"]+)"', page.text).group(1))
    response = session.post(page.url, timeout=10, allow_redirects=False, data={
        "csrfmiddlewaretoken": csrf, "username": username, "password": password,
        "next": next_url})
    for _ in range(5):
        location = response.headers.get("Location", "")
        if location.startswith(REDIRECT):
            return parse_qs(urlparse(location).query)
        if response.status_code != 302:
            return {"page_status": [str(response.status_code)]}
        response = session.get(urljoin(response.url, location), timeout=10,
                               allow_redirects=False)
    raise AssertionError("no redirect to the client")


def _token(provider, code: str, verifier: str) -> dict:
    config = requests.get(provider.discovery_url, timeout=10).json()
    return requests.post(config["token_endpoint"], timeout=10, data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
        "client_id": provider.client_id, "client_secret": provider.client_secret,
        "code_verifier": verifier}).json()


def _pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    return verifier, challenge.rstrip(b"=").decode()


def test_code_flow_with_pkce_gives_a_signed_id_token_with_the_users_claims(oidc_provider):
    oidc_provider.add_user("anna", "anna-pw", {
        PNR_CLAIM: "191212121212", HSA_CLAIM: "SE2321000016-ANNA",
        "email": "anna@example.se", "email_verified": True, "name": "Anna Exempel"})
    verifier, challenge = _pkce()
    query = _login(oidc_provider, "anna", "anna-pw", nonce="n-123",
                   code_challenge=challenge, code_challenge_method="S256")
    assert query["state"] == ["s1"]
    token = _token(oidc_provider, query["code"][0], verifier)
    config = requests.get(oidc_provider.discovery_url, timeout=10).json()
    keys = jwt.PyJWKClient(config["jwks_uri"])
    signing_key = keys.get_signing_key_from_jwt(token["id_token"])
    claims = jwt.decode(token["id_token"], signing_key.key, algorithms=["RS256"],
                        audience=oidc_provider.client_id, issuer=oidc_provider.issuer)
    assert claims["nonce"] == "n-123"
    assert claims[PNR_CLAIM] == "191212121212"
    assert claims[HSA_CLAIM] == "SE2321000016-ANNA"
    assert claims["email"] == "anna@example.se"
    userinfo = requests.get(config["userinfo_endpoint"], timeout=10,
                            headers={"Authorization": f"Bearer {token['access_token']}"}).json()
    assert userinfo[PNR_CLAIM] == "191212121212"
    assert userinfo["sub"] == claims["sub"]


def test_the_identity_number_needs_its_scope(oidc_provider):
    oidc_provider.add_user("bertil", "bertil-pw", {PNR_CLAIM: "198112189876"})
    verifier, challenge = _pkce()
    query = _login(oidc_provider, "bertil", "bertil-pw", scope="openid email",
                   code_challenge=challenge, code_challenge_method="S256")
    token = _token(oidc_provider, query["code"][0], verifier)
    assert PNR_CLAIM not in jwt.decode(token["id_token"], options={"verify_signature": False})


PLAIN = {"code_challenge": "x" * 43, "code_challenge_method": "plain"}


@pytest.mark.parametrize("pkce", [{}, PLAIN], ids=["no PKCE", "plain PKCE"])
def test_no_code_without_s256_pkce(oidc_provider, pkce):
    oidc_provider.add_user("cecilia", "cecilia-pw", {})
    query = _login(oidc_provider, "cecilia", "cecilia-pw", **pkce)
    assert "code" not in query
    assert "error" in query or int(query["page_status"][0]) >= 400
