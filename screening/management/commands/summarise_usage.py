"""Count every ended quarter's usage records into the dashboard summary (a scheduled job)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from screening import stats


class Command(BaseCommand):
    help = (
        "Build or refresh the dashboard summary of every ended quarter. Run it nightly (cron, "
        "a systemd timer) and after importing records; the dashboard never counts by itself."
    )

    def handle(self, *args, **options) -> None:
        quarters = stats.summarise_ended_quarters(today=timezone.localdate())
        self.stdout.write(f"Counted {len(quarters)} ended quarter(s).")
