"""Give every patient a random reference for staff URLs (add, fill, then make unique)."""

import uuid

from django.db import migrations, models


def fill_refs(apps, schema_editor):
    Patient = apps.get_model("patients", "Patient")
    for patient in Patient.objects.filter(ref__isnull=True).only("pk"):
        patient.ref = uuid.uuid4()
        patient.save(update_fields=["ref"])


class Migration(migrations.Migration):

    dependencies = [("patients", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="patient", name="ref", field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_refs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="patient",
            name="ref",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
