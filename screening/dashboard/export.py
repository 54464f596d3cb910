"""The dashboard's CSV export: the same figures and the same suppression as the page.

Number columns hold numbers only, so a spreadsheet can add them up; a column beside each says
why a figure is not shown. Any text a spreadsheet would run as a formula is made inert.
"""

import csv
import unicodedata

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from screening.dashboard import stats
from screening.dashboard.suppression import Count, reason
from screening.dashboard.trends import Trend, Value
from screening.dashboard.views import build_report, supervisors_only

# A spreadsheet runs a cell starting with one of these as a formula. It looks past leading
# spaces and line breaks, and reads fullwidth forms (＝＋－＠) as the plain ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


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
        writer.writerow([cell if isinstance(cell, int) else neutralise(cell) for cell in row])
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


def csv_cells(count: Count, *, threshold: int) -> list:
    """Return a count's two CSV cells: the number, or nothing and why it is not shown.

    The Count column holds numbers only, so a spreadsheet can add it up; the reason is apart.
    """
    if count.shown:
        return [count.value, ""]
    return ["", reason(count, threshold=threshold)]


def value_cells(value: Value) -> list:
    """Return a trend figure's two CSV cells, as csv_cells does for a count."""
    return [value.number, ""] if value.shown else ["", value.why]


def csv_rows(report: dict) -> list[list]:
    """Return the export: the chosen quarter's figures, then the quarters side by side."""
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
    else:
        for (text, _value, percent), count in zip(
            report["headline"], report["headline_counts"], strict=True
        ):
            rows.append([text, "", "", checklists, *csv_cells(count, threshold=threshold)])
            if percent is not None:
                rows.append([text, "", "", _("Percent of checklists"), percent, ""])
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
    if "trend" in report:
        rows += trend_rows(report["trend"])
    return rows


def trend_rows(trend: Trend) -> list[list]:
    """Return the quarters side by side, one figure a row, after a blank row and a heading."""
    rows = [
        [],
        [_("Quarter by quarter")],
        [_("Figure"), _("Item"), _("Period"), _("Measure"), _("Value"), _("Why not shown")],
    ]
    percent = _("Percent of checklists")
    change = _("Percent change from the 4 quarters before")
    for table in [trend.main, *trend.breakdowns]:
        for row in table.rows:
            is_share = row.change is None
            measure = percent if is_share else _("Checklists")
            for name, value in zip(trend.columns, row.quarters, strict=True):
                rows.append([table.title, row.label, name, measure, *value_cells(value)])
            for name, value in zip(trend.year_columns, row.years, strict=True):
                rows.append([table.title, row.label, name, measure, *value_cells(value)])
            if not is_share:
                rows.append(
                    [table.title, row.label, trend.year_columns[1], change]
                    + value_cells(row.change)
                )
    return rows
