"""The supervisors' dashboard: access, figures on a known dataset, filters, scope, suppression."""

import csv
import datetime
import io
import re
from collections import defaultdict
from fractions import Fraction

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from screening.choices import AgeBand, Answer, ContactKind, Setting
from screening.dashboard import stats
from screening.dashboard.forms import quarter_label
from screening.models import SupervisorScope, UsageSummary, UsageSummaryState
from tests.conftest import count_usage, make_record, make_region, make_user, sign_in

URL = reverse("screening:dashboard")
EXPORT = reverse("screening:dashboard_export")
Q2 = datetime.date(2026, 4, 1)  # quarter 2 of 2026: ended
NOON = datetime.time(12, tzinfo=datetime.UTC)
FEWER = "fewer than 5"


@pytest.fixture
def known(content):
    """22 checklists in quarter 2 of 2026: 12 in North (street, 15-17), 10 in South."""
    north, south = content["region"], content["other_region"]
    venue, address = content["indicators"]["venue"], content["indicators"]["address"]
    for i in range(12):
        answers = {venue: Answer.YES} if i < 6 else {address: Answer.NOT_SURE} if i < 9 else {}
        make_record(
            day=datetime.date(2026, 4, 6),
            region=north,
            setting=Setting.STREET,
            age_band=AgeBand.AGE_15_17,
            immediate_danger=i < 5,
            answers=answers,
            contact_kinds=(ContactKind.CHILD_HELPLINE,)
            + ((ContactKind.EMERGENCY,) if i < 5 else ()),
        )
    for i in range(10):
        make_record(
            day=datetime.date(2026, 5, 12),
            region=south,
            setting=Setting.TRANSPORT,
            age_band=AgeBand.AGE_12_14,
            answers={venue: Answer.YES} if i < 5 else {},
            contact_kinds=(ContactKind.CHILD_HELPLINE,),
        )
    count_usage()
    return content


