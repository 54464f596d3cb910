"""Realistic synthetic usage records, for demos and benchmarks: never for a real deployment.

Records spread over the regions, settings, age bands and days of the last two years, with
the indicators noted as they might be (a few common ones, many rare ones), immediate danger
now and then, and the kinds of contact a result would show. PostgreSQL gets the rows through
COPY, other databases through bulk inserts, so a million records take a minute or two.
"""

import datetime
import random
from collections.abc import Iterator

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from screening.choices import AgeBand, Answer, ContactKind, Setting
from screening.models import Indicator, Region, UsageAnswer, UsageContactKind, UsageRecord

BATCH = 20_000
# How often each value turns up, roughly as frontline use would spread it.
SETTING_WEIGHTS = {
    Setting.STREET: 14,
    Setting.TRANSPORT: 14,
    Setting.BORDER: 12,
    Setting.ACCOMMODATION: 9,
    Setting.VENUE: 10,
    Setting.POLICE: 9,
    Setting.HEALTH: 8,
    Setting.SCHOOL: 6,
    Setting.SOCIAL: 8,
    Setting.ONLINE: 3,
    Setting.HOME: 3,
    Setting.OTHER: 2,
    "": 2,
}
AGE_WEIGHTS = {
    AgeBand.UNDER_12: 8,
    AgeBand.AGE_12_14: 26,
    AgeBand.AGE_15_17: 40,
    AgeBand.MAYBE_ADULT: 10,
    AgeBand.NOT_SURE: 12,
    "": 4,
}
NOTED_WEIGHTS = [35, 15, 14, 11, 8, 6, 4, 3, 2, 2]  # how many indicators a checklist notes


def _cumulative(weights: list[float]) -> list[float]:
    total, running = 0.0, []
    for weight in weights:
        total += weight
        running.append(total)
    return running


def generate_usage(
    *,
    count: int,
    seed: int = 2016,
    days: int = 730,
    end: datetime.date | None = None,
    regions: list[int] | None = None,
) -> int:
    """Write count synthetic usage records over the days before end; return how many.

    The same seed and content give the same records. end defaults to yesterday, so today's
    real use is never mixed with generated records. regions limits them to those regions (and
    some without a region); by default they spread over every region.
    """
    if count < 0:
        raise ValueError("count must be zero or more")
    if days < 1:
        raise ValueError("days must be at least 1")
    rng = random.Random(seed)
    end = end or timezone.localdate() - datetime.timedelta(days=1)
    if regions is None:
        regions = list(Region.objects.order_by("pk").values_list("pk", flat=True))
    regions = [None, *sorted(regions)]
    region_weights = _cumulative([3] + [rng.uniform(4, 30) for _ in regions[1:]])
    versions = list(
        Indicator.objects.filter(active=True, current_version__isnull=False)
        .order_by("section__position", "position", "pk")
        .values_list("current_version_id", flat=True)
    )
    # A few indicators are noted often, most rarely (Zipf-like), in a seeded order.
    popularity = versions[:]
    rng.shuffle(popularity)
    version_weights = _cumulative([1 / (rank + 1) for rank in range(len(popularity))])
    # Plain strings: COPY would write an enum member's name, not its value.
    settings = [str(value) for value in SETTING_WEIGHTS]
    setting_weights = _cumulative(list(SETTING_WEIGHTS.values()))
    ages = [str(value) for value in AGE_WEIGHTS]
    age_weights = _cumulative(list(AGE_WEIGHTS.values()))
    noted_choices = list(range(len(NOTED_WEIGHTS)))
    noted_weights = _cumulative(NOTED_WEIGHTS)
    # Use grows over the period, and is lower at weekends.
    day_list = [end - datetime.timedelta(days=offset) for offset in range(days)]
    day_weights = _cumulative(
        [
            (0.6 + 0.4 * (days - i) / days) * (0.6 if d.weekday() >= 5 else 1.0)
            for i, d in enumerate(day_list)
        ]
    )

    def records() -> Iterator[tuple]:
        for _ in range(count):
            noted = min(rng.choices(noted_choices, cum_weights=noted_weights)[0], len(popularity))
            chosen = set()
            while len(chosen) < noted:
                chosen.add(rng.choices(popularity, cum_weights=version_weights)[0])
            answers = [
                (version, Answer.YES.value if rng.random() < 0.7 else Answer.NOT_SURE.value)
                for version in sorted(chosen)
            ]
            danger = rng.random() < 0.03 + 0.04 * noted
            kinds = [ContactKind.CHILD_HELPLINE.value, ContactKind.ANTI_TRAFFICKING.value]
            if danger:
                kinds.append(ContactKind.EMERGENCY.value)
            if noted and rng.random() < 0.6:
                kinds.append(ContactKind.SHELTER.value)
            if noted >= 3 and rng.random() < 0.3:
                kinds.append(ContactKind.LEGAL_AID.value)
            if rng.random() < 0.25:
                kinds.append(ContactKind.HEALTH.value)
            yield (
                rng.choices(day_list, cum_weights=day_weights)[0],
                rng.choices(regions, cum_weights=region_weights)[0],
                rng.choices(settings, cum_weights=setting_weights)[0],
                rng.choices(ages, cum_weights=age_weights)[0],
                danger,
                answers,
                kinds,
            )

    with transaction.atomic():
        next_id = (UsageRecord.objects.aggregate(last=Max("id"))["last"] or 0) + 1
        batch: list[tuple] = []
        made = 0
        for row in records():
            batch.append((next_id + made, *row))
            made += 1
            if len(batch) == BATCH:
                _write(batch)
                batch = []
        if batch:
            _write(batch)
        if made and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(
                    no_style(), [UsageRecord, UsageAnswer, UsageContactKind]
                ):
                    cursor.execute(sql)
    return made


def _write(batch: list[tuple]) -> None:
    records = [
        (pk, day, region, setting, age, danger, len(answers))
        for pk, day, region, setting, age, danger, answers, _ in batch
    ]
    answers = [(pk, version, answer) for pk, *_, rows, _kinds in batch for version, answer in rows]
    kinds = [(pk, kind) for pk, *_, kind_list in batch for kind in kind_list]
    if connection.vendor == "postgresql":
        _copy(
            UsageRecord,
            ["id", "day", "region_id", "setting", "age_band", "immediate_danger", "noted_count"],
            records,
        )
        _copy(UsageAnswer, ["record_id", "indicator_version_id", "answer"], answers)
        _copy(UsageContactKind, ["record_id", "kind"], kinds)
        return
    UsageRecord.objects.bulk_create(
        UsageRecord(
            id=pk,
            day=day,
            region_id=region,
            setting=setting,
            age_band=age,
            immediate_danger=danger,
            noted_count=noted,
        )
        for pk, day, region, setting, age, danger, noted in records
    )
    UsageAnswer.objects.bulk_create(
        (UsageAnswer(record_id=pk, indicator_version_id=v, answer=a) for pk, v, a in answers),
        batch_size=5000,
    )
    UsageContactKind.objects.bulk_create(
        (UsageContactKind(record_id=pk, kind=kind) for pk, kind in kinds), batch_size=5000
    )


def _copy(model, columns: list[str], rows: list[tuple]) -> None:
    """Stream rows into a PostgreSQL table with COPY."""
    if not rows:
        return
    sql = f'COPY "{model._meta.db_table}" ({", ".join(columns)}) FROM STDIN'  # noqa: S608
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
