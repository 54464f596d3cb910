"""Write synthetic usage records for demos and benchmarks."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from screening.dashboard.synthetic import generate_usage

MAX_COUNT = 10_000_000


class Command(BaseCommand):
    help = (
        "Write COUNT realistic synthetic usage records over the last DAYS days (for demos and "
        "benchmarks). They look like real use: never run this on a real deployment."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--count", type=int, required=True, help="How many records.")
        parser.add_argument("--seed", type=int, default=2016, help="Same seed, same records.")
        parser.add_argument("--days", type=int, default=730, help="Spread over this many days.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (a benchmark database, never a real one).",
        )

    def handle(self, *args, count: int, seed: int, days: int, force: bool, **options) -> None:
        if not (settings.DEBUG or force):
            raise CommandError(
                "generate_usage writes fake records: it runs with DEBUG on, or with --force "
                "on a database that is only for benchmarks."
            )
        if not 1 <= count <= MAX_COUNT:
            raise CommandError(f"--count must be between 1 and {MAX_COUNT:,}.")
        if not 1 <= days <= 3660:
            raise CommandError("--days must be between 1 and 3660.")
        started = time.perf_counter()
        made = generate_usage(count=count, seed=seed, days=days)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Wrote {made:,} synthetic usage records in {elapsed:.1f} s.")
        # Records arrived: count the ended quarters now, so no dashboard view has to.
        call_command("summarise_usage", stdout=self.stdout)
