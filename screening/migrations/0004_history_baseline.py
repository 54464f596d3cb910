"""Give every content row that has no history a first "created" entry.

Without it an editor's first change would leave nothing to revert to: simple-history
records the state after each save, and the default content was written by a migration.
"""

from django.db import migrations
from django.utils import timezone

CONTENT_MODELS = ("Region", "Section", "Indicator", "Guidance", "SupportContact")
REASON = "Shipped with the app"


def create_baseline(apps, schema_editor):
    now = timezone.now()
    for name in CONTENT_MODELS:
        model = apps.get_model("screening", name)
        historical = apps.get_model("screening", f"Historical{name}")
        recorded = set(historical.objects.values_list("id", flat=True).distinct())
        fields = [f.attname for f in model._meta.concrete_fields]
        for obj in model.objects.exclude(pk__in=recorded):
            entry = historical.objects.create(
                **{field: getattr(obj, field) for field in fields},
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
            )
            if name == "SupportContact":
                through = apps.get_model("screening", "HistoricalSupportContact_regions")
                links = model.regions.through.objects.filter(supportcontact_id=obj.pk)
                through.objects.bulk_create(
                    through(id=link_id, history=entry, supportcontact_id=obj.pk, region_id=region)
                    for link_id, region in links.values_list("id", "region_id")
                )


def remove_baseline(apps, schema_editor):
    for name in CONTENT_MODELS:
        historical = apps.get_model("screening", f"Historical{name}")
        historical.objects.filter(history_change_reason=REASON).delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0003_default_content")]

    operations = [migrations.RunPython(create_baseline, remove_baseline)]
