"""Countries above regions, how each contact was checked, and workers' reports of numbers
that did not work.

A region's country was a name; it becomes a country row (the five shipped countries get
their ISO 3166 codes; any other name gets a code made from it). A contact that an editor had
given a verification day counts as called on that day. The 'example' flag goes: how a number
was checked is now said by its verification, and a contact nobody checked is 'not checked'.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

# The shipped countries' codes (ISO 3166-1 alpha-2); names are matched in English.
KNOWN = {"Nepal": "np", "Bangladesh": "bd", "India": "in", "Pakistan": "pk", "Thailand": "th"}


def countries_from_names(apps, schema_editor):
    Country = apps.get_model("screening", "Country")
    Region = apps.get_model("screening", "Region")
    HistoricalRegion = apps.get_model("screening", "HistoricalRegion")
    by_name = {}
    for position, name in enumerate(
        sorted({r.country_name or "" for r in Region.objects.all()}), start=1
    ):
        label = name.strip() or "Unknown country"
        code = KNOWN.get(label) or slugify(label)[:10] or f"c{position}"
        country, _created = Country.objects.get_or_create(
            code=code, defaults={"name": label, "name_en": label, "position": position * 10}
        )
        by_name[name] = country
    for region in Region.objects.all():
        region.country = by_name[region.country_name or ""]
        region.save(update_fields=["country"])
    for row in HistoricalRegion.objects.all():
        country = by_name.get(row.country_name or "")
        if country is not None:
            row.country_id = country.pk
            row.save(update_fields=["country"])


def names_from_countries(apps, schema_editor):
    Region = apps.get_model("screening", "Region")
    for region in Region.objects.select_related("country"):
        region.country_name = region.country.name_en or region.country.name
        region.save(update_fields=["country_name"])


def examples_again(apps, schema_editor):
    # The reverse: a shipped contact nobody verified was an example, as 0003 and 0012 marked it.
    SupportContact = apps.get_model("screening", "SupportContact")
    SupportContact.objects.filter(
        last_verified__isnull=True, notes_en__contains="Example shipped with the app"
    ).update(is_example=True)


def checked_from_days(apps, schema_editor):
    SupportContact = apps.get_model("screening", "SupportContact")
    SupportContact.objects.filter(last_verified__isnull=False).update(verification="called")


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0062_forget_old_sessions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Country",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.SlugField(
                        help_text="The country's two-letter ISO 3166 code in small letters, for example 'np'. Do not change it once in use.",
                        max_length=10,
                        unique=True,
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.", max_length=120
                    ),
                ),
                (
                    "name_en",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_bn",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_hi",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_ne",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_th",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_ur",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Order in the country list; smaller numbers come first.",
                    ),
                ),
                (
                    "active",
                    models.BooleanField(
                        default=True,
                        help_text="Untick to hide the country and its regions from workers.",
                    ),
                ),
            ],
            options={
                "verbose_name": "country",
                "verbose_name_plural": "countries",
                "ordering": ["position", "name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCountry",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.SlugField(
                        help_text="The country's two-letter ISO 3166 code in small letters, for example 'np'. Do not change it once in use.",
                        max_length=10,
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.", max_length=120
                    ),
                ),
                (
                    "name_en",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_bn",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_hi",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_ne",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_th",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "name_ur",
                    models.CharField(
                        help_text="The country's name, for example 'Nepal'.",
                        max_length=120,
                        null=True,
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Order in the country list; smaller numbers come first.",
                    ),
                ),
                (
                    "active",
                    models.BooleanField(
                        default=True,
                        help_text="Untick to hide the country and its regions from workers.",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical country",
                "verbose_name_plural": "historical countries",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(migrations.RunPython.noop, examples_again),
        migrations.RemoveField(
            model_name="historicalsupportcontact",
            name="is_example",
        ),
        migrations.RemoveField(
            model_name="supportcontact",
            name="is_example",
        ),
        migrations.AddField(
            model_name="historicalsupportcontact",
            name="editor_notes",
            field=models.TextField(
                blank=True, help_text="Research notes for editors only; workers never see them."
            ),
        ),
        migrations.AddField(
            model_name="historicalsupportcontact",
            name="recheck_due",
            field=models.DateField(
                blank=True,
                help_text="When to check it again; 6 months after the check unless you set a day.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalsupportcontact",
            name="source",
            field=models.TextField(
                blank=True,
                help_text="Where the number comes from: the public source's title, date and address. Workers can open it under 'Where this number comes from'.",
            ),
        ),
        migrations.AddField(
            model_name="historicalsupportcontact",
            name="verification",
            field=models.CharField(
                choices=[
                    ("called", "Answered when called by the deploying organisation"),
                    ("official", "Taken from an official source"),
                    ("not_checked", "Not checked"),
                ],
                default="not_checked",
                help_text="How the number was checked. Workers see it beside the number.",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="historicalsupportcontact",
            name="verified_by",
            field=models.CharField(
                blank=True,
                help_text="The organisation that checked it, for example the deploying NGO.",
                max_length=150,
                verbose_name="checked by",
            ),
        ),
        migrations.AddField(
            model_name="supportcontact",
            name="editor_notes",
            field=models.TextField(
                blank=True, help_text="Research notes for editors only; workers never see them."
            ),
        ),
        migrations.AddField(
            model_name="supportcontact",
            name="recheck_due",
            field=models.DateField(
                blank=True,
                help_text="When to check it again; 6 months after the check unless you set a day.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="supportcontact",
            name="source",
            field=models.TextField(
                blank=True,
                help_text="Where the number comes from: the public source's title, date and address. Workers can open it under 'Where this number comes from'.",
            ),
        ),
        migrations.AddField(
            model_name="supportcontact",
            name="verification",
            field=models.CharField(
                choices=[
                    ("called", "Answered when called by the deploying organisation"),
                    ("official", "Taken from an official source"),
                    ("not_checked", "Not checked"),
                ],
                default="not_checked",
                help_text="How the number was checked. Workers see it beside the number.",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="supportcontact",
            name="verified_by",
            field=models.CharField(
                blank=True,
                help_text="The organisation that checked it, for example the deploying NGO.",
                max_length=150,
                verbose_name="checked by",
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="hours",
            field=models.CharField(
                blank=True, help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.", max_length=200
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="hours_bn",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="hours_en",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="hours_hi",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="hours_ne",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="hours_th",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="hours_ur",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="last_verified",
            field=models.DateField(
                blank=True,
                help_text="The day it was called or checked against the official source.",
                null=True,
                verbose_name="checked on",
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="name",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="name_bn",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="name_en",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="name_hi",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="name_ne",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="name_th",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="name_ur",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="notes",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="notes_bn",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="notes_en",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="notes_hi",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="notes_ne",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="notes_th",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsupportcontact",
            name="notes_ur",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="hours",
            field=models.CharField(
                blank=True, help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.", max_length=200
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="hours_bn",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="hours_en",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="hours_hi",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="hours_ne",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="hours_th",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="hours_ur",
            field=models.CharField(
                blank=True,
                help_text="When it answers, e.g. 'Mon–Fri 9:00–17:00'.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="last_verified",
            field=models.DateField(
                blank=True,
                help_text="The day it was called or checked against the official source.",
                null=True,
                verbose_name="checked on",
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="name",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="name_bn",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="name_en",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="name_hi",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="name_ne",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="name_th",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="name_ur",
            field=models.CharField(
                help_text="The service's name as callers know it.", max_length=300, null=True
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="notes",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="notes_bn",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="notes_en",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="notes_hi",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="notes_ne",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="notes_th",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="notes_ur",
            field=models.TextField(
                blank=True,
                help_text="One or two short sentences a worker needs before calling. Research notes go in 'Editors' notes', the source in 'Source'.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="supportcontact",
            name="regions",
            field=models.ManyToManyField(
                blank=True,
                help_text="Regions served. Leave empty for a contact that serves its whole country.",
                related_name="contacts",
                to="screening.region",
            ),
        ),
        migrations.CreateModel(
            name="ContactReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField()),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("no_connection", "The call did not connect"),
                            ("wrong_service", "It reached the wrong service"),
                            ("no_answer", "Nobody answered"),
                            ("cannot_help", "They said they cannot help a child"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "contact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reports",
                        to="screening.supportcontact",
                    ),
                ),
            ],
            options={
                "verbose_name": "report that a number did not work",
                "verbose_name_plural": "reports that a number did not work",
                "ordering": ["-day", "-id"],
            },
        ),
        migrations.AddField(
            model_name="historicalsupportcontact",
            name="country",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The country served. With no region ticked below, the contact serves all of it; with no country and no region, it serves everyone.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="screening.country",
            ),
        ),
        migrations.AddField(
            model_name="supportcontact",
            name="country",
            field=models.ForeignKey(
                blank=True,
                help_text="The country served. With no region ticked below, the contact serves all of it; with no country and no region, it serves everyone.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="contacts",
                to="screening.country",
            ),
        ),
        migrations.RenameField(
            model_name="historicalregion", old_name="country", new_name="country_name"
        ),
        migrations.RenameField(model_name="region", old_name="country", new_name="country_name"),
        migrations.AddField(
            model_name="historicalregion",
            name="country",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The country this region is a first-level division of.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="screening.country",
            ),
        ),
        migrations.AddField(
            model_name="region",
            name="country",
            field=models.ForeignKey(
                null=True,
                help_text="The country this region is a first-level division of.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="regions",
                to="screening.country",
            ),
        ),
        migrations.RunPython(countries_from_names, names_from_countries),
        migrations.RemoveField(model_name="historicalregion", name="country_name"),
        migrations.RemoveField(model_name="region", name="country_name"),
        migrations.AlterField(
            model_name="region",
            name="country",
            field=models.ForeignKey(
                help_text="The country this region is a first-level division of.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="regions",
                to="screening.country",
            ),
        ),
        migrations.RunPython(checked_from_days, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="supportcontact",
            constraint=models.CheckConstraint(
                condition=models.Q(("verification__in", ["called", "official", "not_checked"])),
                name="contact_verification_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="supportcontact",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("verification", "not_checked"),
                    ("last_verified__isnull", False),
                    _connector="OR",
                ),
                name="checked_contact_has_a_day",
                violation_error_message="A checked contact needs the day it was checked.",
            ),
        ),
        migrations.AddField(
            model_name="historicalcountry",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddConstraint(
            model_name="contactreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("reason__in", ["no_connection", "wrong_service", "no_answer", "cannot_help"])
                ),
                name="contact_report_reason_valid",
            ),
        ),
    ]
