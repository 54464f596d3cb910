"""The counts one dashboard view needs, read from the quarter summaries.

The quarter's one publication (publication.py) decides, once, the state of every cell of every
view. A request shows one view of up to eight quarters, so it reads only that view's cells and
the totals that decide whether they are displayed. A cell's published state depends on nothing
else: its own count (below the threshold, or not), whether it is one of the stored complements,
and whether some view that shows it has its total shown. Published with the stored complements,
these few cells therefore come out exactly as in the whole publication (a test compares them),
at a cost that grows with neither the records nor the other views.
"""

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q, Sum

from screening.dashboard.stats import (
    ANSWERS,
    DIMENSIONS,
    WEEKS,
    Cells,
    _order,
    condition,
    records_key,
)
from screening.models import UsageSummary


@dataclasses.dataclass
class Margins:
    """One quarter's totals: everyone, each group of each dimension, and the chosen view's."""

    counts: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    values: dict = dataclasses.field(default_factory=lambda: {dim: set() for dim in DIMENSIONS})


def where(group: tuple) -> Q:
    """The summary rows of a view: everyone, or one group."""
    if not group:
        return Q()
    ((dimension, value),) = group
    return Q(**{dimension: value})


def count_margins(
    quarters: Iterable[datetime.date], *, regions: list[int] | None, group: tuple
) -> dict[datetime.date, Margins]:
    """Count the totals of each quarter from the cube shape: three queries, five with a group."""
    quarters = list(quarters)
    found = {quarter: Margins() for quarter in quarters}
    cube = UsageSummary.objects.filter(quarter__in=quarters, shape=UsageSummary.CUBE)
    if regions is not None:
        cube = cube.filter(region__in=regions)
    sums = {"n": Sum("records"), "danger": Sum("danger"), "noted": Sum("noted")}
    for dimension in DIMENSIONS:
        for row in cube.values("quarter", dimension).annotate(**sums).order_by():
            margins = found[row["quarter"]]
            value = row[dimension]
            margins.values[dimension].add(value)
            conds = [((dimension, value),)] + ([()] if dimension == "region" else [])
            for cond in conds:
                margins.counts[records_key(cond)] += row["n"]
                margins.counts[("danger", True, cond)] += row["danger"]
                margins.counts[("noted", True, cond)] += row["noted"]
    if group:
        ((chosen, _value),) = group
        inside = cube.filter(where(group))
        for dimension in DIMENSIONS:
            if dimension == chosen:
                continue
            for row in inside.values("quarter", dimension).annotate(n=Sum("records")).order_by():
                cond = condition(*group, (dimension, row[dimension]))
                found[row["quarter"]].counts[records_key(cond)] += row["n"]
    for margins in found.values():
        margins.values = {dim: sorted(values, key=_order) for dim, values in margins.values.items()}
    return found


def view_cells(margins: Margins, *, group: tuple) -> Cells:
    """Return the cells of one view of a quarter, and the views that display each of them."""
    cells = Cells(values=margins.values)
    counts = dict(margins.counts)
    everyone = records_key(())
    counts.setdefault(everyone, 0)
    views: dict = {everyone: [everyone]}
    for dimension in DIMENSIONS:
        for value in margins.values[dimension]:
            total = records_key(((dimension, value),))
            views[everyone].append(total)
            views[total] = [total]
            if group and group[0][0] != dimension:
                key = records_key(condition(*group, (dimension, value)))
                counts.setdefault(key, 0)
                views[total].append(key)
    # The view's own figures are displayed when its total is shown. A group without any
    # checklist in the quarter is no view at all: it shows a zero, as the whole publication does.
    own = records_key(group)
    if own in views:
        views[own] += [("danger", True, group), ("noted", True, group)]
        if group:
            views[own] += [
                records_key(condition(*group, (dimension, value)))
                for dimension in DIMENSIONS
                if dimension != group[0][0]
                for value in margins.values[dimension]
            ]
    cells.counts = {key: value for key, value in counts.items() if _needed(key, group)}
    cells.views = {
        total: [key for key in keys if key in cells.counts] for total, keys in views.items()
    }
    return cells


def _needed(key, group: tuple) -> bool:
    figure, _item, cond = key
    if figure == "records":
        return len(cond) <= 1 or (bool(group) and set(group) <= set(cond))
    return cond == group


def add_details(
    cells: Cells, quarter: datetime.date, *, regions: list[int] | None, group: tuple
) -> None:
    """Add the view's weeks, indicators and contact kinds of one quarter: three queries."""
    summary = UsageSummary.objects.filter(quarter=quarter)
    if regions is not None:
        summary = summary.filter(region__in=regions)
    inside = where(group)
    n = Sum("records", filter=inside) if group else Sum("records")
    own = records_key(group)
    shown: list = []
    weeks = dict(
        summary.filter(inside, shape=UsageSummary.RECORDS)
        .values_list("week")
        .annotate(n=Sum("records"))
        .order_by()
    )
    for week in range(WEEKS):
        key = ("week", week, group)
        cells.counts[key] = weeks.get(week) or 0
        shown.append(key)
    # Every answer is counted once in each answers shape; the age one has the fewer rows.
    by_age = not group or group[0][0] == "age_band"
    shape = UsageSummary.ANSWERS_BY_AGE if by_age else UsageSummary.ANSWERS_BY_SETTING
    answers: dict = defaultdict(int)
    for version, answer, count in (
        summary.filter(shape=shape)
        .values_list("indicator_version", "answer")
        .annotate(n=n)
        .order_by()
    ):
        answers[(version, answer)] += count or 0
    cells.versions = sorted({version for version, _answer in answers})
    for version in cells.versions:
        for answer in ANSWERS:
            key = ("answer", (version, answer), group)
            cells.counts[key] = answers.get((version, answer), 0)
            shown.append(key)
    kinds = dict(
        summary.filter(shape=UsageSummary.CONTACTS)
        .values_list("contact_kind")
        .annotate(n=n)
        .order_by()
    )
    cells.kinds = sorted(kinds)
    for kind in cells.kinds:
        key = ("contact", (kind, True), group)
        cells.counts[key] = kinds[kind] or 0
        shown.append(key)
    if own in cells.views:
        cells.views[own] += shown


def displayed(cells: Cells, published: dict) -> set:
    """Return the cells that some view shows: a view shows only when its total is shown."""
    return {key for total, keys in cells.views.items() if published[total].shown for key in keys}
