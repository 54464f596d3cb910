"""A published count and its states: what every dashboard figure is made of.

The rules that decide each cell's state are in suppression.py; the attack that checks them is
in attack.py.
"""

import dataclasses
import enum
import math
from collections.abc import Hashable

from django.utils.formats import number_format
from django.utils.translation import gettext

Key = Hashable
INF = math.inf
ABSOLUTE_MIN_CELL = 3


class SuppressionLoopError(RuntimeError):
    """A loop that must end did not: a bug, reported instead of a page that never loads."""


class Status(enum.StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # below the threshold: shows as "fewer than N"
    HIDDEN = "hidden"  # N or more, hidden so that a small cell cannot be worked out


@dataclasses.dataclass(frozen=True)
class Count:
    """A count as it may be published: the value only when it is shown."""

    value: int | None
    status: Status

    @property
    def shown(self) -> bool:
        return self.status == Status.SHOWN


@dataclasses.dataclass(frozen=True)
class Relation:
    """total = sum(parts): a breakdown and its total, or a cell and its parts across views."""

    total: Key
    parts: tuple[Key, ...]


def min_cell(configured: int) -> int:
    """Return the threshold actually used: the configured one, never below 3."""
    return max(ABSOLUTE_MIN_CELL, int(configured))


def label(count: Count, *, threshold: int) -> str:
    """Return the text every output shows for a count: the number, or why it is not shown."""
    if count.status == Status.SHOWN:
        return number_format(count.value, force_grouping=True)
    if count.status == Status.SMALL:
        return gettext("fewer than %(n)d") % {"n": min_cell(threshold)}
    return gettext("not shown")


def reason(count: Count, *, threshold: int) -> str:
    """Return why a count is not shown, as the CSV's "Why not shown" column says it ("": shown)."""
    if count.status == Status.SHOWN:
        return ""
    if count.status == Status.SMALL:
        return label(count, threshold=threshold)
    return gettext("not shown to protect a small cell")


def share(part: Count, whole: Count) -> int | None:
    """Return part as a whole percentage of whole, only when both are shown."""
    if not (part.shown and whole.shown) or not whole.value:
        return None
    return round(100 * part.value / whole.value)
