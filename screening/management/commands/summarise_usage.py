"""Count every ended quarter's usage records into the dashboard summary (a scheduled job)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from screening.dashboard import stats
from screening.dashboard.publication import joint_hidden
from screening.dashboard.suppression import min_cell


class Command(BaseCommand):
    help = (
        "Build or refresh the dashboard summary of every ended quarter, and find the cells to "
        "hide for every supervisor's view at once. Run it nightly (cron, a systemd timer) and "
        "after importing records; the dashboard never counts by itself."
    )

    def handle(self, *args, **options) -> None:
        quarters = stats.summarise_ended_quarters(today=timezone.localdate())
        threshold = min_cell(settings.SCREENING_MIN_CELL)
        for quarter in quarters:
            # The suppression search is the slow part of a first view; do it here, once for
            # every supervisor's scope together.
            state = stats.summary_state(quarter)
            joint_hidden(state, quarter, threshold=threshold, scope=None)
        self.stdout.write(f"Counted {len(quarters)} ended quarter(s).")