def text_of(response) -> str:
    """The page's visible text, one space between words."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|title)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def table_rows(response, heading_id: str) -> dict[str, list[str]]:
    """The rows of the table under one figure heading: label -> cell texts."""
    html = response.content.decode()
    start = html.index(f'id="{heading_id}"')
    body = html[start : html.index("</table>", start)]
    rows = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", body, flags=re.S):
        label, _, rest = row.partition("</th>")
        rows[label.strip()] = [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", rest)]
    return rows


# Access ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [URL, EXPORT])
def test_anonymous_is_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("url", [URL, EXPORT])
@pytest.mark.parametrize("role", ["worker", "editor"])
def test_workers_and_editors_are_refused(client, db, request, role, url):
    sign_in(client, request.getfixturevalue(role))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [URL, EXPORT])
def test_supervisors_get_the_dashboard(supervisor_client, known, url):
    assert supervisor_client.get(url).status_code == 200


def test_dashboard_is_not_cached(supervisor_client, known):
    assert "no-store" in supervisor_client.get(URL)["Cache-Control"]


# Figures -----------------------------------------------------------------------------


def test_it_shows_the_figures_of_a_known_quarter(supervisor_client, known):
    response = supervisor_client.get(URL, {"period": "2026-Q2"})
    text = text_of(response)
    assert "Quarter 2 of 2026: All checklists" in text
    assert "Checklists completed 22" in text
    assert "With at least one indicator noted 14 (64%)" in text
    assert "With immediate danger flagged 5 (23%)" in text
    assert table_rows(response, "by-region-heading") == {
        "North Province": ["12"],
        "South Province": ["10"],
    }
    assert table_rows(response, "by-setting-heading") == {
        "Street or public place": ["12"],
        "Bus, train, port or airport": ["10"],
    }
    weeks = table_rows(response, "weeks-heading")
    assert weeks["Week 1: 1 Apr to 7 Apr"] == ["12"]
    assert weeks["Week 6: 6 May to 12 May"] == ["10"]
    assert sum(int(v[0]) for v in weeks.values()) == 22
    contacts = table_rows(response, "contacts-heading")
    assert contacts == {"Emergency services": ["5"], "Child helpline": ["22"]}


def test_indicators_are_counted_per_version_under_their_section(supervisor_client, known):
    venue = known["indicators"]["venue"]
    old = venue.current_version
    venue.text = venue.text_en = "Met at a test venue, new wording"
    venue.save()
    make_record(day=datetime.date(2026, 6, 1), region=known["region"], answers={venue: "yes"})
    count_usage()
    response = supervisor_client.get(URL, {"period": "2026-Q2"})
    section = known["sections"][0]
    rows = table_rows(response, f"section-{section.pk}-heading")
    assert rows[f"{old.text} (version 1)"] == ["11", "0"]
    assert rows["Met at a test venue, new wording (version 2)"] == [FEWER, "0"]
    assert rows["Does not know the address (version 1)"] == ["0", FEWER]


def test_a_filter_shows_one_group(supervisor_client, known):
    response = supervisor_client.get(URL, {"period": "2026-Q2", "region": "north"})
    text = text_of(response)
    assert "Quarter 2 of 2026: Region: North Province" in text
    assert "Checklists completed 12" in text
    assert "With immediate danger flagged 5 (42%)" in text
    assert 'id="by-region-heading"' not in response.content.decode()
    assert table_rows(response, "by-setting-heading")["Street or public place"] == ["12"]

    response = supervisor_client.get(URL, {"period": "2026-Q2", "setting": "transport"})
    assert "Checklists completed 10" in text_of(response)
    assert table_rows(response, "by-region-heading") == {
        "North Province": ["0"],
        "South Province": ["10"],
    }


@pytest.mark.parametrize(
    "today",
    [
        datetime.date(2026, 11, 25),
        datetime.date(2027, 1, 1),  # the first day of a quarter and of a year
        datetime.date(2027, 1, 15),
        datetime.date(2030, 6, 30),  # the last day of a quarter
    ],
)
def test_it_opens_on_the_latest_ended_quarter_and_never_the_current_one(
    client, supervisor, known, time_machine, today
):
    time_machine.move_to(datetime.datetime.combine(today, NOON), tick=False)
    supervisor_client = client
    sign_in(supervisor_client, supervisor)  # after the move, so the session is fresh
    current = stats.quarter_start(today)
    latest_ended = stats.quarter_start(current - datetime.timedelta(days=1))
    make_record(day=latest_ended + datetime.timedelta(days=2), region=known["region"])
    make_record(day=today, region=known["region"])
    count_usage()
    response = supervisor_client.get(URL)
    options = re.findall(r'<option value="(\d{4}-Q\d)"', response.content.decode())
    assert stats.quarter_code(current) not in options
    assert options[0] == stats.quarter_code(latest_ended)
    assert quarter_label(latest_ended) in text_of(response)


def test_region_limited_supervisor_sees_only_their_regions(client, known):
    limited = make_user("limited", "Supervisors")
    scope = SupervisorScope.objects.create(user=limited)
    scope.regions.set([known["region"]])
    # Five checklists without a region: one alone would be a small cell that North's own
    # figures, seen together with the unlimited ones, must protect by hiding North's total.
    for _ in range(5):
        make_record(day=datetime.date(2026, 4, 7), region=None, setting=Setting.STREET)
    count_usage()
    sign_in(client, limited)
    response = client.get(URL, {"period": "2026-Q2"})
    text = text_of(response)
    assert "Checklists completed 12" in text
    assert "South Province" not in text
    assert table_rows(response, "by-region-heading") == {"North Province": ["12"]}
    assert table_rows(response, "by-setting-heading") == {"Street or public place": ["12"]}
    # Nor can they ask for another region, or the records without one.
    for region in ["south", "none"]:
        response = client.get(URL, {"period": "2026-Q2", "region": region})
        assert response.status_code == 400
        assert "Choose one of the listed options" in text_of(response)
    export = client.get(EXPORT, {"period": "2026-Q2"}).content.decode()
    assert "South Province" not in export
    assert "Checklists completed,,,Checklists,12,\r\n" in export


def test_with_no_ended_quarter_it_says_so(supervisor_client, db):
    make_record(day=timezone.localdate())
    response = supervisor_client.get(URL)
    assert response.status_code == 200
    assert "No quarter has ended since the first checklist" in text_of(response)


# Bad filters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"period": "last-week"}, "Choose one of the listed quarters"),
        ({"period": "CURRENT"}, "A quarter is shown once it has ended"),
        ({"period": "2026-Q2", "region": "atlantis"}, "Choose one of the listed options"),
        ({"period": "2026-Q2", "setting": "x" * 5000}, "Choose one of the listed options"),
        ({"period": "2026-Q2", "age_band": "99"}, "Choose one of the listed options"),
        ({"period": "2026-Q2", "region": "north", "setting": "street"}, "not more than one"),
    ],
)
def test_bad_filters_get_a_clear_message(supervisor_client, known, time_machine, params, message):
    time_machine.move_to(timezone.now(), tick=False)
    if params["period"] == "CURRENT":
        params = {"period": stats.quarter_code(stats.quarter_start(timezone.localdate()))}
    response = supervisor_client.get(URL, params)
    assert response.status_code == 400
    text = text_of(response)
    assert "There is a problem" in text
    assert message in text
    assert "Checklists completed" not in text
    assert supervisor_client.get(EXPORT, params).status_code == 400


def test_a_date_range_cannot_be_asked_for(supervisor_client, known):
    plain = supervisor_client.get(URL, {"period": "2026-Q2"})
    ranged = supervisor_client.get(
        URL, {"period": "2026-Q2", "start": "2026-04-01", "end": "2026-04-06", "week": "1"}
    )
    assert text_of(ranged) == text_of(plain)


# Speed -------------------------------------------------------------------------------


def dashboard_queries(client, django_assert_num_queries, params=None, expected=15):
    params = params or {"period": "2026-Q2"}
    client.get(URL, params)  # finds and stores the complements
    # 1 session with its user, 2 the second factor's device (django-otp), 3-4 the user's and
    # groups' permissions (the view's permission check), 5 supervisor scope, 6 regions,
    # 7 first record's day (the quarters), 8 summary states of the eight quarters (no count of
    # the records: summarise_usage did that), 9-11 the eight quarters' totals by region,
    # setting and age band (the cube shape), with a group 12-13 the group's totals by the two
    # other dimensions; then the chosen quarter's weeks, indicators and contact kinds of the
    # view (three), and the indicator versions with sections (the Dashboard permission for the
    # menu was kept from the first view). No session write within a minute.
    with django_assert_num_queries(expected):
        response = client.get(URL, params)
    assert response.status_code == 200


def test_it_uses_a_fixed_number_of_queries(supervisor_client, known, django_assert_num_queries):
    dashboard_queries(supervisor_client, django_assert_num_queries)


def test_a_group_adds_two_queries(supervisor_client, known, django_assert_num_queries):
    params = {"period": "2026-Q2", "setting": "street"}
    dashboard_queries(supervisor_client, django_assert_num_queries, params, expected=17)


def test_queries_do_not_grow_with_records(supervisor_client, known, django_assert_num_queries):
    for i in range(300):
        make_record(
            day=Q2 + datetime.timedelta(days=i % 90),
            region=known["region"] if i % 2 else known["other_region"],
            setting=Setting.values[i % len(Setting.values)],
            age_band=AgeBand.values[i % len(AgeBand.values)],
            answers={known["indicators"]["no-id"]: "yes"},
        )
    count_usage()
    dashboard_queries(supervisor_client, django_assert_num_queries)


# Small cells never leak ----------------------------------------------------------------


@pytest.fixture
def sparse(known):
    """Add a small region, a rare setting and age band, and a rare indicator."""
    east = make_region("east", name="East Province")
    no_id = known["indicators"]["no-id"]
    for i in range(3):
        make_record(
            day=datetime.date(2026, 6, 20),
            region=east,
            setting=Setting.BORDER,
            age_band=AgeBand.UNDER_12,
            immediate_danger=i == 0,
            answers={no_id: "yes"} if i < 2 else {},
            contact_kinds=(ContactKind.CHILD_HELPLINE,),
        )
    for i in range(7):
        make_record(
            day=datetime.date(2026, 6, 2),
            region=known["other_region"],
            setting=Setting.BORDER if i < 2 else Setting.TRANSPORT,
            age_band=AgeBand.AGE_12_14,
            answers={no_id: "not_sure"} if i == 0 else {},
            contact_kinds=(ContactKind.CHILD_HELPLINE,),
        )
    count_usage()
    return known


def test_a_small_count_shows_as_fewer_than_five(supervisor_client, sparse):
    response = supervisor_client.get(URL, {"period": "2026-Q2"})
    assert table_rows(response, "by-region-heading")["East Province"] == [FEWER]
    assert "3" not in table_rows(response, "by-region-heading")["East Province"]
    # East's neighbour in the breakdown is hidden too, or East = total - the others.
    rows = table_rows(response, "by-region-heading")
    assert sum(1 for cells in rows.values() if cells[0] in (FEWER, "not shown")) >= 2


def test_a_small_group_is_not_shown_on_its_own(supervisor_client, sparse):
    response = supervisor_client.get(URL, {"period": "2026-Q2", "region": "east"})
    assert response.status_code == 200
    text = text_of(response)
    assert "Checklists in this group: fewer than 5" in text
    assert "too few to show any figure" in text
    assert "With immediate danger flagged" not in text


def test_the_threshold_is_a_setting(supervisor_client, known, settings):
    settings.SCREENING_MIN_CELL = 11
    response = supervisor_client.get(URL, {"period": "2026-Q2"})
    assert table_rows(response, "by-region-heading")["South Province"] == ["fewer than 11"]


def export_views(client, period: str) -> dict:
    """Every view of a quarter, from the CSV export: what a determined reader can collect."""
    page = client.get(URL, {"period": period}).content.decode()
    options = {}
    for name in ("region", "setting", "age_band"):
        select = page[page.index(f'name="{name}"') :]
        select = select[: select.index("</select>")]
        options[name] = [v for v in re.findall(r'<option value="([^"]*)"', select) if v]
    views = {(): client.get(EXPORT, {"period": period})}
    for name, values in options.items():
        for value in values:
            views[((name, value),)] = client.get(EXPORT, {"period": period, name: value})
    parsed = {}
    for view, response in views.items():
        assert response.status_code == 200
        parsed[view] = quarter_block(list(csv.reader(io.StringIO(response.content.decode()))))
    return parsed


def quarter_block(rows: list[list[str]]) -> list[list[str]]:
    """The chosen quarter's figures of an export: from their heading to the first blank row."""
    start = next(i for i, row in enumerate(rows) if row[:1] == ["Figure"]) + 1
    end = next((i for i in range(start, len(rows)) if not rows[i]), len(rows))
    return rows[start:end]


