from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("screening", "ContentVersion").objects.get_or_create(pk=1, defaults={"value": 1})


class Migration(migrations.Migration):
    dependencies = [("screening", "0031_editors_review_translations")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={
                "ordering": ["id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("id", 1)), name="content_version_one_row"
                    )
                ],
            },
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
