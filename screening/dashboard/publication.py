"""One publication per quarter: every figure that any supervisor can see, suppressed at once.

A region-limited supervisor's figures are sums of the unlimited ones' (their regions' share of
each), so a reader who holds both exports can combine them. Suppressing each scope apart let
such a reader pin small counts (issue 24). Here the figures of every scope are cells of one
set of counts, the *universe*:

- the unlimited scope's cells, as they are;
- each supervisor scope's cells, named by what they count (their regions added to the view);
- each region of any scope on its own, and all the other regions together (the rest), as
  cells no one is shown, tied by sums to the scopes above: a scope's figure is the sum of its
  regions', the unlimited figure the sum over every region and the rest.

publish() then searches the complements once over all of it, so every published figure of a
quarter comes from one consistent publication, found for the scopes there are then. A scope
made (or changed) later gets no figure of that quarter: adding its cells would mean hiding
figures already published, or showing sums that undo their suppression.
"""

import datetime
from collections.abc import Iterable

from screening.dashboard import stats
from screening.dashboard.suppression import Count, Key, Relation, Status, complements, publish
from screening.models import SupervisorScope, UsageSummaryState

Scope = tuple[int, ...] | None  # sorted region ids; None: every region


def current_scopes() -> list[tuple[int, ...]]:
    """Every region-limited supervisor's scope, once each (an empty scope sees nothing)."""
    found = set()
    for scope in SupervisorScope.objects.prefetch_related("regions"):
        ids = tuple(sorted(region.pk for region in scope.regions.all()))
        if ids:
            found.add(ids)
    return sorted(found)


def tag(scope: Scope) -> object:
    """How a scope's region set is named in a universe key."""
    if scope is None:
        return None
    if len(scope) == 1:
        return scope[0]
    return ("regions", *scope)


def translate(key: Key, region: object) -> Key:
    """A scope's cell as a cell of the universe: its view with the scope's regions added."""
    if region is None:
        return key
    figure, item, cond = key
    if any(dimension == "region" for dimension, _ in cond):
        return key  # one region of the scope: the same cell as the unlimited scope's
    return (figure, item, stats.condition(*cond, ("region", region)))


class Universe:
    def __init__(self) -> None:
        self.counts: dict = {}
        self.relations: set = set()
        self.views: dict = {}
        self.derived: set = set()

    def add(self, cells: stats.Cells, region: object, *, shown: bool) -> None:
        def named(key):
            return translate(key, region)

        for key, value in cells.counts.items():
            self.counts[named(key)] = value
        for relation in cells.relations:
            self.relations.add(Relation(named(relation.total), tuple(map(named, relation.parts))))
        self.derived.update(map(named, cells.derived))
        if shown:
            for total, keys in cells.views.items():
                self.views.setdefault(named(total), set()).update(map(named, keys))

    def link(self, cells: stats.Cells, region: object, blocks: Iterable[object]) -> None:
        """Tie each cell of a set of regions to the same cell of each block of it."""
        blocks = list(blocks)
        for key in cells.counts:
            figure, item, cond = key
            # A derived cell (a total minus its parts) follows from the sums of the others; a
            # block without the item has no such cell, though its share is not zero.
            if key in cells.derived or any(dimension == "region" for dimension, _ in cond):
                continue
            total = translate(key, region)
            parts = tuple(k for k in (translate(key, b) for b in blocks) if k in self.counts)
            if parts and parts != (total,):
                self.relations.add(Relation(total, parts))


def build_universe(quarter: datetime.date, scopes: Iterable[tuple[int, ...]]) -> Universe:
    """Count every scope of the quarter and tie them together (about ten queries a scope)."""
    scopes = sorted(set(scopes))
    universe = Universe()
    everyone = stats.count_quarter(quarter, regions=None)
    universe.add(everyone, None, shown=True)
    if not scopes:
        return universe
    scoped = sorted({region for scope in scopes for region in scope})
    rest = ("rest", *scoped)  # every other region, and the records without one
    for region in scoped:
        cells = stats.count_quarter(quarter, regions=[region])
        universe.add(cells, region, shown=(region,) in scopes)
    rest_cells = stats.count_quarter(quarter, regions=None, exclude=scoped)
    universe.add(rest_cells, rest, shown=False)
    multi = []
    for scope in scopes:
        if len(scope) > 1:
            cells = stats.count_quarter(quarter, regions=list(scope))
            universe.add(cells, tag(scope), shown=True)
            multi.append((cells, scope))
    # A figure of every region is the sum of each scoped region's and the rest's.
    universe.link(everyone, None, [*scoped, rest])
    for cells, scope in multi:
        universe.link(cells, tag(scope), scope)
    # The rest's figure is the sum of its regions' figures where the unlimited scope has them:
    # the whole quarter's (one region's view), and the checklists by one more dimension.
    others = [r for r in everyone.values["region"] if r not in scoped]
    for key in rest_cells.counts:
        figure, item, cond = key
        if len(cond) > 1 or (cond and figure != "records") or key in rest_cells.derived:
            continue
        parts = tuple(
            k
            for k in ((figure, item, stats.condition(*cond, ("region", r))) for r in others)
            if k in universe.counts
        )
        if parts:
            universe.relations.add(Relation(translate(key, rest), parts))
    return universe


def publish_universe(universe: Universe, *, threshold: int) -> dict:
    return publish(
        universe.counts,
        relations=sorted(universe.relations, key=repr),
        views={total: sorted(keys, key=repr) for total, keys in universe.views.items()},
        threshold=threshold,
        derived=universe.derived,
    )


def joint_hidden(state: UsageSummaryState, quarter, *, threshold: int, scope: Scope) -> set | None:
    """Return the hidden cells of the quarter's one publication (repr of universe keys).

    Found once, for every scope there is then, and stored; never found again, so a figure once
    published never changes. None: the scope was made (or changed) after the quarter was
    published, and gets none of its figures (they could be combined with the published ones).
    """
    slot = f"{threshold}:joint"
    stored = state.complements.get(slot)
    if stored is not None:
        if scope is None or list(scope) in stored["scopes"]:
            return set(stored["hidden"])
        return None
    scopes = set(current_scopes())
    if scope is not None:
        scopes.add(tuple(scope))
    universe = build_universe(quarter, scopes)
    published = publish_universe(universe, threshold=threshold)
    found = [repr(key) for key in complements(published, derived=universe.derived)]
    state.complements[slot] = {"scopes": [list(s) for s in sorted(scopes)], "hidden": found}
    state.save(update_fields=["complements"])
    return set(found)


def publish_scope(
    cells: stats.Cells, *, state, quarter, region_ids: list[int] | None, threshold: int
) -> dict[Key, Count] | None:
    """Publish one supervisor's view of the quarter: their cells of the one publication.

    None: the quarter was published before this supervisor's region limit was set.
    """
    scope = None if region_ids is None else tuple(sorted(region_ids))
    hidden_text = joint_hidden(state, quarter, threshold=threshold, scope=scope)
    if hidden_text is None:
        return None
    region = tag(scope)
    hidden = [key for key in cells.counts if repr(translate(key, region)) in hidden_text]
    return publish(
        cells.counts,
        relations=cells.relations,
        views=cells.views,
        threshold=threshold,
        derived=cells.derived,
        hidden=hidden,
    )


__all__ = ["Status", "build_universe", "current_scopes", "publish_scope", "publish_universe"]
