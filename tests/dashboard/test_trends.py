"""The trend: the last eight ended quarters side by side, the sentence on top, the CSV."""

import csv
import datetime
import io
import re

import pytest

from screening.dashboard import labels, stats, trends, view_counts
from screening.dashboard.publication import publish_scope
from screening.dashboard.suppression import Count, Status
from screening.models import SupervisorScope, UsageSummaryState
from tests.conftest import count_usage, make_user, sign_in
from tests.dashboard import test_dashboard
from tests.dashboard.conftest import EAST, NORTH, SOUTH, TODAY, move_to
from tests.dashboard.test_dashboard import EXPORT, URL, text_of

known = test_dashboard.known
sparse = test_dashboard.sparse


def trend_rows(response, slug: str) -> dict[str, list[str]]:
    """A trend table's rows: label -> [change, 4 quarters before, last 4, each quarter...]."""
    html = response.content.decode()
    start = html.index(f'id="{slug}-table"')
    body = html[start : html.index("</table>", start)]
    rows = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", body, flags=re.S):
        label, _, rest = row.partition("</th>")
        cells = re.findall(r'<td class="num">(.*?)</td>', rest, flags=re.S)
        rows[label.strip()] = [cell.strip() for cell in cells]
    return rows


def trend_columns(response, slug: str = "trend") -> list[str]:
    html = response.content.decode()
    start = html.index(f'id="{slug}-table"')
    head = html[start : html.index("</thead>", start)]
    return re.findall(r'<th scope="col" class="num">(.*?)</th>', head)


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def trend_block(rows: list[list[str]]) -> list[list[str]]:
    """The quarters side by side of an export: the rows under their own heading."""
    start = rows.index(["Quarter by quarter"]) + 2
    return rows[start:]


# The page ------------------------------------------------------------------------------


def test_it_shows_the_last_eight_ended_quarters_oldest_first(trend_client):
    response = trend_client.get(URL)
    columns = trend_columns(response)
    assert columns[:3] == ["Change", "4 quarters to Q4 2025", "4 quarters to Q4 2026"]
    assert columns[3:] == [
        "Q1 2025",
        "Q2 2025",
        "Q3 2025",
        "Q4 2025",
        "Q1 2026",
        "Q2 2026",
        "Q3 2026",
        "Q4 2026",
    ]
    checklists = trend_rows(response, "trend")["Checklists"]
    assert checklists[3:] == [str(n + s + e) for n, s, e in zip(NORTH, SOUTH, EAST, strict=True)]


def test_the_eight_quarters_move_with_the_day_it_is(trend_client, time_machine, supervisor):
    move_to(time_machine, TODAY + datetime.timedelta(days=90))  # 2027-04-20: Q1 2027 has ended
    count_usage()
    sign_in(trend_client, supervisor)
    response = trend_client.get(URL)
    assert trend_columns(response)[3:] == [
        "Q2 2025",
        "Q3 2025",
        "Q4 2025",
        "Q1 2026",
        "Q2 2026",
        "Q3 2026",
        "Q4 2026",
        "Q1 2027",
    ]
    assert trend_rows(response, "trend")["Checklists"][-1] == "0"


def test_an_earlier_quarter_shows_the_quarters_up_to_it(trend_client):
    response = trend_client.get(URL, {"period": "2025-Q3"})
    assert trend_columns(response)[3:] == ["Q1 2025", "Q2 2025", "Q3 2025"]
    row = trend_rows(response, "trend")["Checklists"]
    assert row[:3] == ["not enough quarters yet"] * 3


def test_the_sentence_compares_the_quarter_with_the_same_one_a_year_before(trend_client):
    text = text_of(trend_client.get(URL))
    now, before = NORTH[7] + SOUTH[7] + EAST[7], NORTH[3] + SOUTH[3] + EAST[3]
    percent = round(100 * (now - before) / before)
    assert f"{now} checklists in Q4 2026, {percent}% more than in Q4 2025." in text
    # At the top: right under the page's heading, before the filters and every figure.
    html = trend_client.get(URL).content.decode()
    main = html.index("<main")
    assert main < html.index('class="trend-sentence"') < html.index("<form", main)


