"""Create the demo accounts and synthetic usage over eight quarters (development only)."""

import datetime
import os
import secrets

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.accounts import roles, two_factor
from screening.models import AccountPreference, Region, UsageRecord

DEMO_ACCOUNTS = [
    # username, groups, is_staff, is_superuser
    ("worker", [roles.FRONTLINE], False, False),
    ("supervisor", [roles.SUPERVISORS], False, False),
    ("editor", [roles.EDITORS], True, False),
    ("admin", [], True, True),
]
# Enough for a demo supervisor to see each region's and setting's figures in every quarter
# (about 2,200 a quarter), and few enough that `make run` writes and counts them once in 15 to
# 30 seconds on SQLite (fewer would take longer to count: more small cells to protect).
DEMO_RECORDS = 20_000
DEMO_QUARTERS = 8  # the ended quarters the dashboard's trend shows, and the current one so far
# The demo worker works in Bagmati Province (Kathmandu): their numbers show from the first page.
DEMO_WORKER_REGION = "np-bagmati"
# The demo records are Nepal's, the demo worker's country: one deployment's regions, as a
# supervisor would see them (spread over every country's regions, each would be too small).
DEMO_COUNTRY = "np"


class Command(BaseCommand):
    help = "Create demo accounts (worker, supervisor, editor, admin) and demo usage records."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DEBUG on: it creates known accounts.")
        password = os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(12)
        try:
            validate_password(password)
        except ValidationError as exc:
            raise CommandError("DEMO_PASSWORD is too weak: " + " ".join(exc.messages)) from exc
        with transaction.atomic():
            for username, group_names, is_staff, is_superuser in DEMO_ACCOUNTS:
                user, _ = User.objects.get_or_create(username=username)
                user.is_staff = is_staff
                user.is_superuser = is_superuser
                user.set_password(password)
                user.save()
                user.groups.set(Group.objects.filter(name__in=group_names))
            worker = User.objects.get(username="worker")
            region = Region.objects.filter(code=DEMO_WORKER_REGION).first()
            if region is not None:
                # A region the demo worker chose since stays theirs.
                AccountPreference.objects.get_or_create(user=worker, defaults={"region": region})
        self.stdout.write(
            "Demo accounts: worker, supervisor, editor, admin. Password: "
            + ("(from DEMO_PASSWORD)" if os.environ.get("DEMO_PASSWORD") else password)
        )
        # Staff need a second factor: give each an authenticator key to add to an app.
        for username, *_flags in DEMO_ACCOUNTS:
            if username == "worker":
                continue
            user = User.objects.get(username=username)
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="Demo phone", confirmed=True)
            self.stdout.write(
                f"{username}: authenticator key {two_factor.totp_secret(device)}  "
                f"({device.config_url})"
            )
        self.seed_usage()

    def seed_usage(self) -> None:
        """Top the usage records up to DEMO_RECORDS, over the last eight quarters and this one.

        Synthetic: nothing in them is about any child. Run again, it adds nothing.
        """
        missing = DEMO_RECORDS - UsageRecord.objects.count()
        if missing <= 0:
            return
        from screening.dashboard import stats
        from screening.dashboard.synthetic import generate_usage

        today = timezone.localdate()
        start = stats.quarter_start(today)
        for _ in range(DEMO_QUARTERS):
            start = stats.quarter_start(start - datetime.timedelta(days=1))
        regions = list(
            Region.objects.filter(country__code=DEMO_COUNTRY).values_list("pk", flat=True)
        )
        made = generate_usage(
            count=missing,
            seed=2016,
            days=(today - start).days,
            regions=regions or None,
        )
        self.stdout.write(f"Demo usage records: {made}")
        # What the nightly job does: count the ended quarters and find the cells to hide.
        call_command("summarise_usage", stdout=self.stdout)
