"""``battrerygg verify_audit``: check the access log's hash chain (SPEC Q2).

Prints how many rows hold; exits with 1 and names the first broken row (its place in the
chain and its id) when a row was changed, inserted or removed, or rows were cut off the end.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from battrerygg.audit.chain import FIELDS, first_break
from battrerygg.audit.models import AuditEvent, ChainHead


class Command(BaseCommand):
    help = "Check the access log's hash chain; name the first broken row."

    def handle(self, *args: Any, **options: Any) -> None:
        head = ChainHead.objects.filter(pk=1).values_list("seq", "hash").first()
        rows = (AuditEvent.objects.order_by("seq").values("id", "hash", *FIELDS)
                .iterator(chunk_size=5000))
        try:
            count, broken = first_break(rows, head)
        finally:
            rows.close()  # a server-side cursor on PostgreSQL, left early on a break
        if broken is None:
            self.stdout.write(f"audit log intact: {count} rows")
            return
        if broken.seq is None:
            raise CommandError(f"audit log broken: {broken.reason}")
        raise CommandError(
            f"audit log broken at row {broken.seq} (id {broken.pk}): {broken.reason}")
