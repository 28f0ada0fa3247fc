"""Send today's reminder e-mails; safe to run as often as cron likes (one a day each)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from battrerygg.plan.reminders import send_due_reminders


class Command(BaseCommand):
    help = ("Send reminder e-mails to patients who opted in and have something waiting. "
            "At most one e-mail per patient per day; run it daily from cron.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", help="address of the site, for links in the "
                            "e-mails (default: BATTRERYGG_SITE_URL)")

    def handle(self, *args: Any, **options: Any) -> None:
        report = send_due_reminders(timezone.now(), options.get("base_url"))
        self.stdout.write(
            f"Reminders: {len(report.sent)} sent, {report.already} already sent today, "
            f"{report.nothing_due} with nothing due, {report.failed} failed."
        )
        if report.failed:
            raise SystemExit(1)
