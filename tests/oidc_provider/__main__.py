"""Start the test OpenID provider: ``python -m tests.oidc_provider [options]``.

Makes an RS256 key and an SQLite database in a temporary folder, migrates, registers one
confidential client (RS256 id tokens, authorization code, PKCE required) with the redirect
URIs given, serves on 127.0.0.1 with waitress and prints ``READY <port>`` once listening.
Options: --port (0: any free port), --client-id, --client-secret, --redirect-uri
(repeatable), --issuer (pretend to be another issuer), --control-token (else from the
environment variable OIDC_TEST_CONTROL_TOKEN). No manage.py, no management command of ours.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import sys
import tempfile
from pathlib import Path


def _rsa_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.oidc_provider")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--client-id", default="battrerygg")
    parser.add_argument("--client-secret", default="test-client-secret")
    parser.add_argument("--redirect-uri", action="append", default=[])
    parser.add_argument("--issuer", default="")
    parser.add_argument("--control-token", default=os.environ.get("OIDC_TEST_CONTROL_TOKEN", ""))
    args = parser.parse_args(argv)
    # Stopped with SIGTERM by the fixture: leave through the finally below (temp folder).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    workdir = Path(tempfile.mkdtemp(prefix="oidc-provider-"))
    try:
        key_file = workdir / "rs256.pem"
        key_file.write_text(_rsa_key_pem(), encoding="ascii")
        key_file.chmod(0o600)
        os.environ.update({
            "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
            "OIDC_TEST_KEY_FILE": str(key_file),
            "OIDC_TEST_DB": str(workdir / "provider.sqlite3"),
            "OIDC_TEST_SECRET": secrets.token_urlsafe(40),
            "OIDC_TEST_ISSUER": args.issuer,
        })
        import django

        django.setup()
        from django.core.management import call_command
        from django.core.wsgi import get_wsgi_application
        from oauth2_provider.models import get_application_model
        from waitress import create_server

        from . import state

        state.CONTROL_TOKEN = args.control_token
        call_command("migrate", verbosity=0, interactive=False)
        application_model = get_application_model()
        application_model.objects.create(
            name="BättreRygg (test)",
            client_id=args.client_id,
            client_secret=args.client_secret,
            client_type=application_model.CLIENT_CONFIDENTIAL,
            authorization_grant_type=application_model.GRANT_AUTHORIZATION_CODE,
            redirect_uris=" ".join(args.redirect_uri),
            algorithm=application_model.RS256_ALGORITHM,
            skip_authorization=True,
        )
        server = create_server(get_wsgi_application(), host="127.0.0.1", port=args.port,
                               threads=4)
        print(f"READY {server.effective_port}", flush=True)
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