class Sums:
    """What a reader knows: each number's bounds, and the sums that tie numbers together."""

    def __init__(self) -> None:
        self.bounds: dict = {}  # key -> (low, high); high None when unbounded
        self.relations: list = []  # (total, [parts])

    def cell(self, key):
        self.bounds.setdefault(key, (0, None))  # in a view that is not shown: anything
        return key

    def recover(self, narrow=None) -> dict:
        """Narrow every hidden number with every sum, and solve the sums exactly.

        narrow(low, high) may narrow further (percentages); it returns whether it did.
        """
        low = {k: b[0] for k, b in self.bounds.items()}
        high = {k: b[1] for k, b in self.bounds.items()}
        for _ in range(50):
            changed = False
            for total, parts in self.relations:
                part_low = sum(low[p] for p in parts)
                part_high = (
                    None if any(high[p] is None for p in parts) else sum(high[p] for p in parts)
                )
                if part_low > low[total]:
                    low[total], changed = part_low, True
                if part_high is not None and (high[total] is None or part_high < high[total]):
                    high[total], changed = part_high, True
                for p in parts:
                    others_high = [high[o] for o in parts if o is not p]
                    if high[total] is not None:
                        bound = high[total] - (part_low - low[p])
                        if high[p] is None or bound < high[p]:
                            high[p], changed = bound, True
                    if None not in others_high:
                        bound = low[total] - sum(others_high)
                        if bound > low[p]:
                            low[p], changed = bound, True
            changed |= self.solve_exactly(low, high)
            if narrow is not None:
                changed |= narrow(low, high)
            if not changed:
                break
        return {k: low[k] for k in self.bounds if low[k] == high[k]}

    def solve_exactly(self, low, high) -> bool:
        unknown = [k for k in self.bounds if low[k] != high[k]]
        index = {k: i for i, k in enumerate(unknown)}
        rows = []
        for total, parts in self.relations:
            row = defaultdict(Fraction)
            constant = Fraction(0)
            for key, sign in [(total, -1), *((p, 1) for p in parts)]:
                if key in index:
                    row[index[key]] += sign
                else:
                    constant -= sign * low[key]
            row = {c: v for c, v in row.items() if v}
            if row:
                rows.append((row, constant))
        solved = {}
        pivots = {}
        for row, constant in rows:
            row = dict(row)
            for col in list(row):
                if col in pivots and row.get(col):
                    prow, pconst = pivots[col]
                    factor = row[col]
                    for c, v in prow.items():
                        row[c] = row.get(c, 0) - factor * v
                    constant -= factor * pconst
                    row = {c: v for c, v in row.items() if v}
            if not row:
                continue
            col = min(row)
            lead = row[col]
            row = {c: v / lead for c, v in row.items()}
            constant /= lead
            for other, (orow, oconst) in list(pivots.items()):
                if orow.get(col):
                    factor = orow[col]
                    merged = {c: orow.get(c, 0) - factor * row.get(c, 0) for c in {*orow, *row}}
                    pivots[other] = (
                        {c: v for c, v in merged.items() if v},
                        oconst - factor * constant,
                    )
            pivots[col] = (row, constant)
        for col, (row, constant) in pivots.items():
            if len(row) == 1:
                solved[unknown[col]] = constant
        for key, value in solved.items():
            low[key] = high[key] = int(value)
        return bool(solved)