def test_a_total_of_quarters_is_shown_only_when_each_quarter_is(trend_client):
    rows = trend_rows(trend_client.get(URL), "trend-region")
    north = rows["North Province"]
    before, last = sum(NORTH[:4]), sum(NORTH[4:])
    assert north[:3] == [f"+{round(100 * (last - before) / before)}%", str(before), str(last)]
    east = rows["East Province"]
    assert east[3] == "fewer than 5" and east[7] == "fewer than 5"
    # The first and the fifth quarter are small: neither total, nor the change, is shown.
    assert east[:3] == ["not shown", "not shown", "not shown"]


def test_a_group_shows_its_own_trend(trend_client):
    response = trend_client.get(URL, {"region": "north"})
    assert trend_rows(response, "trend")["Checklists"][3:] == [str(n) for n in NORTH]
    assert "trend-region-table" not in response.content.decode()
    assert trend_rows(response, "trend-setting")["Street or public place"][3:] == [
        str(n) for n in NORTH
    ]


def test_quarters_published_before_a_region_limit_say_so(client, supervisor, eight_quarters):
    sign_in(client, supervisor)
    client.get(URL, {"period": "2025-Q4"})  # publishes the four quarters of 2025
    limited = make_user("limited", "Supervisors")
    SupervisorScope.objects.create(user=limited).regions.set([eight_quarters["region"]])
    sign_in(client, limited)
    response = client.get(URL)
    row = trend_rows(response, "trend")["Checklists"]
    before = "published before your region limit was set"
    assert row[3:7] == [before] * 4
    assert row[7:] == [str(n) for n in NORTH[4:]]
    assert row[:3] == [before, before, str(sum(NORTH[4:]))]
    assert "there is no figure for Q4 2025 to compare" in text_of(response)


# The sentence ------------------------------------------------------------------------------


def sentence(now: trends.Value, before: trends.Value | None) -> str:
    """The sentence for Q3 2026, with Q3 2025 before it (None: the first quarter counted)."""
    quarters = [datetime.date(2025, 7, 1)]
    while len(quarters) < 5:
        quarters.append(stats.next_quarter(quarters[-1]))
    values = [before, shown(900), shown(900), shown(900), now]
    if before is None:
        quarters, values = quarters[-1:], values[-1:]
    return trends.sentence(trends.Row("Checklists", values, [], None, []), quarters)


def shown(number: int) -> trends.Value:
    return trends.Value(number, labels.number(number))


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        (shown(1051), "1,240 checklists in Q3 2026, 18% more than in Q3 2025."),
        (shown(1409), "1,240 checklists in Q3 2026, 12% fewer than in Q3 2025."),
        (shown(1240), "1,240 checklists in Q3 2026, about as many as in Q3 2025."),
        (shown(0), "1,240 checklists in Q3 2026; there were none in Q3 2025."),
        (
            trends.Value(None, "fewer than 5", "fewer than 5"),
            "1,240 checklists in Q3 2026; the count for Q3 2025 is not shown, "
            "so no change is given.",
        ),
        (
            trends.Value(None, "not shown", "not shown to protect a small cell"),
            "1,240 checklists in Q3 2026; the count for Q3 2025 is not shown, "
            "so no change is given.",
        ),
        (None, "1,240 checklists in Q3 2026; there is no figure for Q3 2025 to compare."),
    ],
)
def test_the_sentence_says_what_it_can_and_nothing_of_a_hidden_count(before, expected):
    assert sentence(shown(1240), before) == expected


def test_no_sentence_when_the_quarter_itself_is_not_shown():
    assert sentence(trends.Value(None, "fewer than 5", "fewer than 5"), shown(10)) == ""


# Figures across quarters ------------------------------------------------------------------


