"""The trend attacked from the CSV: no hidden quarter comes back from a total, a change or a share.

A reader downloads every export of the eight quarters (each view of each quarter, and the
quarters side by side), knows that four quarters together are the sum of those quarters, that a
percentage is a rounded ratio, and every sum the quarters' own figures obey, and narrows and
solves all of it together. The figures across quarters must tell them nothing more than the
quarters' own figures do. Against a trend whose totals are counted on their own (suppressed
only when below the threshold) the same reader finds East's hidden quarter.
"""

import math
import re
from collections import defaultdict
from fractions import Fraction

from screening.dashboard import trends
from screening.models import UsageRecord
from tests.dashboard.conftest import EAST, LATEST, QUARTERS
from tests.dashboard.test_dashboard import EXPORT, FEWER, Reader, Sums, labels_of, quarter_block
from tests.dashboard.test_trends import csv_rows, trend_block

HIDDEN = "not shown to protect a small cell"
DIMENSION_OF = {
    "region": "region",
    "where the child was met": "setting",
    "apparent age": "age_band",
}


def code_of(name: str) -> str:
    """The quarter a column names ("Q3 2026") as the filter writes it ("2026-Q3")."""
    number, year = re.fullmatch(r"Q(\d) (\d{4})", name).groups()
    return f"{year}-Q{number}"


def four_to(end: str) -> list[str]:
    """The four quarters that end with end, as quarter codes."""
    codes = [code_of_quarter(q) for q in QUARTERS]
    codes += ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    codes.sort()
    index = codes.index(end)
    return codes[index - 3 : index + 1]


def groups_with_records() -> list[tuple]:
    """Every view a reader can ask for that holds checklists in the eight quarters."""
    records = UsageRecord.objects.filter(day__gte=QUARTERS[0])
    codes = {
        "region": {code or "none" for code in records.values_list("region__code", flat=True)},
        "setting": {value or "none" for value in records.values_list("setting", flat=True)},
        "age_band": {value or "none" for value in records.values_list("age_band", flat=True)},
    }
    return [()] + [((dim, value),) for dim, values in codes.items() for value in sorted(values)]


def read(value: str, why: str) -> tuple:
    if value:
        return (int(value), int(value))
    if why == FEWER:
        return (1, 4)
    if why == HIDDEN:
        return (5, None)
    return (0, None)  # worked out from a hidden figure, or no figure at all: nothing known


class TrendReader(Sums):
    """What the quarters side by side tell a reader, with or without each quarter's own export."""

    def __init__(self) -> None:
        super().__init__()
        self.shares: list = []  # (part, whole, percent): percent = round(100 * part / whole)
        self.changes: list = []  # (after, before, percent of change)
        self.quarter_cells: set = set()

    def meet(self, key, bounds) -> None:
        self.bounds[key] = Reader.meet(self.bounds.get(key), bounds)

    def add_trend(
        self, view: tuple, rows: list[list[str]], labels: dict, *, breakdowns: bool = True
    ) -> None:
        """Read one view's quarters side by side; breakdowns: with the sums among its rows."""
        cond = dict(view)
        groups = defaultdict(set)  # dimension -> its groups' codes in this view's tables
        records = ("records", frozenset(cond.items()))
        noted = ("With at least one indicator noted", "", "", "Checklists", frozenset(cond.items()))
        danger = ("With immediate danger flagged", "", "", "Checklists", frozenset(cond.items()))
        for figure, item, period, measure, value, why in rows:
            if figure == "Quarter by quarter":
                base = {"Checklists": records, "With immediate danger flagged": danger}.get(item)
                if base is None:  # the share with an indicator noted
                    base = noted
            else:
                title = figure.removeprefix("Checklists by ").removesuffix(", quarter by quarter")
                dimension = DIMENSION_OF[title]
                code = labels[dimension][item]
                groups[dimension].add(code)
                base = ("records", frozenset({**cond, dimension: code}.items()))
            bounds = read(value, why)
            if period.startswith("Q"):
                quarter = code_of(period)
                key = (quarter, base)
                self.cell(key)
                if measure == "Percent of checklists":
                    if value:
                        self.shares.append((key, (quarter, records), int(value)))
                    continue
                self.meet(key, bounds)
                self.quarter_cells.add(key)
                continue
            end = code_of(period.removeprefix("4 quarters to "))
            key = ("four quarters", end, base)
            self.cell(key)
            parts = [self.cell((quarter, base)) for quarter in four_to(end)]
            if (key, parts) not in self.relations:
                self.relations.append((key, parts))
            if measure == "Percent of checklists":
                whole = self.cell(("four quarters", end, records))
                if value:
                    self.shares.append((key, whole, int(value)))
            elif measure.startswith("Percent change"):
                year_before = f"{int(end[:4]) - 1}{end[4:]}"
                if value:
                    self.changes.append((key, ("four quarters", year_before, base), int(value)))
            else:
                self.meet(key, bounds)
        if not breakdowns:
            return
        # Each dimension's rows add up to the view's checklists, quarter by quarter.
        for dimension, codes in groups.items():
            for quarter in QUARTERS:
                code = code_of_quarter(quarter)
                parts = [
                    self.cell((code, ("records", frozenset({**cond, dimension: c}.items()))))
                    for c in sorted(codes)
                ]
                self.relations.append((self.cell((code, records)), parts))

    def add_quarter(self, quarter: str, reader: Reader) -> None:
        """Add each view's export of one quarter: its figures and the sums among them."""
        for key, bounds in reader.bounds.items():
            self.meet((quarter, key), bounds)
        for total, parts in reader.relations:
            self.relations.append(((quarter, total), [(quarter, p) for p in parts]))

    def narrow(self, low, high) -> bool:
        """Narrow with every rounded percentage whose other side is known exactly."""
        changed = False

        def tighten(key, lowest, highest) -> None:
            nonlocal changed
            lowest, highest = math.ceil(lowest), math.floor(highest)
            if lowest > low[key]:
                low[key], changed = lowest, True
            if high[key] is None or highest < high[key]:
                high[key], changed = highest, True

        def exact(key) -> int | None:
            return low[key] if high[key] is not None and low[key] == high[key] else None

        for part, whole, percent in self.shares:
            if exact(whole):
                w = exact(whole)
                tighten(
                    part, Fraction(w * (2 * percent - 1), 200), Fraction(w * (2 * percent + 1), 200)
                )
        for after, before, percent in self.changes:
            if exact(before):
                b = exact(before)
                tighten(
                    after,
                    b * (1 + Fraction(2 * percent - 1, 200)),
                    b * (1 + Fraction(2 * percent + 1, 200)),
                )
        return changed

    def hidden(self) -> set:
        return {k for k in self.quarter_cells if self.bounds[k][0] != self.bounds[k][1]}

    def small(self) -> set:
        return {k for k in self.quarter_cells if self.bounds[k] == (1, 4)}


