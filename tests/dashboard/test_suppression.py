"""Small-cell suppression without a database: each test tries to recover what was hidden."""

import itertools
from fractions import Fraction

import pytest

from screening.dashboard import attack as attack_module
from screening.dashboard.suppression import (
    Count,
    Relation,
    Status,
    SuppressionLoopError,
    attack,
    complements,
    label,
    min_cell,
    publish,
    share,
)

T = 5


# An attacker written apart from the code under test ------------------------------------


def reader_bounds(published: dict, threshold: int, ceiling: int) -> dict:
    """What a reader knows of each cell from what is shown."""
    known = {}
    for key, count in published.items():
        if count.shown:
            known[key] = range(count.value, count.value + 1)
        elif count.status == Status.SMALL:
            known[key] = range(1, threshold)
        else:
            known[key] = range(threshold, ceiling + 1)
    return known


def feasible_values(published: dict, relations: list, threshold: int, ceiling: int) -> dict:
    """Every value each hidden cell can take: a search for a full solution for each value."""
    known = reader_bounds(published, threshold, ceiling)
    hidden = [key for key, options in known.items() if len(options) > 1]

    def consistent(cell: dict) -> bool:
        for r in relations:
            keys = (r.total, *r.parts)
            low = sum(cell[p] if p in cell else known[p][0] for p in r.parts)
            high = sum(cell[p] if p in cell else known[p][-1] for p in r.parts)
            total = [cell[r.total]] if r.total in cell else known[r.total]
            if high < total[0] or low > total[-1]:
                return False
            if all(k in cell for k in keys) and cell[r.total] != low:
                return False
        return True

    def solvable(cell: dict, rest: list) -> bool:
        if not rest:
            return True
        key, *others = rest
        for value in known[key]:
            cell[key] = value
            if consistent(cell) and solvable(cell, others):
                del cell[key]
                return True
            del cell[key]
        return False

    fixed = {key: options[0] for key, options in known.items() if len(options) == 1}
    found = {}
    for key in hidden:
        others = [k for k in hidden if k != key]
        found[key] = {value for value in known[key] if solvable({**fixed, key: value}, others)}
    return found