class Reader(Sums):
    """Collects every published number of a quarter and the sums a reader knows tie them."""

    def __init__(self, views: dict, labels: dict) -> None:
        super().__init__()
        self.labels = labels  # dimension -> {value label: option value}
        totals = {}
        for view, rows in views.items():
            for figure, group, item, measure, value, why in rows:
                key = self.key(view, figure, group, item, measure)
                if key is None:
                    continue
                # The same cell may come from several exports (supervisors): all of them hold.
                self.bounds[key] = self.meet(self.bounds.get(key), self.read(value, why))
                if figure == "Checklists completed":
                    totals[view] = key
        self.views = views
        self.add_sums(views)

    def key(self, view, figure, group, item, measure):
        if measure == "Percent of checklists":
            return None
        cond = dict(view)
        if figure.startswith("Checklists by "):
            dimension = {"region": "region", "where the child was met": "setting"}.get(
                figure[len("Checklists by ") :], "age_band"
            )
            cond[dimension] = self.labels[dimension][item]
            return ("records", frozenset(cond.items()))
        if figure == "Checklists completed":
            return ("records", frozenset(cond.items()))
        return (figure, group, item, measure, frozenset(cond.items()))

    @staticmethod
    def meet(known, new) -> tuple:
        if known is None:
            return new
        low = max(known[0], new[0])
        highs = [h for h in (known[1], new[1]) if h is not None]
        return (low, min(highs) if highs else None)

    @staticmethod
    def read(value: str, why: str) -> tuple:
        if value:
            return (int(value), int(value))
        if why == FEWER:
            return (1, 4)
        assert why == "not shown to protect a small cell", why
        return (5, None)

    def add_sums(self, views):
        everyone = views[()]
        # The groups of each dimension: the views asked for, else the labels of the breakdown.
        dims = {
            # (several regions together, "north+south", are no group of their own)
            dim: sorted({v for view in views for d, v in view if d == dim and "+" not in str(v)})
            or sorted(set(self.labels[dim].values()))
            for dim in self.labels
        }
        for view in views:
            total = self.cell(("records", frozenset(view)))
            kinds = defaultdict(list)
            for figure, group, item, measure, *_ in everyone:
                key = self.key((), figure, group, item, measure)
                if key is None or key[0] == "records":
                    continue
                mine = self.cell((figure, group, item, measure, frozenset(view)))
                kinds[(figure, group, item)].append(mine)
            for (figure, _group, _item), cells in kinds.items():
                if figure.endswith("week by week"):
                    continue
                # yes + not sure (or one count) plus "the rest" make the view's total
                rest = self.cell(("rest", figure, _group, _item, frozenset(view)))
                self.relations.append((total, [*cells, rest]))
            weeks = [c[0] for (f, *_), c in kinds.items() if f.endswith("week by week")]
            if weeks:
                self.relations.append((total, weeks))
            for dim, values in dims.items():
                if dim in dict(view):
                    continue
                parts = [
                    self.cell(("records", frozenset({**dict(view), dim: v}.items())))
                    for v in values
                ]
                self.relations.append((total, parts))
        # Across views: each figure is the sum of that figure over each dimension's groups
        # (the whole quarter's over every region; a region's, from a region-limited
        # supervisor, over every setting), wherever some of those groups are published.
        for key in list(self.bounds):
            if key[0] == "records":
                continue
            cond = dict(key[-1])
            for dim, values in dims.items():
                if dim in cond:
                    continue
                conds = [frozenset({**cond, dim: v}.items()) for v in values]
                if cond and not any((*key[:-1], c) in self.bounds for c in conds):
                    continue
                parts = [self.cell((*key[:-1], c)) for c in conds]
                self.relations.append((key, parts))


