"""SPEC C4 refinement (turn 2): an ODI is scored only with at most one unanswered section
(Fairbank & Pynsent 2000); until now two were allowed. Every stored ODI result is checked
against the new rule; those sent with two sections unanswered lose their score
(missing_reason "too_many_unanswered"). Prints and logs how many changed. Not reversible in
data: going back leaves the recomputed snapshots as they are."""

from django.db import migrations


def rescore_odi(apps, schema_editor):
    from battrerygg.proms.rescore import rescore

    checked, changed = rescore(apps.get_model("proms", "Response"), ["odi"])
    if checked:
        print(f"\n  ODI scores checked against the one-unanswered-section rule: {checked}; "
              f"changed: {changed}")


class Migration(migrations.Migration):

    dependencies = [
        ("proms", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(rescore_odi, migrations.RunPython.noop),
    ]
