"""Dashboard aggregates: ended quarters, the per-quarter summary, and the cells to publish.

Only whole, ended calendar quarters are shown. They never overlap and never grow, so no two
views can be subtracted to isolate a few records (four weeks minus three, this week's view
minus last week's). Inside a quarter the finest unit is a week of that quarter.

Every figure of every view of a quarter (everyone, one region, one setting, one age band)
is computed at once and suppressed together, because the views share their sums.
"""

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Max, Min, Q, Sum, Value, When

from screening.dashboard.suppression import Relation
from screening.models import (
    UsageAnswer,
    UsageContactKind,
    UsageRecord,
    UsageSummary,
    UsageSummaryState,
)

WEEKS = 13  # weeks 1-12 have 7 days; week 13 holds the quarter's last 6 to 8 days
DIMENSIONS = ("region", "setting", "age_band")
ANSWERS = ("yes", "not_sure")
INSERT_BATCH = 5000


# Periods ---------------------------------------------------------------------------------


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_quarter(quarter: datetime.date) -> datetime.date:
    month = quarter.month + 3
    return datetime.date(quarter.year + (month > 12), (month - 1) % 12 + 1, 1)


def quarter_code(quarter: datetime.date) -> str:
    return f"{quarter.year}-Q{(quarter.month - 1) // 3 + 1}"


def parse_quarter(code: str) -> datetime.date | None:
    """Return the first day of a quarter written like 2026-Q3, or None."""
    year, _, number = code.partition("-Q")
    if not (year.isdigit() and len(year) == 4 and number in {"1", "2", "3", "4"}):
        return None
    return datetime.date(int(year), 3 * (int(number) - 1) + 1, 1)


def week_start(quarter: datetime.date, week: int) -> datetime.date:
    return quarter + datetime.timedelta(days=7 * week)


def week_end(quarter: datetime.date, week: int) -> datetime.date:
    """Return the last day of a week of the quarter (week 13 runs to the quarter's end)."""
    if week == WEEKS - 1:
        return next_quarter(quarter) - datetime.timedelta(days=1)
    return quarter + datetime.timedelta(days=7 * week + 6)


def ended_quarters(*, today: datetime.date) -> list[datetime.date]:
    """Return every quarter that has ended, from the first one with a record, newest first."""
    first = UsageRecord.objects.aggregate(first=Min("day"))["first"]
    current = quarter_start(today)
    quarters = []
    quarter = quarter_start(first) if first else current
    while quarter < current:
        quarters.append(quarter)
        quarter = next_quarter(quarter)
    return quarters[::-1]


# The summary -----------------------------------------------------------------------------


def records_in(quarter: datetime.date):
    return UsageRecord.objects.filter(day__gte=quarter, day__lt=next_quarter(quarter))


def summary_state(quarter: datetime.date) -> UsageSummaryState | None:
    """The quarter's summary as last built, or None: a page never builds one (it takes seconds)."""
    return UsageSummaryState.objects.filter(quarter=quarter).first()


def summarise_ended_quarters(*, today: datetime.date) -> list[datetime.date]:
    """Build or refresh the summary of every ended quarter; run by `manage.py summarise_usage`.

    A quarter whose records have not changed since its summary was built costs one count.
    """
    quarters = ended_quarters(today=today)
    for quarter in quarters:
        ensure_summary(quarter)
    return quarters


def ensure_summary(quarter: datetime.date) -> UsageSummaryState:
    """Rebuild the quarter's summary if its records changed since it was built; return its state."""
    seen = records_in(quarter).aggregate(records=Count("id"), last=Max("id"))
    signature = (seen["records"], seen["last"] or 0)
    state = UsageSummaryState.objects.filter(quarter=quarter).first()
    if state is not None and (state.records, state.last_record) == signature:
        return state
    return rebuild_summary(quarter, signature=signature)


