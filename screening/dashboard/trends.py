"""The last eight ended quarters side by side, and the figures across them.

Each quarter's figure in a trend is that quarter's own published cell (view_counts.py and the
quarter's one publication): the trend shows nothing of a quarter that the quarter does not show
on its own. A figure across quarters (four quarters together, a change, a share) is worked out
only from figures that are shown, and is itself not shown as soon as one of them is not. It
therefore tells a reader nothing they could not work out from the quarters' own figures: no
hidden quarter can be recovered from a total and the other quarters, and the quarters, which
share no record, share no sum a reader could combine either. Pure functions: no database.
"""

import dataclasses
import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from screening.dashboard import labels
from screening.dashboard.stats import DIMENSIONS, condition, records_key
from screening.dashboard.suppression import Count, Key, Status, label, reason, share
from screening.models import Region

TREND_QUARTERS = 8  # two years: each quarter beside the same quarter a year before
YEAR = 4
# A cell that no view of its quarter displays (its views' totals are not shown): the quarter's
# own figures say nothing of it, so neither does the trend, not even "fewer than".
CLOSED = Count(None, Status.HIDDEN)


@dataclasses.dataclass(frozen=True)
class Value:
    """A figure of a trend table: a number, or nothing and why."""

    number: int | None
    text: str  # what the page shows
    why: str = ""  # what the CSV's "Why not shown" column says ("" when shown)
    # No figure at all (a quarter not yet counted, too few quarters so far): a figure worked
    # out from it has none for the same reason.
    absent: bool = False

    @property
    def shown(self) -> bool:
        return self.number is not None


@dataclasses.dataclass
class Quarter:
    """One quarter's published cells of the view, or why it has none for this supervisor."""

    quarter: datetime.date
    published: dict[Key, Count] | None = None
    values: dict = dataclasses.field(default_factory=dict)  # dimension -> groups with records
    missing: str = ""  # why there are no figures ("not yet counted", ...)
    displayed: set = dataclasses.field(default_factory=set)  # the cells some open view shows
    cells: object = None  # the view's cells (stats.Cells): the chosen quarter's figures use them

    def count(self, key: Key) -> Count | None:
        """Return a published cell; a group without records in the quarter counts zero."""
        if self.published is None:
            return None
        if key in self.published and key not in self.displayed:
            return CLOSED
        return self.published.get(key, Count(0, Status.SHOWN))


@dataclasses.dataclass
class Row:
    label: str
    quarters: list[Value]
    years: list[Value]  # the four quarters before, then the last four
    change: Value | None  # of the last four quarters against the four before
    counts: list[Count | None]  # for the chart: each quarter's published cell
    spark: str = ""  # a small chart of the row, drawn by the view


@dataclasses.dataclass
class Table:
    slug: str
    title: str
    item_title: str  # the heading of the rows' column
    rows: list[Row]
    chart_rows: list[Row] = dataclasses.field(default_factory=list)  # counts only
    svg: str = ""


@dataclasses.dataclass
class Trend:
    quarters: list[datetime.date]
    columns: list[str]  # the quarters' short names, oldest first
    year_columns: list[str]
    main: Table
    breakdowns: list[Table]
    sentence: str


def part_hidden() -> str:
    return _("not shown: worked out from a figure that is not shown")


def from_count(count: Count | None, *, missing: str, threshold: int) -> Value:
    """Return a quarter's published count as a trend figure."""
    if count is None:
        return Value(None, missing, missing, absent=True)
    if count is CLOSED:
        return Value(None, _("not shown"), _("not shown: its group is not shown in this quarter"))
    if count.shown:
        return Value(count.value, labels.number(count.value))
    return Value(None, label(count, threshold=threshold), reason(count, threshold=threshold))


def total(values: list[Value]) -> Value:
    """Return four quarters together: only when each of them is shown."""
    if len(values) < YEAR:
        too_few = _("not enough quarters yet")
        return Value(None, too_few, too_few, absent=True)
    for value in values:
        if not value.shown:
            return unavailable(value)
    together = sum(value.number for value in values)
    return Value(together, labels.number(together))


def unavailable(value: Value) -> Value:
    """Why a figure worked out from a value that is not shown is not shown either."""
    if value.absent:
        return value
    return Value(None, _("not shown"), part_hidden())


def change(after: Value, before: Value) -> Value:
    """Return the percent change from before to after: only when both are shown."""
    for value in (before, after):
        if not value.shown:
            return unavailable(value)
    if not before.number:
        return Value(None, _("none before"), _("none before"))
    difference = round(100 * (after.number - before.number) / before.number)
    return Value(difference, labels.percent(difference, signed=True))


def share_of(part: Value, whole: Value) -> Value:
    """Return part as a percentage of whole: only when both are shown."""
    for value in (whole, part):
        if not value.shown:
            return unavailable(value)
    percent = share(Count(part.number, Status.SHOWN), Count(whole.number, Status.SHOWN))
    if percent is None:
        return Value(None, _("no checklists"), _("no checklists"))
    return Value(percent, labels.percent(percent))


