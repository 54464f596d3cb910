from django.contrib.auth.management import create_permissions
from django.db import migrations

from screening.accounts.roles import EDITORS

# Frozen here rather than imported, so this migration means the same thing forever.
CODENAMES = ["add_translationreview", "change_translationreview", "view_translationreview"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="screening", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="screening", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("screening", "0030_translation_review")]

    operations = [migrations.RunPython(grant, revoke)]
