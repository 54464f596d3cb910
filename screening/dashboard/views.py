"""The supervisors' dashboard: aggregates only, every count suppressed (the CSV: export.py)."""

import dataclasses
import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from screening.choices import ContactKind
from screening.dashboard import labels, stats, trends, view_counts
from screening.dashboard.charts import bar_chart, sparkline, trend_chart
from screening.dashboard.forms import DashboardFilterForm, quarter_label
from screening.dashboard.publication import publish_scope
from screening.dashboard.suppression import Count, Status, label, min_cell, share
from screening.models import IndicatorVersion, Region, SupervisorScope, UsageSummaryState


def supervisors_only(view):
    """Anonymous users sign in first; signed-in users without the permission get 403."""
    return login_required(
        permission_required("screening.view_dashboard", raise_exception=True)(view)
    )


@dataclasses.dataclass
class Row:
    label: str
    counts: list[Count]
    texts: list[str]


@dataclasses.dataclass
class Figure:
    slug: str
    title: str
    columns: list[str]
    rows: list[Row]
    svg: str = ""
    group: str = ""  # a section title, for the indicators


@require_GET
@never_cache
@supervisors_only
def dashboard(request: HttpRequest) -> HttpResponse:
    report = build_report(request)
    status = 400 if report["form"].errors else 200
    return render(request, "screening/dashboard.html", report, status=status)


def build_report(request: HttpRequest) -> dict:
    """Validate the filters and publish the chosen view of the chosen quarter and its trend."""
    threshold = min_cell(settings.SCREENING_MIN_CELL)
    scope = SupervisorScope.objects.filter(user=request.user).prefetch_related("regions").first()
    regions = list(scope.regions.all()) if scope else list(Region.objects.all())
    quarters = stats.ended_quarters(today=timezone.localdate())
    data = request.GET.copy()
    if quarters and not data.get("period"):
        data["period"] = stats.quarter_code(quarters[0])
    form = DashboardFilterForm(
        data if quarters else None,
        quarters=quarters,
        regions=regions,
        with_not_recorded_region=scope is None,
    )
    report = {"form": form, "threshold": threshold, "quarters": quarters, "quarter": None}
    report["scoped_regions"] = regions if scope else None
    if not quarters or not form.is_valid():
        return report
    quarter, group = form.quarter, form.group
    # The quarter and up to seven before it, oldest first (never before the first record).
    span = sorted(q for q in quarters if q <= quarter)[-trends.TREND_QUARTERS :]
    states = {state.quarter: state for state in UsageSummaryState.objects.filter(quarter__in=span)}
    if quarter not in states:
        # Counted by `manage.py summarise_usage` (a scheduled job), never inside a request.
        report.update(not_counted=True, not_counted_label=quarter_label(quarter))
        return report
    region_ids = [region.pk for region in regions] if scope else None
    published = publish_quarters(
        span, states=states, region_ids=region_ids, group=group, threshold=threshold
    )
    chosen = published[-1]
    if chosen.published is None:
        report.update(not_published=True, not_counted_label=quarter_label(quarter))
        return report
    total = chosen.published.get(stats.records_key(group), Count(0, Status.SHOWN))
    report.update(
        quarter=quarter,
        quarter_label=quarter_label(quarter),
        group_label=labels.group_label(group, regions),
        total=total,
        total_text=label(total, threshold=threshold),
        query=request.GET.urlencode(),
    )
    trend = trends.build_trend(published, group=group, regions=regions, threshold=threshold)
    if any(row.shown and row.number for row in trend.main.rows[0].quarters):
        report["trend"] = trend
        add_trend_charts(trend)
    if total.shown and total.value:
        report.update(figures(chosen.cells, chosen.published, group, quarter, regions, threshold))
    return report


def publish_quarters(
    span: list, *, states: dict, region_ids: list[int] | None, group: tuple, threshold: int
) -> list[trends.Quarter]:
    """Publish the view in each quarter of the span: that quarter's share of its publication.

    The last quarter, the chosen one, also gets its weeks, indicators and contact kinds.
    """
    margins = view_counts.count_margins(
        [q for q in span if q in states], regions=region_ids, group=group
    )
    found = []
    for quarter in span:
        if quarter not in states:
            found.append(trends.Quarter(quarter, missing=_("not yet counted")))
            continue
        cells = view_counts.view_cells(margins[quarter], group=group)
        if quarter == span[-1]:
            view_counts.add_details(cells, quarter, regions=region_ids, group=group)
        published = publish_scope(
            cells,
            state=states[quarter],
            quarter=quarter,
            region_ids=region_ids,
            threshold=threshold,
        )
        if published is None:
            missing = _("published before your region limit was set")
            found.append(trends.Quarter(quarter, missing=missing))
            continue
        found.append(
            trends.Quarter(
                quarter,
                published,
                values=cells.values,
                displayed=view_counts.displayed(cells, published),
                cells=cells,
            )
        )
    return found