def code_of_quarter(quarter) -> str:
    return f"{quarter.year}-Q{(quarter.month - 1) // 3 + 1}"


def quarter_exports(client, code: str) -> dict:
    """Each view's export of one quarter (its own figures), as test_dashboard reads them."""
    return {
        view: quarter_block(csv_rows(client.get(EXPORT, {"period": code, **dict(view)})))
        for view in groups_with_records()
    }


def own_reader(client, code: str) -> Reader:
    return Reader(quarter_exports(client, code), labels_of(client, code))


def trend_exports(client) -> dict:
    return {
        view: trend_block(csv_rows(client.get(EXPORT, {"period": LATEST, **dict(view)})))
        for view in groups_with_records()
    }


def attack(client, *, with_quarters: bool, breakdowns: bool = True) -> tuple[TrendReader, dict]:
    labels = labels_of(client, LATEST)
    reader = TrendReader()
    for view, rows in trend_exports(client).items():
        reader.add_trend(view, rows, labels, breakdowns=breakdowns)
    if with_quarters:
        for quarter in QUARTERS:
            code = code_of_quarter(quarter)
            reader.add_quarter(code, own_reader(client, code))
    return reader, reader.recover(reader.narrow)


def quarters_only(client) -> dict:
    """What each quarter's own exports give away, without the quarters side by side."""
    reader = TrendReader()
    for quarter in QUARTERS:
        code = code_of_quarter(quarter)
        reader.add_quarter(code, own_reader(client, code))
    return reader.recover()


EAST_Q5 = ("2026-Q1", ("records", frozenset({"region": "east"}.items())))


def test_no_hidden_quarter_comes_back_from_totals_changes_and_the_other_quarters(trend_client):
    reader, recovered = attack(trend_client, with_quarters=False, breakdowns=False)
    assert EAST_Q5 in reader.small(), "the dataset must hide a quarter for this to mean anything"
    assert reader.hidden() > reader.small(), "and some counts hidden to protect small ones"
    found = reader.hidden() & set(recovered)
    assert not found, {key: recovered[key] for key in found}


def test_the_quarters_side_by_side_give_nothing_away_with_every_sum_they_obey(trend_client):
    reader, recovered = attack(trend_client, with_quarters=False)
    assert not reader.small() & set(recovered)
    assert reader.hidden() & set(recovered) <= set(quarters_only(trend_client))


def test_with_every_quarters_own_export_the_trend_gives_nothing_more_away(trend_client):
    reader, recovered = attack(trend_client, with_quarters=True)
    assert not reader.small() & set(recovered)
    assert reader.hidden() & set(recovered) <= set(quarters_only(trend_client))


def naive_count_row(text, key, quarters, threshold):
    """A trend whose totals of four quarters are counted on their own: the broken design."""
    row = real_count_row(text, key, quarters, threshold)
    raw = [q.cells.counts.get(key, 0) if q.cells is not None else 0 for q in quarters]
    for index, span in enumerate((raw[-8:-4], raw[-4:])):
        together = sum(span)
        if len(span) == 4 and together >= threshold:
            row.years[index] = trends.Value(together, str(together))
    return row


real_count_row = trends.count_row


def test_the_same_attack_finds_a_quarter_when_totals_are_counted_on_their_own(
    trend_client, monkeypatch
):
    monkeypatch.setattr(trends, "count_row", naive_count_row)
    reader, recovered = attack(trend_client, with_quarters=False, breakdowns=False)
    assert recovered[EAST_Q5] == EAST[4]
    assert reader.small() & set(recovered)


def test_the_trend_figures_are_those_of_each_quarters_own_export(trend_client):
    """The quarters side by side show each quarter's cell as that quarter's export does."""
    reader, _ = attack(trend_client, with_quarters=False)
    trend_bounds = {k: reader.bounds[k] for k in reader.quarter_cells}
    for quarter in QUARTERS:
        code = code_of_quarter(quarter)
        own = TrendReader()
        own.add_quarter(code, own_reader(trend_client, code))
        for key, bounds in trend_bounds.items():
            if key[0] == code and key in own.bounds:
                assert own.bounds[key] == bounds, key
