"""The BATTRERYGG_OIDC_* variables: read as documented (README: Configuration), the secret
from a file before the variable, and a wrong or incomplete configuration fails loudly at
start. Each case runs the settings in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PRINT = ("import json, battrerygg.settings as s; print(json.dumps({k: getattr(s, k) for k in "
         "dir(s) if k.startswith('SSO_')} | {'apps': s.SOCIALACCOUNT_PROVIDERS"
         "['openid_connect']['APPS']}))")


def _settings(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("BATTRERYGG_OIDC_")}
    full.update({"BATTRERYGG_DATA_DIR": str(tmp_path), **env})
    full.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", PRINT], env=full, capture_output=True,
                          text=True, check=False)


def _read(tmp_path, **env: str) -> dict:
    done = _settings(tmp_path, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_off_by_default(tmp_path):
    got = _read(tmp_path)
    assert got["SSO_ENABLED"] is False and got["apps"] == []
    assert got["SSO_PNR_CLAIM"] == "https://id.oidc.se/claim/personalIdentityNumber"
    assert got["SSO_STAFF_PASSWORDS"] is True


def test_configured_with_a_secret_file_that_wins(tmp_path):
    secret = tmp_path / "oidc-secret"
    secret.write_text("from-the-file\n", encoding="utf-8")
    got = _read(tmp_path, BATTRERYGG_OIDC_ISSUER="https://idp.region.example.se",
                BATTRERYGG_OIDC_CLIENT_ID="battrerygg",
                BATTRERYGG_OIDC_CLIENT_SECRET="from-the-variable",
                BATTRERYGG_OIDC_CLIENT_SECRET_FILE=str(secret),
                BATTRERYGG_OIDC_SCOPES="openid, https://id.oidc.se/scope/naturalPersonNumber",
                BATTRERYGG_OIDC_PNR_CLAIM="ssn", BATTRERYGG_OIDC_STAFF_CLAIM="hsaid",
                BATTRERYGG_OIDC_STAFF_ACR_VALUES="loa3,loa4",
                BATTRERYGG_OIDC_STAFF_PASSWORDS="false")
    assert got["SSO_ENABLED"] is True
    assert got["SSO_CLIENT_SECRET"] == "from-the-file"
    [app] = got["apps"]
    assert app["secret"] == "from-the-file" and app["provider_id"] == "region"
    assert app["settings"]["server_url"] == (
        "https://idp.region.example.se/.well-known/openid-configuration")
    assert app["settings"]["oauth_pkce_enabled"] is True
    assert app["settings"]["scope"] == ["openid", "https://id.oidc.se/scope/naturalPersonNumber"]
    assert got["SSO_PNR_CLAIM"] == "ssn" and got["SSO_STAFF_CLAIM"] == "hsaid"
    assert got["SSO_STAFF_ACR_VALUES"] == ["loa3", "loa4"]
    assert got["SSO_STAFF_PASSWORDS"] is False
    assert got["SSO_FORM_ACTION"] == ["https://idp.region.example.se"]


@pytest.mark.parametrize(("env", "message"), [
    ({"BATTRERYGG_OIDC_ISSUER": "https://idp.example.se"}, "BATTRERYGG_OIDC_CLIENT_ID"),
    ({"BATTRERYGG_OIDC_ISSUER": "https://idp.example.se", "BATTRERYGG_OIDC_CLIENT_ID": "c",
      "BATTRERYGG_OIDC_CLIENT_SECRET": "s", "BATTRERYGG_OIDC_SCOPES": "profile"},
     "must include openid"),
    ({"BATTRERYGG_OIDC_STAFF_FIELD": "phone"}, "hsa_id or email"),
    ({"BATTRERYGG_OIDC_ISSUER": "http://idp.example.se", "BATTRERYGG_OIDC_CLIENT_ID": "c",
      "BATTRERYGG_OIDC_CLIENT_SECRET": "s", "BATTRERYGG_SECURE": "true"}, "https://"),
    ({"BATTRERYGG_OIDC_STAFF_PASSWORDS": "false"}, "needs single sign-on"),
    ({"BATTRERYGG_OIDC_TRUST_BROKER_FOR_STAFF": "perhaps"}, "must be a boolean"),
    ({"BATTRERYGG_OIDC_ISSUER": "https://idp.example.se", "BATTRERYGG_OIDC_CLIENT_ID": "c",
      "BATTRERYGG_OIDC_CLIENT_SECRET_FILE": "/nonexistent/secret"}, "cannot read"),
])
def test_a_wrong_configuration_fails_loudly(tmp_path, env, message):
    done = _settings(tmp_path, **env)
    assert done.returncode != 0
    assert message in done.stderr