def labels_of(client, period):
    page = client.get(URL, {"period": period}).content.decode()
    labels = {}
    for name in ("region", "setting", "age_band"):
        select = page[page.index(f'name="{name}"') :]
        select = select[: select.index("</select>")]
        labels[name] = {
            text.strip(): value
            for value, text in re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', select)
        }
        labels[name]["Not recorded"] = "none"
    return labels


def test_no_suppressed_count_can_be_worked_out_across_every_view(supervisor_client, sparse):
    views = export_views(supervisor_client, "2026-Q2")
    reader = Reader(views, labels_of(supervisor_client, "2026-Q2"))
    small = {key for key, bounds in reader.bounds.items() if bounds == (1, 4)}
    hidden = {key for key, bounds in reader.bounds.items() if bounds[0] != bounds[1]}
    assert small, "the dataset must have small cells for this test to mean anything"
    recovered = reader.recover()
    assert not small & set(recovered), {k: recovered[k] for k in small & set(recovered)}
    # What the reader could work out of the hidden cells is never a small count.
    assert all(not 0 < recovered[k] < 5 for k in hidden & set(recovered))


def test_the_reader_does_recover_a_small_count_when_nothing_protects_it(sparse):
    """The attack is real: against plain thresholding it finds East's 3 from the total."""
    views = {
        (): [
            ["Checklists completed", "", "", "Checklists", "32", ""],
            ["Checklists by region", "", "North Province", "Checklists", "12", ""],
            ["Checklists by region", "", "South Province", "Checklists", "17", ""],
            ["Checklists by region", "", "East Province", "Checklists", "", FEWER],
        ]
    }
    labels = {
        "region": {"North Province": "north", "South Province": "south", "East Province": "east"}
    }
    reader = Reader(views, labels)
    assert reader.recover()[("records", frozenset({"region": "east"}.items()))] == 3