def count_row(text: str, key: Key, quarters: list[Quarter], threshold: int) -> Row:
    """Return one count's row: each quarter's published cell, and the figures across them."""
    counts = [q.count(key) for q in quarters]
    values = [
        from_count(count, missing=quarter.missing, threshold=threshold)
        for count, quarter in zip(counts, quarters, strict=True)
    ]
    years = [total(values[-2 * YEAR : -YEAR]), total(values[-YEAR:])]
    return Row(text, values, years, change(years[1], years[0]), counts)


def build_trend(
    quarters: list[Quarter], *, group: tuple, regions: list[Region], threshold: int
) -> Trend:
    """Return the trend of one view over its quarters (oldest first)."""
    dates = [q.quarter for q in quarters]
    checklists = count_row(_("Checklists"), records_key(group), quarters, threshold)
    noted = count_row(
        _("With at least one indicator noted"), ("noted", True, group), quarters, threshold
    )
    noted_share = Row(
        _("Share with at least one indicator noted"),
        [share_of(p, w) for p, w in zip(noted.quarters, checklists.quarters, strict=True)],
        [share_of(p, w) for p, w in zip(noted.years, checklists.years, strict=True)],
        None,
        [None] * len(quarters),
    )
    danger = count_row(
        _("With immediate danger flagged"), ("danger", True, group), quarters, threshold
    )
    main = Table(
        "trend",
        _("Quarter by quarter"),
        _("Figure"),
        [checklists, noted_share, danger],
        chart_rows=[checklists, noted, danger],
    )
    breakdowns = []
    for dimension in DIMENSIONS:
        if group and group[0][0] == dimension:
            continue
        found = {value for q in quarters for value in q.values.get(dimension, ())}
        rows = [
            count_row(
                labels.value_label(dimension, value, regions),
                records_key(condition(*group, (dimension, value))),
                quarters,
                threshold,
            )
            for value in labels.ordered_values(dimension, found, regions)
        ]
        title = labels.dimension_title(dimension)
        breakdowns.append(
            Table(
                f"trend-{dimension.replace('_', '-')}",
                _("Checklists by %(dimension)s, quarter by quarter") % {"dimension": title.lower()},
                title,
                rows,
            )
        )
    return Trend(
        quarters=dates,
        columns=[labels.quarter_short(d) for d in dates],
        year_columns=year_columns(dates),
        main=main,
        breakdowns=breakdowns,
        sentence=sentence(checklists, dates),
    )


def year_columns(dates: list[datetime.date]) -> list[str]:
    last = dates[-1]
    year_before = datetime.date(last.year - 1, last.month, 1)
    return [
        _("4 quarters to %(quarter)s") % {"quarter": labels.quarter_short(year_before)},
        _("4 quarters to %(quarter)s") % {"quarter": labels.quarter_short(last)},
    ]


def sentence(checklists: Row, dates: list[datetime.date]) -> str:
    """Return the one sentence at the top: the chosen quarter against the same a year before."""
    now = checklists.quarters[-1]
    if not now.shown or not now.number:
        return ""
    last = dates[-1]
    before_date = datetime.date(last.year - 1, last.month, 1)
    values = {
        "count": labels.number(now.number),
        "quarter": labels.quarter_short(last),
        "before": labels.quarter_short(before_date),
    }
    before = checklists.quarters[-1 - YEAR] if len(dates) > YEAR else None
    if before is None or before.absent:
        text = ngettext(
            "%(count)s checklist in %(quarter)s; there is no figure for %(before)s to compare.",
            "%(count)s checklists in %(quarter)s; there is no figure for %(before)s to compare.",
            now.number,
        )
    elif not before.shown:
        # The same words for "fewer than" and "not shown": the sentence adds nothing to the table.
        text = ngettext(
            "%(count)s checklist in %(quarter)s; the count for %(before)s is not shown, "
            "so no change is given.",
            "%(count)s checklists in %(quarter)s; the count for %(before)s is not shown, "
            "so no change is given.",
            now.number,
        )
    elif not before.number:
        text = ngettext(
            "%(count)s checklist in %(quarter)s; there were none in %(before)s.",
            "%(count)s checklists in %(quarter)s; there were none in %(before)s.",
            now.number,
        )
    else:
        difference = round(100 * (now.number - before.number) / before.number)
        values["percent"] = labels.percent(abs(difference))
        if difference > 0:
            text = ngettext(
                "%(count)s checklist in %(quarter)s, %(percent)s more than in %(before)s.",
                "%(count)s checklists in %(quarter)s, %(percent)s more than in %(before)s.",
                now.number,
            )
        elif difference < 0:
            text = ngettext(
                "%(count)s checklist in %(quarter)s, %(percent)s fewer than in %(before)s.",
                "%(count)s checklists in %(quarter)s, %(percent)s fewer than in %(before)s.",
                now.number,
            )
        else:
            text = ngettext(
                "%(count)s checklist in %(quarter)s, about as many as in %(before)s.",
                "%(count)s checklists in %(quarter)s, about as many as in %(before)s.",
                now.number,
            )
    return text % values
