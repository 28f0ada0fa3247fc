"""Install the official wording of a licensed questionnaire from a file the clinic holds
under its licence (format: docs/questionnaire-wording.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from battrerygg.proms.services import WordingError, install_wording


class Command(BaseCommand):
    help = (
        "Install the official wording of STarT Back, ODI, Örebro or PSEQ from JSON files "
        "(one instrument and language per file). All files or none are installed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="JSON wording files")

    def handle(self, *args: Any, **options: Any) -> None:
        contents = []
        for name in options["files"]:
            path = Path(name)
            try:
                contents.append(json.loads(path.read_text(encoding="utf-8")))
            except OSError as exc:
                raise CommandError(f"{name}: cannot read ({exc.strerror})") from None
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise CommandError(f"{name}: not valid UTF-8 JSON ({exc})") from None
            except RecursionError:
                raise CommandError(f"{name}: nested too deeply to be a wording file") from None
        try:
            installed = install_wording(contents)
        except WordingError as exc:
            index = getattr(exc, "file_index", None)
            where = options["files"][index] if index is not None else "wording"
            raise CommandError(f"{where}: {exc}; nothing was installed") from None
        for wording in installed:
            self.stdout.write(self.style.SUCCESS(
                f"installed {wording.instrument} ({wording.language}, version "
                f"{wording.version})"
            ))
