"""The ``battrerygg`` command.

    battrerygg serve [--host 127.0.0.1] [--port 8000] [--demo] [--threads 8]
    battrerygg demo                     load demo data and print the demo logins
    battrerygg createuser --email …     create a patient or staff account
    battrerygg <any Django management command> (migrate, check, compilemessages, …)
"""

from __future__ import annotations

import argparse
import os
import sys


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "battrerygg.settings")
    import django

    django.setup()


def serve(argv: list[str]) -> int:
    """Migrate, optionally load demo data, then serve with waitress."""
    parser = argparse.ArgumentParser(prog="battrerygg serve", description=serve.__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--demo", action="store_true", help="load demo data and print logins")
    parser.add_argument("--no-migrate", action="store_true",
                        help="do not migrate first (production: migrate once per release)")
    args = parser.parse_args(argv)
    _setup()
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from battrerygg.wsgi import application

    if not args.no_migrate:
        call_command("migrate", interactive=False, verbosity=0)
    if args.demo:
        call_command("demo")
    db = settings.DATABASES["default"]
    where = db["NAME"] if "sqlite" in db["ENGINE"] else f"{db['ENGINE']} {db.get('HOST', '')}"
    print(f"BättreRygg on http://{args.host}:{args.port}/  (database: {where})", flush=True)
    print("Stop with Ctrl+C.", flush=True)
    waitress_serve(application, host=args.host, port=args.port, threads=args.threads,
                   ident="BattreRygg", **proxy_options(settings.BEHIND_PROXY))
    return 0


def proxy_options(behind_proxy: bool) -> dict[str, object]:
    """waitress options: behind a TLS-terminating proxy, trust X-Forwarded-Proto/-For from
    the proxy's address (BATTRERYGG_TRUSTED_PROXY), so that Django sees HTTPS and the real
    client address (login throttling counts per address). Raises SystemExit when the
    address is missing: trusting any sender would let anyone forge their address."""
    if not behind_proxy:
        return {}
    proxy = os.environ.get("BATTRERYGG_TRUSTED_PROXY", "").strip()
    if not proxy or proxy == "*":
        raise SystemExit(
            "BATTRERYGG_BEHIND_PROXY is set: set BATTRERYGG_TRUSTED_PROXY to the proxy's "
            "IP address as well"
        )
    return {
        "trusted_proxy": proxy,
        "trusted_proxy_count": 1,
        "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"},
        "clear_untrusted_proxy_headers": True,
    }


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "serve":
        return serve(argv[1:])
    _setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["battrerygg", *argv])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