def test_figures_across_quarters_are_worked_out_from_shown_figures_only():
    four = [shown(5), shown(6), shown(7), shown(8)]
    assert trends.total(four) == trends.Value(26, "26")
    small = trends.Value(None, "fewer than 5", "fewer than 5")
    assert trends.total([*four[:3], small]).number is None
    assert trends.total(four[:3]).number is None  # not four quarters yet
    assert trends.change(shown(13), shown(10)).number == 30
    assert trends.change(shown(13), trends.total([*four[:3], small])).number is None
    assert trends.change(shown(13), shown(0)).number is None
    assert trends.share_of(shown(1), shown(4)).number == 25
    assert trends.share_of(small, shown(40)).number is None


# One view's cells are the whole publication's ----------------------------------------------


def whole_and_view(quarter, *, regions, group, threshold=5):
    state = UsageSummaryState.objects.get(quarter=quarter)
    whole = publish_scope(
        stats.count_quarter(quarter, regions=regions),
        state=state,
        quarter=quarter,
        region_ids=regions,
        threshold=threshold,
    )
    margins = view_counts.count_margins([quarter], regions=regions, group=group)[quarter]
    cells = view_counts.view_cells(margins, group=group)
    view_counts.add_details(cells, quarter, regions=regions, group=group)
    view = publish_scope(
        cells, state=state, quarter=quarter, region_ids=regions, threshold=threshold
    )
    return whole, view


@pytest.mark.parametrize("limited", [False, True])
def test_a_views_cells_are_published_exactly_as_in_the_whole_publication(sparse, limited):
    quarter = datetime.date(2026, 4, 1)
    regions = [sparse["region"].pk, sparse["other_region"].pk] if limited else None
    if limited:
        user = make_user("limited", "Supervisors")
        SupervisorScope.objects.create(user=user).regions.set(regions)
    whole, _ = whole_and_view(quarter, regions=regions, group=())
    assert any(c.status == Status.HIDDEN for c in whole.values())
    groups = [()] + [
        ((dimension, value),)
        for dimension in stats.DIMENSIONS
        for value in stats.count_quarter(quarter, regions=regions).values[dimension]
    ]
    for group in groups:
        whole, view = whole_and_view(quarter, regions=regions, group=group)
        assert view, group
        for key, count in view.items():
            assert whole.get(key, Count(0, Status.SHOWN)) == count, (group, key)


# The CSV ---------------------------------------------------------------------------------


def test_the_export_has_the_quarters_side_by_side(trend_client):
    rows = csv_rows(trend_client.get(EXPORT))
    assert ["Quarter by quarter"] in rows
    assert ["Figure", "Item", "Period", "Measure", "Value", "Why not shown"] in rows
    block = trend_block(rows)
    north = {
        (row[2], row[3]): row[4:]
        for row in block
        if row[0] == "Checklists by region, quarter by quarter" and row[1] == "North Province"
    }
    assert north[("Q1 2025", "Checklists")] == [str(NORTH[0]), ""]
    before, last = sum(NORTH[:4]), sum(NORTH[4:])
    assert north[("4 quarters to Q4 2026", "Checklists")] == [str(last), ""]
    change = ("4 quarters to Q4 2026", "Percent change from the 4 quarters before")
    assert north[change] == [str(round(100 * (last - before) / before)), ""]
    east = [
        row
        for row in block
        if row[1] == "East Province" and row[2] in ("Q1 2025", "4 quarters to Q4 2025")
    ]
    assert [row[4:] for row in east] == [
        ["", "fewer than 5"],
        ["", "not shown: worked out from a figure that is not shown"],
    ]


def test_every_number_column_of_the_export_holds_numbers_only(trend_client):
    rows = csv_rows(trend_client.get(EXPORT))
    blocks = [test_dashboard.quarter_block(rows), trend_block(rows)]
    assert all(blocks)
    for block in blocks:
        for row in block:
            assert len(row) == 6, row
            value, why = row[4], row[5]
            if value:
                assert re.fullmatch(r"-?\d+", value), row
                assert why == "", row
            else:
                assert why, row
