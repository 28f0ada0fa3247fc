"""Run the test OpenID provider as a subprocess: ``start_provider()`` (a context manager)
and the session fixture ``oidc_provider`` built on it.

    with start_provider(redirect_uris=[...]) as provider:
        provider.issuer                  # "http://127.0.0.1:<port>"
        provider.add_user("anna", "pw", {PNR_CLAIM: "191212121212"})
        provider.allow_redirect_uri("http://127.0.0.1:8081/accounts/oidc/region/login/callback/")
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PNR_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"
COORDINATION_CLAIM = "https://id.oidc.se/claim/coordinationNumber"
PNR_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber"
HSA_CLAIM = "hsa_id"
START_TIMEOUT_S = 60
# Where the product's OIDC callback is for Django's test client.
TESTSERVER_CALLBACK = "http://testserver/accounts/oidc/region/login/callback/"


@dataclass
class OidcProvider:
    """A running test provider: its address (the issuer), the registered client, and the
    control API to add users and redirect URIs."""

    issuer: str
    client_id: str
    client_secret: str
    control_token: str
    process: subprocess.Popen[str]

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def _post(self, path: str, data: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            f"{self.issuer}{path}", data=json.dumps(data).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/json", "X-Control-Token": self.control_token},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            answer: dict[str, Any] = json.loads(response.read())
        return answer

    def add_user(self, username: str, password: str, claims: dict[str, Any]) -> str:
        """Create (or replace the password and claims of) a user; returns its ``sub``."""
        answer = self._post("/_control/users",
                            {"username": username, "password": password, "claims": claims})
        return str(answer["sub"])

    def allow_redirect_uri(self, *uris: str) -> None:
        self._post("/_control/redirect-uris", {"client_id": self.client_id, "uris": list(uris)})


def _wait_until_ready(process: subprocess.Popen[str], log: Path) -> int:
    """Read the provider's ``READY <port>`` line; raise (with its log) if it exits first."""
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("READY "):
        process.kill()
        process.communicate(timeout=10)
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"the test OpenID provider did not start: {line!r}\n{tail}")
    return int(line.split()[1])


def _wait_for_discovery(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise RuntimeError("the test OpenID provider stopped while starting")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status == 200 and "issuer" in json.loads(response.read()):
                    return
        except (urllib.error.URLError, ConnectionError, ValueError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"no answer from {url} within {START_TIMEOUT_S} s")
        time.sleep(0.1)  # waiting for another process to listen, not for test time


@contextmanager
def start_provider(redirect_uris: list[str] | None = None, issuer: str = "",
                   client_id: str = "battrerygg",
                   client_secret: str | None = None) -> Iterator[OidcProvider]:
    """Start a provider process, yield it once discovery answers, stop it afterwards.

    issuer: leave empty for the provider's own address; give another to make a provider
    that signs tokens in another issuer's name."""
    control_token = secrets.token_urlsafe(24)
    client_secret = client_secret or secrets.token_urlsafe(24)
    command = [sys.executable, "-m", "tests.oidc_provider", "--client-id", client_id,
               "--client-secret", client_secret]
    for uri in redirect_uris or []:
        command += ["--redirect-uri", uri]
    if issuer:
        command += ["--issuer", issuer]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update({"OIDC_TEST_CONTROL_TOKEN": control_token, "PYTHONPATH": str(ROOT),
                "PYTHONUNBUFFERED": "1"})
    # Its log goes to a file (a pipe nobody reads could fill and stop the provider).
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in the finally below
        mode="w+", prefix="oidc-provider-", suffix=".log", delete=False)
    process = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log, text=True,
    )
    try:
        port = _wait_until_ready(process, Path(log.name))
        base = f"http://127.0.0.1:{port}"
        _wait_for_discovery(f"{base}/.well-known/openid-configuration", process)
        yield OidcProvider(issuer=base, client_id=client_id, client_secret=client_secret,
                           control_token=control_token, process=process)
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
        log.close()
        Path(log.name).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[OidcProvider]:
    """The test OpenID provider for the whole session (started on first use)."""
    with start_provider(redirect_uris=[TESTSERVER_CALLBACK]) as provider:
        yield provider
