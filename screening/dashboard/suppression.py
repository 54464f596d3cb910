"""Small-cell suppression: the one place that decides what a count may show.

Every figure the dashboard shows (page, chart, table, CSV) is a cell here. A cell below the
threshold shows as "fewer than N" (primary suppression). Complementary suppression then hides
more cells until no small cell can be worked out from what is shown: not from a total minus
its parts, not from a share, not across the breakdowns and filtered views of one period.

The check is the attack itself. It knows every shown value, that a "fewer than N" cell holds
1 to N-1, that a hidden cell holds N or more, and every sum that ties the cells together; it
narrows each unknown by interval propagation and solves the sums exactly (linear algebra),
feeding each result back into the other, and any small cell it pins down gets a neighbour
hidden. Each round hides at least one more cell, so it ends; every loop also has a cap, so a
mistake in a change to this module fails with SuppressionLoopError instead of hanging.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from screening.dashboard.attack import attack, bounds, solve
from screening.dashboard.cells import (
    ABSOLUTE_MIN_CELL,
    INF,
    Count,
    Key,
    Relation,
    Status,
    SuppressionLoopError,
    label,
    min_cell,
    reason,
    share,
)

# What the rest of the dashboard imports from here: the cells, and the one rule for them.
__all__ = [
    "ABSOLUTE_MIN_CELL",
    "INF",
    "Count",
    "Key",
    "Relation",
    "Status",
    "SuppressionLoopError",
    "attack",
    "bounds",
    "complements",
    "label",
    "min_cell",
    "publish",
    "reason",
    "share",
    "solve",
]


def publish(
    counts: Mapping[Key, int],
    *,
    relations: Sequence[Relation],
    views: Mapping[Key, Iterable[Key]],
    threshold: int,
    derived: Iterable[Key] = (),
    hidden: Iterable[Key] | None = None,
) -> dict[Key, Count]:
    """Suppress small cells and their complements; return what each cell may show.

    views maps each view's total cell to the cells that view shows: a view whose total is not
    shown is not shown at all. derived cells (a total minus its parts, such as "not noted")
    are never shown but are protected like any other.
    """
    threshold = min_cell(threshold)
    derived = frozenset(derived)
    status = {
        key: Status.SMALL if 0 < value < threshold else Status.SHOWN
        for key, value in counts.items()
    }
    views_of: dict[Key, list[Key]] = defaultdict(list)
    for total, keys in views.items():
        for key in keys:
            views_of[key].append(total)
    relations_of: dict[Key, list[int]] = defaultdict(list)
    for index, relation in enumerate(relations):
        for key in (relation.total, *relation.parts):
            relations_of[key].append(index)
    view_totals = frozenset(views)
    memo: dict = {}
    if hidden is not None:
        # The complements found before for these very counts: publish the same figures again.
        for key in hidden:
            if key in status and status[key] == Status.SHOWN:
                status[key] = Status.HIDDEN

    # Each round hides one more cell or stops, so it cannot take more rounds than cells.
    rounds = 0
    while hidden is None:
        rounds += 1
        if rounds > len(counts) + 1:
            raise SuppressionLoopError(
                f"complementary suppression went past {len(counts) + 1} rounds for "
                f"{len(counts)} cells without settling"
            )
        displayed = _displayed(status, views_of, derived)
        pinned = solve(
            counts,
            status=status,
            displayed=displayed,
            relations=relations,
            threshold=threshold,
            memo=memo,
        )
        exposed = {key for key in pinned if 0 < counts[key] < threshold}
        if not exposed:
            break
        # A hidden complement that can be worked out protects nothing: give it a complement
        # first; only then hide more next to the small cells themselves.
        failed = {key for key in pinned if key in displayed and status[key] == Status.HIDDEN}
        exposed = failed or exposed
        # One complement per sum per round: the next round's attack shows whether it was enough.
        # Cells pinned by a sum in which they are the only unknown come first: the others are
        # often pinned only through them.
        unknowns = [
            sum(1 for k in (r.total, *r.parts) if k not in displayed or status[k] != Status.SHOWN)
            for r in relations
        ]
        touched: set[int] = set()
        hid_any = False
        for key in sorted(
            exposed, key=lambda k: (min((unknowns[i] for i in relations_of[k]), default=0), repr(k))
        ):
            if touched.intersection(relations_of.get(key, ())):
                continue
            candidate = _complement(
                key, counts, status, displayed, relations, relations_of, view_totals, unknowns
            )
            touched.update(relations_of.get(key, ()))
            if candidate is not None:
                status[candidate] = Status.HIDDEN
                touched.update(relations_of[candidate])
                hid_any = True
        if not hid_any:
            # Nothing left to hide next to the exposed cells: show nothing at all.
            return {key: Count(None, Status.HIDDEN) for key in counts}

    displayed = _displayed(status, views_of, derived)
    published = {}
    for key, value in counts.items():
        state = status[key]
        if key not in displayed and state == Status.SHOWN:
            state = Status.HIDDEN  # only in views that are not shown
        published[key] = Count(value if state == Status.SHOWN else None, state)
    return published


def complements(published: Mapping[Key, Count], *, derived: Iterable[Key] = ()) -> list[Key]:
    """Return the hidden cells of a publication, to publish the same figures later."""
    derived = frozenset(derived)
    return [k for k, c in published.items() if c.status == Status.HIDDEN and k not in derived]


def _displayed(
    status: Mapping[Key, Status], views_of: Mapping[Key, list[Key]], derived: frozenset
) -> set[Key]:
    """Return the cells some shown view displays (a view shows only if its total is shown)."""
    open_views = {total for total, state in status.items() if state == Status.SHOWN}
    return {
        key
        for key, totals in views_of.items()
        if key not in derived and any(total in open_views for total in totals)
    }


def _complement(key, counts, status, displayed, relations, relations_of, view_totals, unknowns):
    """Choose a shown cell next to key to hide.

    Prefer the sum in which key is least hidden, then the smallest count; a view's total
    (which would close the whole view) only as a last resort.
    """
    best = None
    for index in relations_of.get(key, ()):
        relation = relations[index]
        for other in (relation.total, *relation.parts):
            if other == key or other not in displayed or status[other] != Status.SHOWN:
                continue
            if counts[other] == 0:
                continue  # a zero is never hidden: "not shown" always means N or more
            rank = (other in view_totals, unknowns[index], counts[other], repr(other))
            if best is None or rank < best[0]:
                best = (rank, other)
    return None if best is None else best[1]
