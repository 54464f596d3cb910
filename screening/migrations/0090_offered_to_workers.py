"""Mark each region and indicator that workers may have been offered (issue 24, item 7).

The admin refused to delete a region or indicator once a record referred to it, so its
delete page changed the moment the first checklist naming it was saved: an editor watching
it learned of that one checklist. Now the admin refuses once the item has been offered to
workers (saved active), whether or not a record refers to it. `Region.save()` and
`Indicator.save()` set the mark; it is never unset.

Every row already here may have been offered at some time (shipped content has no history
to say otherwise), so every existing row is marked. The reverse drops the columns.
"""

from django.db import migrations, models


def mark_existing_rows(apps, schema_editor):
    for name in ("Region", "Indicator"):
        apps.get_model("screening", name).objects.update(offered_to_workers=True)


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0080_recovery_codes_hashed"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalindicator",
            name="offered_to_workers",
            field=models.BooleanField(default=False, db_default=False, editable=False),
        ),
        migrations.AddField(
            model_name="historicalregion",
            name="offered_to_workers",
            field=models.BooleanField(default=False, db_default=False, editable=False),
        ),
        migrations.AddField(
            model_name="indicator",
            name="offered_to_workers",
            field=models.BooleanField(default=False, db_default=False, editable=False),
        ),
        migrations.AddField(
            model_name="region",
            name="offered_to_workers",
            field=models.BooleanField(default=False, db_default=False, editable=False),
        ),
        migrations.RunPython(mark_existing_rows, migrations.RunPython.noop),
    ]
