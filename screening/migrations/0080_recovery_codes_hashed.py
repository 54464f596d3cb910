"""Recovery codes as salted hashes: existing plain-text codes are hashed, then deleted."""

import django.db.models.deletion
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import migrations, models

# As in screening/accounts/two_factor.py at the time of writing (a migration keeps its own).
ITERATIONS = 100_000


def hash_plain_codes(apps, schema_editor):
    static_device = apps.get_model("otp_static", "StaticDevice")
    recovery_code = apps.get_model("screening", "RecoveryCode")
    hasher = PBKDF2PasswordHasher()
    for device in static_device.objects.prefetch_related("token_set"):
        salt = hasher.salt()
        recovery_code.objects.bulk_create(
            recovery_code(
                device=device,
                digest=hasher.encode(
                    "".join(ch for ch in token.token.lower() if ch.isalnum()), salt, ITERATIONS
                ),
            )
            for token in device.token_set.all()
        )
        device.token_set.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("otp_static", "0003_add_timestamps"),
        ("screening", "0074_indicator_core_set"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecoveryCode",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "digest",
                    models.CharField(
                        help_text="The code's salted hash (algorithm$iterations$salt$hash).",
                        max_length=128,
                    ),
                ),
                (
                    "device",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="recovery_codes",
                        to="otp_static.staticdevice",
                    ),
                ),
            ],
            options={
                "verbose_name": "recovery code",
                "verbose_name_plural": "recovery codes",
                "ordering": ["pk"],
            },
        ),
        # Not reversible: the plain codes are gone, which is the point.
        migrations.RunPython(hash_plain_codes, migrations.RunPython.noop),
    ]
