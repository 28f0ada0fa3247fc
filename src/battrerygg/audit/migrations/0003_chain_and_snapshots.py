"""The access log keeps who, where and which request as they were then, and chains its rows.

Rows written before this migration are given what can still be known (the actor's and the
clinic's names as they are now, no address or request id) and their place in the chain, in
the order they were written; the triggers that make the table append-only come after
(0004).
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

from battrerygg.audit.chain import GENESIS, digest


def chain_existing_rows(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ChainHead = apps.get_model("audit", "ChainHead")
    previous, seq = GENESIS, 0
    rows = AuditEvent.objects.select_related("actor", "clinic").order_by("pk")
    for row in rows.iterator(chunk_size=2000):
        seq += 1
        row.seq, row.prev_hash = seq, previous
        if row.actor is not None:
            row.actor_name = row.actor.full_name or row.actor.email
            row.actor_role = row.actor.role
        row.clinic_name = row.clinic.name if row.clinic is not None else ""
        row.hash = previous = digest(row.__dict__)
        AuditEvent.objects.filter(pk=row.pk).update(
            seq=row.seq, prev_hash=row.prev_hash, hash=row.hash, actor_name=row.actor_name,
            actor_role=row.actor_role, clinic_name=row.clinic_name)
    ChainHead.objects.create(pk=1, seq=seq, hash=previous)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
        ("audit", "0002_alter_auditevent_options_auditevent_clinic"),
        ("patients", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChainHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("seq", models.BigIntegerField(default=0)),
                ("hash", models.CharField(max_length=64)),
            ],
            options={"verbose_name": "audit chain head", "verbose_name_plural": "audit chain heads"},
        ),
        migrations.AddField(model_name="auditevent", name="seq", field=models.BigIntegerField(null=True)),
        migrations.AddField(model_name="auditevent", name="actor_name", field=models.CharField(blank=True, max_length=200)),
        migrations.AddField(model_name="auditevent", name="actor_role", field=models.CharField(blank=True, max_length=20)),
        migrations.AddField(model_name="auditevent", name="clinic_name", field=models.CharField(blank=True, max_length=200)),
        migrations.AddField(model_name="auditevent", name="address", field=models.GenericIPAddressField(blank=True, null=True)),
        migrations.AddField(model_name="auditevent", name="request_id", field=models.CharField(blank=True, max_length=64)),
        migrations.AddField(model_name="auditevent", name="prev_hash", field=models.CharField(default="", max_length=64), preserve_default=False),
        migrations.AddField(model_name="auditevent", name="hash", field=models.CharField(default="", max_length=64), preserve_default=False),
        migrations.AlterField(model_name="auditevent", name="at", field=models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
        migrations.AlterField(
            model_name="auditevent", name="patient",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="audit_events", to="patients.patient"),
        ),
        migrations.AlterField(model_name="auditevent", name="object_id", field=models.CharField(blank=True, max_length=200)),
        migrations.AlterField(
            model_name="auditevent", name="action",
            field=models.CharField(choices=[("read", "Read"), ("create", "Created"), ("update", "Changed"), ("delete", "Deleted"), ("export", "Exported"), ("denied", "Refused")], max_length=10),
        ),
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.AlterField(model_name="auditevent", name="seq", field=models.BigIntegerField(unique=True)),
        migrations.AddIndex(model_name="auditevent", index=models.Index(fields=["actor", "at"], name="audit_actor_at")),
    ]