def test_published_figures_of_an_ended_quarter_never_change(supervisor_client, sparse):
    """Today's checklists, and the current quarter's, never show: no view to subtract."""
    before = export_views(supervisor_client, "2026-Q2")
    make_record(day=timezone.localdate(), region=sparse["region"], setting=Setting.BORDER)
    make_record(day=datetime.date(2026, 7, 2), region=sparse["region"])
    count_usage()
    assert export_views(supervisor_client, "2026-Q2") == before


def test_without_complements_the_same_reader_recovers_small_counts(
    supervisor_client, sparse, monkeypatch
):
    """The attack above has teeth: with primary suppression alone, it finds the small cells."""
    monkeypatch.setattr("screening.dashboard.suppression.solve", lambda *args, **kwargs: set())
    views = export_views(supervisor_client, "2026-Q2")
    reader = Reader(views, labels_of(supervisor_client, "2026-Q2"))
    small = {key for key, bounds in reader.bounds.items() if bounds == (1, 4)}
    recovered = reader.recover()
    assert small & set(recovered)
    assert recovered[("records", frozenset({"region": "east"}.items()))] == 3


def test_no_request_counts_a_quarter_it_says_not_yet_counted(supervisor_client, content):
    make_record(day=datetime.date(2026, 5, 4), region=content["region"])
    response = supervisor_client.get(URL, {"period": "2026-Q2"})
    assert response.status_code == 200
    assert "Quarter 2 of 2026 is not yet counted" in text_of(response)
    assert not UsageSummary.objects.exists()
    assert not UsageSummaryState.objects.exists()
    call_command("summarise_usage", stdout=io.StringIO())
    response = supervisor_client.get(URL, {"period": "2026-Q2"})
    assert "not yet counted" not in text_of(response)
    assert UsageSummaryState.objects.filter(quarter=Q2).exists()


def test_a_view_does_not_recount_the_records_of_a_counted_quarter(
    supervisor_client, known, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    supervisor_client.get(URL, {"period": "2026-Q2"})
    with CaptureQueriesContext(connection) as queries:
        supervisor_client.get(URL, {"period": "2026-Q2"})
    assert not any(
        'COUNT("screening_usagerecord"' in query["sql"] for query in queries.captured_queries
    )


def test_the_nightly_count_also_finds_the_cells_to_hide(supervisor_client, sparse):
    call_command("summarise_usage", stdout=io.StringIO())
    state = UsageSummaryState.objects.get(quarter=Q2)
    assert "5:joint" in state.complements
    before = dict(state.complements)
    supervisor_client.get(URL, {"period": "2026-Q2"})
    state.refresh_from_db()
    assert state.complements == before  # the first view searched nothing
