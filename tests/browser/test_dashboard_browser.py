"""The dashboard in Chromium: charts and tables render, axe-core finds nothing, it fits a phone."""

import datetime
import io
import re

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


# At real volume, on a phone ----------------------------------------------------------------

PHONE_HEIGHT = 740
# The seven provinces of Nepal, as the shipped content names them: seed_demo's regions.
NEPAL = ["koshi", "madhesh", "bagmati", "gandaki", "lumbini", "karnali", "sudurpashchim"]


@pytest.fixture
def demo_volume(db, supervisor_user):
    """What seed_demo writes: synthetic records over the eight ended quarters and this one."""
    from django.core.management import call_command
    from django.utils import timezone

    from screening.dashboard import stats
    from screening.dashboard.synthetic import generate_usage
    from screening.management.commands.seed_demo import DEMO_QUARTERS, DEMO_RECORDS
    from screening.models import Indicator

    assert Indicator.objects.active().count() >= 30, "the shipped content: a page of real length"
    nepal = Country.objects.get_or_create(code="np", defaults={"name": "Nepal"})[0]
    regions = [
        Region.objects.get_or_create(
            code=f"np-{name}", defaults={"name": f"{name.title()} Province", "country": nepal}
        )[0].pk
        for name in NEPAL
    ]
    today = timezone.localdate()
    start = stats.quarter_start(today)
    for _ in range(DEMO_QUARTERS):
        start = stats.quarter_start(start - datetime.timedelta(days=1))
    generate_usage(count=DEMO_RECORDS, seed=2016, days=(today - start).days, regions=regions)
    call_command("summarise_usage", stdout=io.StringIO())
    return supervisor_user


# Writing and counting a demo's twenty thousand records takes about half a minute here.
@pytest.mark.timeout(300)
def test_at_real_volume_the_dashboard_fits_a_phone(
    live_server, page, sign_in, demo_volume, axe_violations
):
    sign_in(demo_volume)
    page.goto(f"{live_server.url}/dashboard/")
    text = page.locator("main").inner_text()
    assert re.search(r"[\d,]+ checklists in Q\d \d{4}", text)
    # One sentence says why a figure may be hidden.
    assert "so that no small count, which could point at a child, can be read or worked out" in text
    # Six screens of a 360 x 740 phone at most, the trend's tables included.
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"dashboard height at 360 x 740: {height} px ({height / PHONE_HEIGHT:.2f} screens)")
    assert height <= 6 * PHONE_HEIGHT
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Most region and setting figures are shown, not hidden.
    for slug in ("trend-region", "trend-setting"):
        cells = page.locator(f"#{slug}-table tbody td.num").all_inner_texts()
        numbers = [c for c in cells if re.fullmatch(r"[+-]?[\d,]+%?", c)]
        print(f"{slug}: {len(numbers)} of {len(cells)} cells show a number")
        assert len(numbers) > 0.75 * len(cells)
    check_tables_scroll_in_their_own_box(page)
    assert axe_violations(page) == []
    open_every_figure(page)
    check_no_chart_label_is_clipped(page)
    assert axe_violations(page) == []


def check_tables_scroll_in_their_own_box(page) -> None:
    """Wide tables scroll inside a labelled box that the keyboard can reach and scroll."""
    boxes = page.locator(".table-scroll")
    wide = 0
    for index in range(boxes.count()):
        box = boxes.nth(index)
        assert box.get_attribute("role") == "region"
        assert box.get_attribute("tabindex") == "0"
        label = page.locator(f"#{box.get_attribute('aria-labelledby')}")
        assert label.count() == 1 and label.text_content().strip()
        if box.is_visible() and box.evaluate("b => b.scrollWidth > b.clientWidth"):
            wide += 1
    assert wide >= 3, "the trend's tables are wider than a phone: they scroll in their box"
    box = page.locator("#trend-setting-caption").locator("xpath=ancestor::div[1]")
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle())


def check_no_chart_label_is_clipped(page) -> None:
    """Every text of every chart lies inside its chart's box, measured in Chromium."""
    outside = page.evaluate(
        """() => {
          const found = [];
          let texts = 0;
          for (const svg of document.querySelectorAll("svg.chart")) {
            const box = svg.getBoundingClientRect();
            for (const text of svg.querySelectorAll("text")) {
              const r = text.getBoundingClientRect();
              texts += 1;
              if (r.left < box.left - 0.5 || r.right > box.right + 0.5 ||
                  r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
                found.push(`${text.textContent}: ${r.left.toFixed(1)}-${r.right.toFixed(1)} in ` +
                           `${box.left.toFixed(1)}-${box.right.toFixed(1)}`);
              }
            }
          }
          return {texts, found};
        }"""
    )
    texts, found = outside["texts"], outside["found"]
    print(f"chart labels measured: {texts}, outside their chart: {len(found)}")
    assert texts > 100
    assert found == []
