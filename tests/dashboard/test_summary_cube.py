"""The summary's cube shape: the week-by-week rows of a quarter, summed over the weeks."""

import importlib

from django.apps import apps
from django.db.models import Sum

from screening.models import UsageSummary
from tests.dashboard import test_dashboard

known = test_dashboard.known
sparse = test_dashboard.sparse


def summed(shape: str) -> dict:
    rows = (
        UsageSummary.objects.filter(shape=shape)
        .values("quarter", "region", "setting", "age_band")
        .annotate(n=Sum("records"), danger=Sum("danger"), noted=Sum("noted"))
    )
    return {
        (r["quarter"], r["region"], r["setting"], r["age_band"]): (r["n"], r["danger"], r["noted"])
        for r in rows
    }


def test_the_cube_holds_the_week_rows_summed(sparse):
    cube = summed(UsageSummary.CUBE)
    assert cube
    assert cube == summed(UsageSummary.RECORDS)
    assert UsageSummary.objects.filter(shape=UsageSummary.CUBE).count() == len(cube)


def test_the_migration_adds_the_cube_to_quarters_counted_before(sparse):
    expected = summed(UsageSummary.CUBE)
    UsageSummary.objects.filter(shape=UsageSummary.CUBE).delete()
    migration = importlib.import_module("screening.migrations.0097_usage_summary_cube")
    migration.add_cubes(apps, None)
    assert summed(UsageSummary.CUBE) == expected
