"""Empty Django's own session table, which AccountSession (0061) replaces.

Its rows hold answers and results of checklists in progress; nothing reads or clears them any
more (clearsessions now clears AccountSession), so they are deleted rather than left behind.
Everyone signs in again once.
"""

from django.db import migrations


def forget_old_sessions(apps, schema_editor):
    apps.get_model("sessions", "Session").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0061_accountsession"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forget_old_sessions, migrations.RunPython.noop)]
