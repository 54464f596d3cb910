"""Add the cube shape (records by region, setting and age band, without the week) to every
quarter already summarised, so that the dashboard's views and trends can read it at once.

Data only: the counts are the sums of the quarter's existing week rows, so the figures and the
cells hidden to protect small ones (kept with each quarter's summary state) do not change.
"""

from django.db import migrations
from django.db.models import Sum


def add_cubes(apps, schema_editor):
    UsageSummary = apps.get_model("screening", "UsageSummary")
    quarters = (
        UsageSummary.objects.filter(shape="records").values_list("quarter", flat=True).distinct()
    )
    for quarter in sorted(set(quarters)):
        UsageSummary.objects.filter(quarter=quarter, shape="cube").delete()
        rows = (
            UsageSummary.objects.filter(quarter=quarter, shape="records")
            .values("region", "setting", "age_band")
            .annotate(n=Sum("records"), danger=Sum("danger"), noted=Sum("noted"))
            .order_by()
        )
        UsageSummary.objects.bulk_create(
            [
                UsageSummary(
                    quarter=quarter,
                    shape="cube",
                    region_id=row["region"],
                    setting=row["setting"],
                    age_band=row["age_band"],
                    records=row["n"],
                    danger=row["danger"],
                    noted=row["noted"],
                )
                for row in rows
            ],
            batch_size=5000,
        )


def remove_cubes(apps, schema_editor):
    apps.get_model("screening", "UsageSummary").objects.filter(shape="cube").delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0096_default_practice_cases")]

    operations = [migrations.RunPython(add_cubes, remove_cubes)]