@transaction.atomic
def rebuild_summary(quarter: datetime.date, *, signature: tuple[int, int]) -> UsageSummaryState:
    """Count the quarter's records in four grouped queries and store the counts."""
    # One rebuild at a time: a second request waits on the lock, then finds the work done.
    state, _ = UsageSummaryState.objects.get_or_create(
        quarter=quarter, defaults={"records": 0, "last_record": -1}
    )
    state = UsageSummaryState.objects.select_for_update().get(pk=state.pk)
    if (state.records, state.last_record) == signature:
        return state
    end = next_quarter(quarter)
    records = records_in(quarter)
    week = Case(
        *(
            When(day__lt=week_start(quarter, number + 1), then=Value(number))
            for number in range(WEEKS - 1)
        ),
        default=Value(WEEKS - 1),
        output_field=IntegerField(),
    )
    rows = [
        UsageSummary(
            quarter=quarter,
            shape=UsageSummary.RECORDS,
            region_id=row["region"],
            setting=row["setting"],
            age_band=row["age_band"],
            week=row["week"],
            records=row["n"],
            danger=row["danger"],
            noted=row["noted"],
        )
        for row in records.annotate(week=week)
        .values("region", "setting", "age_band", "week")
        .annotate(
            n=Count("id"),
            danger=Count("id", filter=Q(immediate_danger=True)),
            noted=Count("id", filter=Q(noted_count__gt=0)),
        )
        .order_by()
    ]
    rows += cube_rows(quarter, rows)
    answers = UsageAnswer.objects.filter(record__day__gte=quarter, record__day__lt=end)
    for shape, field in (
        (UsageSummary.ANSWERS_BY_SETTING, "setting"),
        (UsageSummary.ANSWERS_BY_AGE, "age_band"),
    ):
        rows += [
            UsageSummary(
                quarter=quarter,
                shape=shape,
                region_id=row["record__region"],
                indicator_version_id=row["indicator_version"],
                answer=row["answer"],
                records=row["n"],
                **{field: row[f"record__{field}"]},
            )
            for row in answers.values(
                "record__region", f"record__{field}", "indicator_version", "answer"
            )
            .annotate(n=Count("id"))
            .order_by()
        ]
    contacts = UsageContactKind.objects.filter(record__day__gte=quarter, record__day__lt=end)
    rows += [
        UsageSummary(
            quarter=quarter,
            shape=UsageSummary.CONTACTS,
            region_id=row["record__region"],
            setting=row["record__setting"],
            age_band=row["record__age_band"],
            contact_kind=row["kind"],
            records=row["n"],
        )
        for row in contacts.values("record__region", "record__setting", "record__age_band", "kind")
        .annotate(n=Count("id"))
        .order_by()
    ]
    UsageSummary.objects.filter(quarter=quarter).delete()
    UsageSummary.objects.bulk_create(rows, batch_size=INSERT_BATCH)
    state.records, state.last_record = signature
    state.complements = {}
    state.save()
    return state


def cube_rows(quarter: datetime.date, records: Iterable[UsageSummary]) -> list[UsageSummary]:
    """Return the quarter's records summary without its weeks (the cube shape)."""
    cube: dict = defaultdict(lambda: [0, 0, 0])
    for row in records:
        sums = cube[(row.region_id, row.setting, row.age_band)]
        sums[0] += row.records
        sums[1] += row.danger
        sums[2] += row.noted
    return [
        UsageSummary(
            quarter=quarter,
            shape=UsageSummary.CUBE,
            region_id=region,
            setting=setting,
            age_band=age_band,
            records=n,
            danger=danger,
            noted=noted,
        )
        for (region, setting, age_band), (n, danger, noted) in cube.items()
    ]


# Counting a quarter ----------------------------------------------------------------------


@dataclasses.dataclass
class Cells:
    """Every count of every view of a quarter, and the sums that tie them together."""

    counts: dict = dataclasses.field(default_factory=dict)
    relations: list = dataclasses.field(default_factory=list)
    views: dict = dataclasses.field(default_factory=dict)
    derived: set = dataclasses.field(default_factory=set)
    values: dict = dataclasses.field(default_factory=dict)  # dimension -> values with records
    versions: list = dataclasses.field(default_factory=list)
    kinds: list = dataclasses.field(default_factory=list)


def records_key(cond: tuple = ()) -> tuple:
    return ("records", None, cond)


def condition(*pairs: tuple[str, object]) -> tuple:
    """Return a view's condition in one canonical order, so equal cells get one key."""
    return tuple(sorted(pairs, key=lambda pair: DIMENSIONS.index(pair[0])))


def count_quarter(
    quarter: datetime.date, *, regions: Iterable[int] | None, exclude: Iterable[int] = ()
) -> Cells:
    """Count the quarter from its summary, grouped in SQL: ten queries, whatever the size.

    regions limits every count to those regions (a supervisor's scope); None means all.
    exclude leaves those regions out (the records without a region stay in).
    """
    summary = UsageSummary.objects.filter(quarter=quarter)
    if regions is not None:
        summary = summary.filter(region__in=list(regions))
    exclude = list(exclude)
    if exclude:
        summary = summary.exclude(region__in=exclude)
    by_records = summary.filter(shape=UsageSummary.RECORDS)
    cube_shape = summary.filter(shape=UsageSummary.CUBE)
    answers_setting = summary.filter(shape=UsageSummary.ANSWERS_BY_SETTING)
    answers_age = summary.filter(shape=UsageSummary.ANSWERS_BY_AGE)
    contacts = summary.filter(shape=UsageSummary.CONTACTS)

    def grouped(queryset, *fields, **sums):
        sums = sums or {"n": Sum("records")}
        return list(queryset.values(*fields).annotate(**sums).order_by())

    cube = grouped(
        cube_shape,
        "region",
        "setting",
        "age_band",
        n=Sum("records"),
        danger=Sum("danger"),
        noted=Sum("noted"),
    )
    weeks = {dim: grouped(by_records, dim, "week") for dim in DIMENSIONS}
    answers = {
        "region": grouped(answers_setting, "region", "indicator_version", "answer"),
        "setting": grouped(answers_setting, "setting", "indicator_version", "answer"),
        "age_band": grouped(answers_age, "age_band", "indicator_version", "answer"),
    }
    kinds = {dim: grouped(contacts, dim, "contact_kind") for dim in DIMENSIONS}
    return build_cells(cube=cube, weeks=weeks, answers=answers, kinds=kinds)


