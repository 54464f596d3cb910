"""The words and numbers the dashboard shows: group names, quarter names, counts and percents.

Numbers are formatted for the reader's language (Django's number formatting, with grouping).
"""

import datetime

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from screening.choices import AgeBand, Setting
from screening.models import Region


def number(value: int) -> str:
    """Return a whole number as the reader's language writes it, grouped: 1,240."""
    return number_format(value, force_grouping=True)


def percent(value: int, *, signed: bool = False) -> str:
    """Return a whole percentage: 18%, or with its sign (+18%, -12%) for a change."""
    text = number(abs(value)) if signed else number(value)
    if signed:
        text = ("+" if value > 0 else "-" if value < 0 else "") + text
    return _("%(percent)s%%") % {"percent": text}


def quarter_short(quarter: datetime.date) -> str:
    """Return a quarter's short name, for a table's column: Q3 2026."""
    return _("Q%(number)d %(year)s") % {
        "number": (quarter.month - 1) // 3 + 1,
        "year": quarter.year,
    }


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


def group_label(group: tuple, regions: list[Region]) -> str:
    if not group:
        return _("All checklists")
    ((dimension, value),) = group
    return f"{dimension_title(dimension)}: {value_label(dimension, value, regions)}"


def ordered_values(dimension: str, values, regions: list[Region]) -> list:
    """Return a dimension's groups in the order of its choices, "not recorded" last.

    Never by size: where a row stands must not hint at a count that is not shown.
    """
    if dimension == "region":
        order = [region.pk for region in regions]
    else:
        order = list((Setting if dimension == "setting" else AgeBand).values)
    values = set(values)
    known = [value for value in order if value in values]
    others = sorted((v for v in values if v not in order and v not in (None, "")), key=str)
    missing = [v for v in values if v in (None, "")]
    return known + others + missing
