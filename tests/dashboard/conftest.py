"""Eight ended quarters of known checklists, seen on a day fixed by the test, not today."""

import datetime

import pytest

from screening.choices import AgeBand, Answer, Setting
from tests.conftest import count_usage, make_record, make_region, sign_in

TODAY = datetime.date(2027, 1, 20)  # the last ended quarter is Q4 2026
NOON = datetime.time(12, tzinfo=datetime.UTC)
QUARTERS = [datetime.date(2025 + i // 4, 3 * (i % 4) + 1, 1) for i in range(8)]  # Q1 2025 on
LATEST = "2026-Q4"
# East's checklists each quarter: fewer than 5 in the first and the fifth, so a total of four
# quarters would give them away if it were shown beside the other three.
EAST = [3, 6, 7, 5, 2, 6, 6, 8]
NORTH = [10 + i for i in range(8)]
SOUTH = [8] * 8


def move_to(time_machine, day: datetime.date) -> None:
    time_machine.move_to(datetime.datetime.combine(day, NOON), tick=False)


@pytest.fixture
def eight_quarters(content, time_machine):
    """North, South and East over the eight quarters before TODAY, each in one setting and age."""
    move_to(time_machine, TODAY)
    east = make_region("east", name="East Province")
    venue = content["indicators"]["venue"]
    for i, quarter in enumerate(QUARTERS):
        day = quarter + datetime.timedelta(days=20)
        for n in range(NORTH[i]):
            make_record(
                day=day,
                region=content["region"],
                setting=Setting.STREET,
                age_band=AgeBand.AGE_15_17,
                immediate_danger=n < 2,
                answers={venue: Answer.YES} if n < 5 else {},
            )
        for _ in range(SOUTH[i]):
            make_record(
                day=day + datetime.timedelta(days=7),
                region=content["other_region"],
                setting=Setting.TRANSPORT,
                age_band=AgeBand.AGE_12_14,
            )
        for _ in range(EAST[i]):
            make_record(
                day=day + datetime.timedelta(days=14),
                region=east,
                setting=Setting.BORDER,
                age_band=AgeBand.UNDER_12,
            )
    count_usage()
    return {**content, "east": east}


@pytest.fixture
def trend_client(client, supervisor, eight_quarters):
    """A supervisor signed in on TODAY (after the clock moved, so the session is fresh)."""
    sign_in(client, supervisor)
    return client