def linear_solutions(published: dict, relations: list) -> set:
    """Hidden cells that the sums alone determine (exact rational elimination)."""
    hidden = [key for key, count in published.items() if not count.shown]
    index = {key: i for i, key in enumerate(hidden)}
    rows = []
    for relation in relations:
        row = [Fraction(0)] * len(hidden)
        for key, sign in [(relation.total, -1), *((p, 1) for p in relation.parts)]:
            if key in index:
                row[index[key]] += sign
        if any(row):
            rows.append(row)
    pivots = []
    for col in range(len(hidden)):
        pivot = next((r for r in range(len(pivots), len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[len(pivots)], rows[pivot] = rows[pivot], rows[len(pivots)]
        lead = rows[len(pivots)]
        lead[:] = [value / lead[col] for value in lead]
        for r, other in enumerate(rows):
            if r != len(pivots) and other[col]:
                factor = other[col]
                other[:] = [a - factor * b for a, b in zip(other, lead, strict=True)]
        pivots.append(col)
    return {
        hidden[col] for r, col in enumerate(pivots) if sum(1 for value in rows[r] if value) == 1
    }


def table(values: dict) -> tuple[dict, list, dict]:
    """A two-way table with its row, column and grand totals, as one view."""
    rows = sorted({r for r, _ in values})
    cols = sorted({c for _, c in values})
    counts = dict(values)
    for r in rows:
        counts[("row", r)] = sum(values[r, c] for c in cols)
    for c in cols:
        counts[("col", c)] = sum(values[r, c] for r in rows)
    counts["total"] = sum(values.values())
    relations = [Relation(("row", r), tuple((r, c) for c in cols)) for r in rows]
    relations += [Relation(("col", c), tuple((r, c) for r in rows)) for c in cols]
    relations += [
        Relation("total", tuple(("row", r) for r in rows)),
        Relation("total", tuple(("col", c) for c in cols)),
    ]
    return counts, relations, {"total": list(counts)}


def assert_nothing_recoverable(counts, published, relations, ceiling=60):
    small = [key for key, value in counts.items() if 0 < value < T]
    assert small, "the case must contain a small cell"
    for key in small:
        assert not published[key].shown
    feasible = feasible_values(published, relations, T, ceiling)
    for key in small:
        assert len(feasible[key]) > 1, f"{key} can be worked out: {feasible[key]}"
    assert not linear_solutions(published, relations) & set(small)


# The one label every output uses ------------------------------------------------------


def test_label_shows_fewer_than_the_threshold_for_a_small_count():
    assert label(Count(None, Status.SMALL), threshold=5) == "fewer than 5"
    assert label(Count(12, Status.SHOWN), threshold=5) == "12"
    assert label(Count(None, Status.HIDDEN), threshold=5) == "not shown"


def test_threshold_never_goes_below_three():
    assert min_cell(1) == 3
    assert min_cell(10) == 10
    assert label(Count(None, Status.SMALL), threshold=2) == "fewer than 3"
    published = publish({"t": 2, "a": 2}, relations=[], views={"t": ["t", "a"]}, threshold=1)
    assert published["a"].status == Status.SMALL


def test_share_is_given_only_when_both_counts_are_shown():
    assert share(Count(5, Status.SHOWN), Count(20, Status.SHOWN)) == 25
    assert share(Count(None, Status.SMALL), Count(20, Status.SHOWN)) is None
    assert share(Count(5, Status.SHOWN), Count(None, Status.HIDDEN)) is None


def test_a_hidden_count_never_carries_its_value():
    counts, relations, views = table({(0, 0): 1, (0, 1): 9, (1, 0): 8, (1, 1): 7})
    published = publish(counts, relations=relations, views=views, threshold=T)
    assert all(c.value is None for c in published.values() if not c.shown)


# Primary and complementary suppression --------------------------------------------------


def test_a_lone_small_cell_cannot_be_recovered_from_the_total():
    counts = {"total": 40, "a": 2, "b": 11, "c": 27}
    relations = [Relation("total", ("a", "b", "c"))]
    published = publish(counts, relations=relations, views={"total": list(counts)}, threshold=T)
    assert published["a"].status == Status.SMALL
    assert published["b"].status == Status.HIDDEN  # the smallest other cell
    assert published["c"].shown and published["total"].shown
    assert_nothing_recoverable(counts, published, relations)


def test_two_ones_in_a_breakdown_cannot_be_pinned_by_their_bounds():
    # 1 + 1 = 2 and each is at least 1: a reader would know both. A third cell is hidden.
    counts = {"total": 30, "a": 1, "b": 1, "c": 28}
    relations = [Relation("total", ("a", "b", "c"))]
    published = publish(counts, relations=relations, views={"total": list(counts)}, threshold=T)
    assert not published["c"].shown
    assert_nothing_recoverable(counts, published, relations)


def test_a_small_cell_in_a_two_way_table_is_protected_in_its_row_and_column():
    values = {
        (r, c): v
        for (r, c), v in zip(
            itertools.product(range(3), range(3)), [1, 8, 9, 7, 6, 20, 11, 12, 13], strict=True
        )
    }
    counts, relations, views = table(values)
    published = publish(counts, relations=relations, views=views, threshold=T)
    hidden = {key for key, c in published.items() if not c.shown}
    # The smallest rectangle: the small cell, and three cells that close it.
    assert hidden == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert published["total"].shown
    assert_nothing_recoverable(counts, published, relations)


@pytest.mark.parametrize(
    "cells",
    [
        [1, 8, 9, 7, 6, 20, 11, 12, 13],
        [4, 4, 9, 7, 6, 20, 11, 12, 13],
        [1, 1, 1, 7, 6, 20, 11, 12, 13],
        [2, 0, 9, 0, 6, 3, 11, 12, 13],
        [1, 6, 0, 6, 1, 9, 0, 9, 1],
    ],
)
def test_no_small_cell_of_a_two_way_table_can_be_worked_out(cells):
    values = dict(zip(itertools.product(range(3), range(3)), cells, strict=True))
    counts, relations, views = table(values)
    published = publish(counts, relations=relations, views=views, threshold=T)
    assert_nothing_recoverable(counts, published, relations)


def test_a_zero_is_shown_and_never_hidden():
    counts = {"total": 20, "a": 0, "b": 3, "c": 17, "d": 0}
    relations = [Relation("total", ("a", "b", "c", "d"))]
    published = publish(counts, relations=relations, views={"total": list(counts)}, threshold=T)
    assert published["a"] == Count(0, Status.SHOWN)
    assert published["d"] == Count(0, Status.SHOWN)
    # Nothing but zeros next to the small cell: the total goes instead.
    assert not published["c"].shown or not published["total"].shown
    assert_nothing_recoverable(counts, published, relations)


def test_a_small_total_closes_its_view():
    counts = {"all": 40, "north": 3, "south": 37, "north-yes": 2, "south-yes": 30}
    relations = [
        Relation("all", ("north", "south")),
        Relation("north", ("north-yes", "north-no")),
        Relation("south", ("south-yes", "south-no")),
    ]
    counts |= {"north-no": 1, "south-no": 7}
    views = {
        "all": ["all", "north", "south"],
        "north": ["north", "north-yes"],
        "south": ["south", "south-yes"],
    }
    published = publish(
        counts, relations=relations, views=views, threshold=T, derived=["north-no", "south-no"]
    )
    assert published["north"].status == Status.SMALL
    assert not published["north-yes"].shown  # its view is not shown at all
    assert not published["south"].shown  # else north = all - south
    assert not published["south-yes"].shown  # and so south's view closes too


def test_a_derived_complement_that_is_small_is_protected():
    # 38 of 40 noted it: "not noted" is 2, worked out as 40 - 38, so 38 cannot be shown.
    counts = {"total": 40, "yes": 38, "no": 2}
    relations = [Relation("total", ("yes", "no"))]
    published = publish(
        counts, relations=relations, views={"total": ["total", "yes"]}, threshold=T, derived=["no"]
    )
    assert published["total"].shown
    assert not published["yes"].shown
    assert not published["no"].shown


def test_complements_found_once_publish_the_same_figures_again():
    values = dict(
        zip(itertools.product(range(3), range(3)), [1, 8, 9, 7, 6, 20, 11, 12, 13], strict=True)
    )
    counts, relations, views = table(values)
    first = publish(counts, relations=relations, views=views, threshold=T)
    again = publish(
        counts, relations=relations, views=views, threshold=T, hidden=complements(first)
    )
    assert again == first


# The code's own attack, and its loops ------------------------------------------------------

# x is small (2); y and z are hidden (12 and 10); y = x + z, and S1 = x + y, S2 = y + z are shown.
# Bounds alone leave x anywhere in 1..4 (y in 10..13, z in 9..12 fit every one), but the three
# sums have one solution only, and it gives x away.
EXACT_COUNTS = {"x": 2, "y": 12, "z": 10, "S1": 14, "S2": 22}
EXACT_RELATIONS = [
    Relation("y", ("x", "z")),
    Relation("S1", ("x", "y")),
    Relation("S2", ("y", "z")),
]


def test_the_attack_solves_sums_exactly_where_bounds_leave_a_small_cell_open():
    status = {
        "x": Status.SMALL,
        "y": Status.HIDDEN,
        "z": Status.HIDDEN,
        "S1": Status.SHOWN,
        "S2": Status.SHOWN,
    }
    published = {
        key: Count(None if s != Status.SHOWN else EXACT_COUNTS[key], s) for key, s in status.items()
    }
    # The independent reader above agrees: bounds alone do not pin x, the sums do.
    assert len(feasible_values(published, EXACT_RELATIONS, T, 60)["x"]) == 1
    found = attack(
        EXACT_COUNTS,
        status=status,
        displayed=set(EXACT_COUNTS),
        relations=EXACT_RELATIONS,
        threshold=T,
    )
    assert found == {"x"}


def test_what_publish_shows_leaves_the_codes_own_attack_nothing():
    for counts, relations, views in [
        (EXACT_COUNTS, EXACT_RELATIONS, {"S1": list(EXACT_COUNTS)}),
        table(
            dict(
                zip(itertools.product(range(3), range(3)), [1, 6, 0, 6, 1, 9, 0, 9, 1], strict=True)
            )
        ),
    ]:
        published = publish(counts, relations=relations, views=views, threshold=T)
        status = {key: count.status for key, count in published.items()}
        assert any(s == Status.SMALL for s in status.values())
        assert (
            attack(counts, status=status, displayed=set(counts), relations=relations, threshold=T)
            == set()
        )


def test_a_propagation_that_does_not_settle_fails_with_a_clear_error(monkeypatch):
    # The attack's cap lives with the attack (screening/dashboard/attack.py).
    monkeypatch.setattr(attack_module, "MAX_STEPS_PER_RELATION", 1)
    status = {
        "x": Status.SMALL,
        "y": Status.HIDDEN,
        "z": Status.HIDDEN,
        "S1": Status.SHOWN,
        "S2": Status.SHOWN,
    }
    with pytest.raises(SuppressionLoopError, match="did not settle"):
        attack(
            EXACT_COUNTS,
            status=status,
            displayed=set(EXACT_COUNTS),
            relations=EXACT_RELATIONS,
            threshold=T,
        )
