"""The attack that suppression is checked with: what a reader can work out of each cell.

It knows every shown value, that a "fewer than N" cell holds 1 to N-1, that a hidden cell holds
N or more, and every sum that ties the cells together; it narrows each unknown by interval
propagation and solves the sums exactly (linear algebra), feeding each result back into the
other. Every loop has a cap, so a bug fails with SuppressionLoopError instead of hanging.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence

from screening.dashboard.cells import INF, Key, Relation, Status, SuppressionLoopError

# Exact linear algebra modulo a large prime: the sums have coefficients +1 and -1 only, so a
# rank that differs from the rational one would need this prime to divide a small minor.
PRIME = (1 << 61) - 1
# Narrowing steps allowed per sum before propagation gives up: each step tightens a bound,
# and the figures seen here settle in a few steps per sum, so this is far above any real need.
MAX_STEPS_PER_RELATION = 10_000


def bounds(
    counts: Mapping[Key, int], *, status: Mapping[Key, Status], displayed: set, threshold: int
) -> dict[Key, tuple[float, float]]:
    """Return what a reader of the published figures knows of each cell, as [low, high]."""
    known = {}
    for key, value in counts.items():
        if key not in displayed:
            known[key] = (0, INF)
        elif status[key] == Status.SHOWN:
            known[key] = (value, value)
        elif status[key] == Status.SMALL:
            known[key] = (1, threshold - 1)
        else:
            known[key] = (threshold, INF)
    return known


def solve(
    counts: Mapping[Key, int],
    *,
    status: Mapping[Key, Status],
    displayed: set,
    relations: Sequence[Relation],
    threshold: int,
    memo: dict | None = None,
) -> set[Key]:
    """Return every cell not shown that a reader could still work out exactly.

    Cells that share no sum with an unknown cell are solved apart; memo keeps each part's
    answer, so a later round only solves the parts that a newly hidden cell touched.
    """
    known = bounds(counts, status=status, displayed=displayed, threshold=threshold)
    parent = {key: key for key, (low, high) in known.items() if low != high}

    def find(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    involved: list[tuple[int, list]] = []
    for index, relation in enumerate(relations):
        unknown = [k for k in (relation.total, *relation.parts) if k in parent]
        if unknown:
            involved.append((index, unknown))
            root = find(unknown[0])
            for key in unknown[1:]:
                other = find(key)
                if other != root:
                    parent[other] = root
    groups: dict[Key, tuple[list, list]] = defaultdict(lambda: ([], []))
    for key in parent:
        groups[find(key)][0].append(key)
    for index, unknown in involved:
        groups[find(unknown[0])][1].append(relations[index])

    pinned: set[Key] = set()
    for keys, group_relations in groups.values():
        signature = frozenset((key, known[key]) for key in keys)
        if memo is not None and signature in memo:
            pinned |= memo[signature]
            continue
        found = _solve_part(keys, group_relations, known, counts)
        if memo is not None:
            memo[signature] = found
        pinned |= found
    return pinned


def _solve_part(keys: list, relations: list, known: dict, counts: Mapping[Key, int]) -> set:
    """Narrow and solve one independent part of the sums; return its cells pinned down."""
    local = {k: known[k] for k in keys}
    local.update((k, known[k]) for r in relations for k in (r.total, *r.parts))
    # Each pass solves at least one more cell or stops.
    for _pass in range(len(keys) + 1):
        _propagate(local, relations)
        unknown = [key for key in keys if local[key][0] != local[key][1]]
        solved = _solve_linear(unknown, local, relations)
        if not solved:
            break
        for key in solved:
            local[key] = (counts[key], counts[key])
    else:
        raise SuppressionLoopError(f"solving {len(keys)} cells took more passes than cells")
    return {key for key in keys if local[key][0] == local[key][1]}


def attack(
    counts: Mapping[Key, int],
    *,
    status: Mapping[Key, Status],
    displayed: set,
    relations: Sequence[Relation],
    threshold: int,
) -> set[Key]:
    """Return the small cells that a reader could work out exactly from the published figures."""
    pinned = solve(
        counts, status=status, displayed=displayed, relations=relations, threshold=threshold
    )
    return {key for key in pinned if 0 < counts[key] < threshold}


def _propagate(known: dict[Key, tuple[float, float]], relations: Sequence[Relation]) -> None:
    """Narrow every interval with every sum until nothing changes."""
    relations_of: dict[Key, list[int]] = defaultdict(list)
    for index, relation in enumerate(relations):
        for key in (relation.total, *relation.parts):
            relations_of[key].append(index)
    queue = [
        i
        for i, r in enumerate(relations)
        if any(known[k][0] != known[k][1] for k in (r.total, *r.parts))
    ]
    queued = set(queue)
    limit = MAX_STEPS_PER_RELATION * max(1, len(relations))
    steps = 0
    while queue:
        steps += 1
        if steps > limit:
            raise SuppressionLoopError(
                f"interval propagation over {len(relations)} sums did not settle in {limit} steps"
            )
        index = queue.pop()
        queued.discard(index)
        relation = relations[index]
        changed = _narrow(known, relation)
        for key in changed:
            for other in relations_of[key]:
                if other not in queued:
                    queued.add(other)
                    queue.append(other)


def _narrow(known: dict[Key, tuple[float, float]], relation: Relation) -> list[Key]:
    """Tighten the cells of one sum; return those that changed."""
    parts = relation.parts
    part_low = sum(known[p][0] for p in parts)
    finite_high = sum(known[p][1] for p in parts if known[p][1] != INF)
    infinite = sum(1 for p in parts if known[p][1] == INF)
    changed = []

    total_low, total_high = known[relation.total]
    parts_high = INF if infinite else finite_high
    new = (max(total_low, part_low), min(total_high, parts_high))
    if new != known[relation.total]:
        known[relation.total] = new
        changed.append(relation.total)
    total_low, total_high = known[relation.total]

    for part in parts:
        low, high = known[part]
        others_low = part_low - low
        if high == INF:
            others_high = INF if infinite > 1 else finite_high
        else:
            others_high = INF if infinite else finite_high - high
        new_low = low if others_high == INF else max(low, total_low - others_high)
        new_high = min(high, total_high - others_low)
        if (new_low, new_high) != (low, high):
            known[part] = (new_low, new_high)
            changed.append(part)
    return changed


def _solve_linear(
    unknown: list[Key], known: Mapping[Key, tuple[float, float]], relations: Sequence[Relation]
) -> list[Key]:
    """Return the unknown cells that the sums alone fix exactly (reduced row echelon form)."""
    if not unknown:
        return []
    column = {key: i for i, key in enumerate(unknown)}
    pivots: dict[int, dict[int, int]] = {}  # pivot column -> row (pivot coefficient 1)
    rows_with: dict[int, set[int]] = defaultdict(set)  # column -> pivot columns of rows using it
    for relation in relations:
        row: dict[int, int] = {}
        for key, sign in ((relation.total, PRIME - 1), *((p, 1) for p in relation.parts)):
            if key in column:
                col = column[key]
                row[col] = (row.get(col, 0) + sign) % PRIME
        row = {col: coef for col, coef in row.items() if coef}
        if not row:
            continue
        for col in [c for c in row if c in pivots]:
            factor = row.get(col)
            if factor:
                _subtract(row, pivots[col], factor)
        if not row:
            continue
        pivot = min(row, key=lambda c: (len(rows_with[c]), c))
        inverse = pow(row[pivot], PRIME - 2, PRIME)
        row = {col: coef * inverse % PRIME for col, coef in row.items()}
        for other_pivot in list(rows_with[pivot]):
            other = pivots[other_pivot]
            factor = other.get(pivot)
            if factor:
                before = set(other)
                _subtract(other, row, factor)
                for col in before - set(other):
                    rows_with[col].discard(other_pivot)
                for col in set(other) - before:
                    rows_with[col].add(other_pivot)
        pivots[pivot] = row
        for col in row:
            rows_with[col].add(pivot)
    return [unknown[col] for col, row in pivots.items() if len(row) == 1]


def _subtract(row: dict[int, int], pivot_row: Mapping[int, int], factor: int) -> None:
    """row -= factor * pivot_row, in place, modulo PRIME."""
    for col, coef in pivot_row.items():
        value = (row.get(col, 0) - factor * coef) % PRIME
        if value:
            row[col] = value
        else:
            row.pop(col, None)
