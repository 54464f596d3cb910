"""Count every ended quarter's usage records into the dashboard summary (a scheduled job)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from screening.dashboard import stats
from screening.dashboard.suppression import min_cell
from screening.dashboard.views import publish_quarter


class Command(BaseCommand):
    help = (
        "Build or refresh the dashboard summary of every ended quarter, and find the cells to "
        "hide for the all-regions view. Run it nightly (cron, a systemd timer) and after "
        "importing records; the dashboard never counts by itself."
    )

    def handle(self, *args, **options) -> None:
        quarters = stats.summarise_ended_quarters(today=timezone.localdate())
        threshold = min_cell(settings.SCREENING_MIN_CELL)
        for quarter in quarters:
            # The suppression search is the slow part of a first view; do it here for the
            # view most supervisors open. Region-limited scopes still find theirs on first view.
            state = stats.summary_state(quarter)
            cells = stats.count_quarter(quarter, regions=None)
            publish_quarter(cells, state=state, region_ids=None, threshold=threshold)
        self.stdout.write(f"Counted {len(quarters)} ended quarter(s).")
