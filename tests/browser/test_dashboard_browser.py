"""The dashboard in Chromium: charts and tables render, axe-core finds nothing, it fits a phone."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission

from screening.accounts import roles
from screening.choices import AgeBand, Setting
from screening.models import Country, Region
from tests.conftest import count_usage, make_record, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def supervisor_user(db):
    # Made here, not taken from the migrations: after another transactional test has
    # flushed the database, the serialized groups and regions are not always restored.
    group, _ = Group.objects.get_or_create(name=roles.SUPERVISORS)
    group.permissions.add(Permission.objects.get(codename="view_dashboard"))
    user = make_user("browser-supervisor", roles.SUPERVISORS)
    nepal = Country.objects.get_or_create(code="np", defaults={"name": "Nepal"})[0]
    region = Region.objects.get_or_create(
        code="np-bagmati", defaults={"name": "Bagmati", "country": nepal}
    )[0]
    for i in range(40):
        make_record(
            day=datetime.date(2026, 4, 1) + datetime.timedelta(days=i * 2),
            region=region if i % 4 else None,
            setting=Setting.STREET if i % 3 else Setting.BORDER,
            age_band=AgeBand.AGE_15_17 if i % 2 else AgeBand.AGE_12_14,
            immediate_danger=i % 5 == 0,
        )
    count_usage()  # what the nightly summarise_usage job does
    return user


def open_every_figure(page) -> None:
    """Open the quarter's folded figures, as a supervisor who wants them all would."""
    for summary in page.locator("details.figure-fold > summary").all():
        summary.click()


def test_dashboard_renders_charts_and_tables_without_accessibility_violations(
    live_server, page, sign_in, supervisor_user, axe_violations
):
    sign_in(supervisor_user)
    page.goto(f"{live_server.url}/dashboard/?period=2026-Q2")
    assert page.locator("h1").inner_text() == "Use of the checklist"
    assert axe_violations(page) == []  # the quarter's figures folded
    open_every_figure(page)
    charts = page.locator("svg.chart[role=img]")
    assert charts.count() >= 5
    for index in range(charts.count()):
        chart = charts.nth(index)
        title_id = chart.get_attribute("aria-labelledby")
        assert page.locator(f"#{title_id}").count() == 1
        assert chart.bounding_box()["height"] > 0
    # Each chart of the quarter has its table; the trend's chart has its tables below it.
    assert page.locator(".figure svg.chart + .table-scroll table").count() == charts.count() - 1
    assert page.locator(".trend svg.chart + .table-scroll table").count() == 1
    assert page.locator("svg.chart rect").count() > 0
    assert "40" in page.locator(".headline").inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert axe_violations(page) == []


def test_filter_errors_are_accessible(live_server, page, sign_in, supervisor_user, axe_violations):
    sign_in(supervisor_user)
    page.goto(f"{live_server.url}/dashboard/?period=2026-Q2&region=x&setting=street")
    assert page.locator("#error-summary").is_visible()
    assert axe_violations(page) == []


def test_the_filters_work_with_the_keyboard(live_server, page, sign_in, supervisor_user):
    sign_in(supervisor_user)
    page.goto(f"{live_server.url}/dashboard/?period=2026-Q2")
    page.focus("#id_setting")
    page.keyboard.press("ArrowDown")  # the first setting after "All"
    page.locator(".dashboard-filters button[type=submit]").press("Enter")
    page.wait_for_url("**setting=street**")
    assert (
        "Where the child was met: Street or public place" in page.locator("h2#figures").inner_text()
    )