def add_trend_charts(trend: trends.Trend) -> None:
    trend.main.svg = trend_chart(
        chart_id="chart-trend",
        title=_("Checklists, quarter by quarter"),
        quarters=trend.columns,
        series=[(row.label, row.counts) for row in trend.main.chart_rows],
    )
    for table in trend.breakdowns:
        for row in table.rows:
            row.spark = sparkline(row.counts)


def week_label(quarter: datetime.date, week: int) -> str:
    start, end = stats.week_start(quarter, week), stats.week_end(quarter, week)
    return _("Week %(number)d: %(start)s to %(end)s") % {
        "number": week + 1,
        "start": date_format(start, "j M"),
        "end": date_format(end, "j M"),
    }


def figures(cells, published, group, quarter, regions, threshold: int) -> dict:
    """Return the figures of one view, each with its chart and the rows of its table."""

    def count(key) -> Count:
        return published.get(key, Count(0, Status.SHOWN))

    def row(text: str, *counts: Count) -> Row:
        return Row(text, list(counts), [label(c, threshold=threshold) for c in counts])

    total = count(stats.records_key(group))
    checklists = _("Checklists")
    result: dict = {}
    noted, danger = count(("noted", True, group)), count(("danger", True, group))
    result["headline"] = [
        (_("Checklists completed"), label(total, threshold=threshold), None),
        (
            _("With at least one indicator noted"),
            label(noted, threshold=threshold),
            share(noted, total),
        ),
        (
            _("With immediate danger flagged"),
            label(danger, threshold=threshold),
            share(danger, total),
        ),
    ]
    result["headline_counts"] = [total, noted, danger]
    weekly = Figure(
        "weeks",
        _("Checklists completed, week by week"),
        [checklists],
        [row(week_label(quarter, w), count(("week", w, group))) for w in range(stats.WEEKS)],
    )
    breakdowns = []
    for dimension in stats.DIMENSIONS:
        if group and group[0][0] == dimension:
            continue
        breakdowns.append(
            Figure(
                f"by-{dimension}",
                _("Checklists by %(dimension)s")
                % {"dimension": labels.dimension_title(dimension).lower()},
                [checklists],
                [
                    row(
                        labels.value_label(dimension, value, regions),
                        count(stats.records_key(stats.condition(*group, (dimension, value)))),
                    )
                    for value in cells.values[dimension]
                ],
            )
        )
    contacts = Figure(
        "contacts",
        _("Kinds of contact shown on the result"),
        [checklists],
        [
            row(str(ContactKind(kind).label), count(("contact", (kind, True), group)))
            for kind in cells.kinds
        ],
    )
    indicators = indicator_figures(cells, count, row, group)
    for figure in [weekly, *breakdowns, contacts, *indicators]:
        figure.svg = bar_chart(
            chart_id=f"chart-{figure.slug}",
            title=figure.title if not figure.group else f"{figure.group}: {figure.title}",
            rows=[(r.label, r.counts) for r in figure.rows],
            series=figure.columns,
            threshold=threshold,
        )
    result.update(weekly=weekly, breakdowns=breakdowns, contacts=contacts, indicators=indicators)
    return result


def indicator_figures(cells, count, row, group) -> list[Figure]:
    """Group the indicator versions by section; most often noted first, as far as shown."""
    versions = (
        IndicatorVersion.objects.filter(pk__in=cells.versions)
        .select_related("indicator__section")
        .order_by("indicator__section__position", "indicator__position", "number")
    )
    by_section: dict = {}
    for version in versions:
        section = version.indicator.section
        yes = count(("answer", (version.pk, "yes"), group))
        not_sure = count(("answer", (version.pk, "not_sure"), group))
        text = _("%(text)s (version %(number)d)") % {"text": version.text, "number": version.number}
        by_section.setdefault(section, []).append(row(text, yes, not_sure))
    result = []
    for section, rows in by_section.items():
        # Sorting by what is shown only: a hidden count's place must not hint at its size.
        rows.sort(key=lambda r: -sum(c.value or 0 for c in r.counts if c.shown))
        result.append(
            Figure(
                f"section-{section.pk}",
                _("Indicators noted"),
                [_("Yes"), _("Not sure")],
                rows,
                group=section.title,
            )
        )
    return result
