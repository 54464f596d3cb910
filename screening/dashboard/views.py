"""The supervisors' dashboard and its CSV export: aggregates only, every count suppressed."""

import csv
import dataclasses
import datetime
import unicodedata

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from screening.choices import AgeBand, ContactKind, Setting
from screening.dashboard import stats
from screening.dashboard.charts import bar_chart
from screening.dashboard.forms import DashboardFilterForm, quarter_label
from screening.dashboard.publication import publish_scope
from screening.dashboard.suppression import (
    Count,
    Status,
    label,
    min_cell,
    share,
)
from screening.models import IndicatorVersion, Region, SupervisorScope, UsageSummaryState

# A spreadsheet runs a cell starting with one of these as a formula. It looks past leading
# spaces and line breaks, and reads fullwidth forms (＝＋－＠) as the plain ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


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


@require_GET
@never_cache
@supervisors_only
def export_csv(request: HttpRequest) -> HttpResponse:
    report = build_report(request)
    if report["form"].errors:
        return render(request, "screening/dashboard.html", report, status=400)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    quarter = report["quarter"]
    name = f"usage-{stats.quarter_code(quarter)}.csv" if quarter else "usage.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    for row in csv_rows(report):
        writer.writerow([neutralise(cell) for cell in row])
    return response


def neutralise(value) -> str:
    """Make a text cell inert in a spreadsheet: a leading formula character gets a quote.

    Leading whitespace (spaces, line breaks, ideographic spaces) does not hide one.
    """
    text = str(value)
    first = unicodedata.normalize("NFKC", text.lstrip()[:1])
    if text.startswith(FORMULA_STARTS) or first[:1] in {"=", "+", "-", "@"}:
        return "'" + text
    return text


def build_report(request: HttpRequest) -> dict:
    """Validate the filters and publish the chosen view of the chosen quarter."""
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
    quarter = form.quarter
    state = stats.summary_state(quarter)
    if state is None:
        # Counted by `manage.py summarise_usage` (a scheduled job), never inside a request.
        report.update(not_counted=True, not_counted_label=quarter_label(quarter))
        return report
    region_ids = [region.pk for region in regions] if scope else None
    cells = stats.count_quarter(quarter, regions=region_ids)
    published = publish_quarter(
        cells, state=state, quarter=quarter, region_ids=region_ids, threshold=threshold
    )
    if published is None:
        report.update(not_published=True, not_counted_label=quarter_label(quarter))
        return report
    group = form.group
    total = published.get(stats.records_key(group), Count(0, Status.SHOWN))
    report.update(
        quarter=quarter,
        quarter_label=quarter_label(quarter),
        group_label=group_label(group, regions),
        total=total,
        total_text=label(total, threshold=threshold),
        query=request.GET.urlencode(),
    )
    if total.shown and total.value:
        report.update(figures(cells, published, group, quarter, regions, threshold))
    return report


def publish_quarter(
    cells, *, state: UsageSummaryState, quarter, region_ids, threshold: int
) -> dict | None:
    """Publish this supervisor's share of the quarter's one publication (every scope's)."""
    return publish_scope(
        cells, state=state, quarter=quarter, region_ids=region_ids, threshold=threshold
    )


def group_label(group: tuple, regions: list[Region]) -> str:
    if not group:
        return _("All checklists")
    ((dimension, value),) = group
    return f"{dimension_title(dimension)}: {value_label(dimension, value, regions)}"


def dimension_title(dimension: str) -> str:
    return {
        "region": _("Region"),
        "setting": _("Where the child was met"),
        "age_band": _("Apparent age"),
    }[dimension]


def value_label(dimension: str, value, regions: list[Region]) -> str:
    if value in (None, ""):
        return _("Not recorded")
    if dimension == "region":
        names = {region.pk: region.name for region in regions}
        return names.get(value, _("Other region"))
    choices = Setting if dimension == "setting" else AgeBand
    return str(choices(value).label)


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
                % {"dimension": dimension_title(dimension).lower()},
                [checklists],
                [
                    row(
                        value_label(dimension, value, regions),
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


def csv_cells(count: Count, *, threshold: int) -> list[str]:
    """Return a count's two CSV cells: the number, or nothing and why it is not shown.

    The Count column holds numbers only, so a spreadsheet can add it up; the reason is apart.
    """
    if count.shown:
        return [str(count.value), ""]
    if count.status == Status.SMALL:
        return ["", label(count, threshold=threshold)]
    return ["", _("not shown to protect a small cell")]


def csv_rows(report: dict) -> list[list[str]]:
    """Return the export: the same figures and the same suppression as the page."""
    threshold = report["threshold"]
    rows = [
        [_("Recognise & Refer: aggregate use")],
        [_("Quarter"), report.get("quarter_label", "")],
        [_("Checklists"), report.get("group_label", "")],
        [
            _(
                "Counts below %(n)d show as 'fewer than %(n)d'; some others are not shown so that "
                "they cannot be worked out."
            )
            % {"n": threshold}
        ],
        [],
        [_("Figure"), _("Group"), _("Item"), _("Measure"), _("Count"), _("Why not shown")],
    ]
    if not report.get("quarter"):
        return rows
    checklists = _("Checklists")
    if "headline" not in report:
        rows.append(
            [
                _("Checklists completed"),
                "",
                "",
                checklists,
                *csv_cells(report["total"], threshold=threshold),
            ]
        )
        return rows
    for (text, _value, percent), count in zip(
        report["headline"], report["headline_counts"], strict=True
    ):
        rows.append([text, "", "", checklists, *csv_cells(count, threshold=threshold)])
        if percent is not None:
            rows.append([text, "", "", _("Percent of checklists"), str(percent), ""])
    for figure in [
        report["weekly"],
        *report["breakdowns"],
        report["contacts"],
        *report["indicators"],
    ]:
        for r in figure.rows:
            for column, count in zip(figure.columns, r.counts, strict=True):
                rows.append(
                    [
                        figure.title,
                        figure.group,
                        r.label,
                        column,
                        *csv_cells(count, threshold=threshold),
                    ]
                )
    return rows
