"""seed_demo's usage records: synthetic, over the eight ended quarters before the day it runs."""

import datetime
import io

import pytest
from django.core.management import call_command

from screening.dashboard import stats
from screening.models import UsageRecord, UsageSummary, UsageSummaryState
from tests.dashboard.conftest import move_to

TODAY = datetime.date(2027, 5, 9)


@pytest.fixture
def seed(settings, db, monkeypatch, time_machine):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests")
    monkeypatch.setattr("screening.management.commands.seed_demo.DEMO_RECORDS", 300)
    move_to(time_machine, TODAY)

    def run() -> str:
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    return run


def test_it_spreads_records_over_the_eight_ended_quarters_and_counts_them(seed):
    output = seed()
    assert "Demo usage records: 300" in output
    ended = stats.ended_quarters(today=TODAY)
    assert len(ended) == 8
    assert ended[0] == datetime.date(2027, 1, 1) and ended[-1] == datetime.date(2025, 4, 1)
    days = UsageRecord.objects.values_list("day", flat=True)
    assert min(days) >= ended[-1] and max(days) < TODAY
    for quarter in ended:
        assert stats.records_in(quarter).count() > 15, quarter
        # Counted as the nightly job does, with the cells to hide found: no view searches.
        state = UsageSummaryState.objects.get(quarter=quarter)
        assert "5:joint" in state.complements
        assert UsageSummary.objects.filter(quarter=quarter, shape=UsageSummary.CUBE).exists()


def test_the_records_are_those_of_the_demo_workers_country(seed):
    seed()
    codes = set(UsageRecord.objects.values_list("region__country__code", flat=True))
    assert codes == {"np", None}


def test_run_again_it_adds_nothing_and_tops_up_a_smaller_set(seed):
    seed()
    assert "Demo usage records" not in seed()
    assert UsageRecord.objects.count() == 300
    UsageRecord.objects.filter(pk__in=UsageRecord.objects.values("pk")[:100]).delete()
    assert "Demo usage records: 100" in seed()
    assert UsageRecord.objects.count() == 300