def build_cells(*, cube: list, weeks: dict, answers: dict, kinds: dict) -> Cells:
    """Turn grouped rows into cells, views and sums (pure: no database)."""
    cells = Cells()
    counts: dict = defaultdict(int)
    values: dict = {dim: set() for dim in DIMENSIONS}
    for row in cube:
        pairs = [(dim, row[dim]) for dim in DIMENSIONS]
        for dim, value in pairs:
            values[dim].add(value)
        for cond in _subsets(pairs):
            counts[records_key(cond)] += row["n"]
            if len(cond) <= 1:
                counts[("danger", True, cond)] += row["danger"]
                counts[("noted", True, cond)] += row["noted"]
    cells.values = {dim: sorted(found, key=_order) for dim, found in values.items()}
    views = [()] + [((dim, value),) for dim in DIMENSIONS for value in cells.values[dim]]
    versions = sorted({row["indicator_version"] for rows in answers.values() for row in rows})
    kinds_found = sorted({row["contact_kind"] for rows in kinds.values() for row in rows})
    cells.versions, cells.kinds = versions, kinds_found

    for dim, rows in weeks.items():
        for row in rows:
            counts[("week", row["week"], ((dim, row[dim]),))] += row["n"]
            if dim == "region":
                counts[("week", row["week"], ())] += row["n"]
    for dim, rows in answers.items():
        for row in rows:
            item = (row["indicator_version"], row["answer"])
            counts[("answer", item, ((dim, row[dim]),))] += row["n"]
            if dim == "region":
                counts[("answer", item, ())] += row["n"]
    for dim, rows in kinds.items():
        for row in rows:
            item = (row["contact_kind"], True)
            counts[("contact", item, ((dim, row[dim]),))] += row["n"]
            if dim == "region":
                counts[("contact", item, ())] += row["n"]

    relations = cells.relations
    for cond in views:
        total = records_key(cond)
        shown = [total]
        families = _families(cond, versions, kinds_found)
        for parts, derived in families:
            relations.append(Relation(total, tuple(parts)))
            for key in parts:
                if key in derived:
                    counts[key] = counts[total] - sum(counts[p] for p in parts if p != key)
                    cells.derived.add(key)
                else:
                    counts[key] += 0
                    shown.append(key)
        for dim in DIMENSIONS:
            if cond and cond[0][0] == dim:
                continue
            parts = [records_key(condition(*cond, (dim, v))) for v in cells.values[dim]]
            relations.append(Relation(total, tuple(parts)))
            shown += parts
            for key in parts:
                counts[key] += 0
        cells.views[total] = shown
    # Each figure of the whole quarter is also the sum of that figure over every region,
    # every setting and every age band.
    for parts, _ in _families((), versions, kinds_found):
        for key in parts:
            figure, item, _cond = key
            for dim in DIMENSIONS:
                relations.append(
                    Relation(key, tuple((figure, item, ((dim, v),)) for v in cells.values[dim]))
                )
    cells.counts = dict(counts)
    return cells


def _families(cond: tuple, versions: list, kinds: list) -> list[tuple[list, set]]:
    """Return the breakdowns of one view that sum to its total, with their derived cells."""
    families = [([("week", week, cond) for week in range(WEEKS)], set())]
    for figure in ("danger", "noted"):
        parts = [(figure, True, cond), (figure, False, cond)]
        families.append((parts, {parts[1]}))
    for version in versions:
        parts = [("answer", (version, answer), cond) for answer in (*ANSWERS, "neither")]
        families.append((parts, {parts[2]}))
    for kind in kinds:
        parts = [("contact", (kind, True), cond), ("contact", (kind, False), cond)]
        families.append((parts, {parts[1]}))
    return families


def _subsets(pairs: list) -> list[tuple]:
    """Return the conditions of up to two of the pairs: what any view can show."""
    found = [()]
    for i, first in enumerate(pairs):
        found.append((first,))
        for second in pairs[i + 1 :]:
            found.append(condition(first, second))
    return found


def _order(value) -> tuple:
    """Sort dimension values with "not recorded" last."""
    return (value in (None, ""), str(value))
