"""Two supervisors together: a region-limited one's export and an unlimited one's.

Each export is safe on its own; a reader who has both must not work out a small count either.
"""

import csv
import io

import pytest
from django.test import Client

from screening.models import SupervisorScope
from tests.conftest import make_user, sign_in
from tests.dashboard import test_dashboard
from tests.dashboard.test_dashboard import EXPORT, URL, Reader, export_views, labels_of

# The small quarter of the page's tests: East holds 3 checklists.
known = test_dashboard.known
sparse = test_dashboard.sparse
PERIOD = "2026-Q2"


def combined_views(unlimited: dict, limited: dict, regions: list[str]) -> dict:
    """Every export of both supervisors, each view named by what it counts.

    A region-limited supervisor's view without a region counts their regions together: it is
    named by them, "north+south", and tied to each of them by a sum (Reader.link_region_sets).
    """
    # A view with no checklist at all tells a reader only zeros: left out, so the attack's
    # sums run over the groups that have checklists (the same sums, without their zeros).
    unlimited = {view: rows for view, rows in unlimited.items() if not is_empty(rows)}
    views = {view: list(rows) for view, rows in unlimited.items()}
    together = "+".join(regions)
    for view, rows in limited.items():
        named = dict(view)
        named.setdefault("region", together)
        views.setdefault(tuple(sorted(named.items())), []).extend(rows)
    return views


def is_empty(rows: list) -> bool:
    return ["Checklists completed", "", "", "Checklists", "0", ""] in rows


def link_region_sets(reader: Reader) -> None:
    """A figure of several regions together is the sum of that figure for each of them."""
    for key in list(reader.bounds):
        cond = dict(key[-1])
        if "+" not in str(cond.get("region", "")):
            continue
        parts = [
            reader.cell((*key[:-1], frozenset({**cond, "region": region}.items())))
            for region in cond["region"].split("+")
        ]
        reader.relations.append((key, parts))


def attack_both(client, supervisor, regions: list, codes: list[str]) -> tuple[set, dict]:
    limited = make_user("limited-" + "-".join(codes), "Supervisors")
    SupervisorScope.objects.create(user=limited).regions.set(regions)
    sign_in(client, supervisor)
    labels = labels_of(client, PERIOD)
    unlimited_views = export_views(client, PERIOD)
    sign_in(client, limited)
    limited_views = export_views(client, PERIOD)
    reader = Reader(combined_views(unlimited_views, limited_views, codes), labels)
    link_region_sets(reader)
    small = {key for key, bounds in reader.bounds.items() if bounds == (1, 4)}
    assert small, "the dataset must have small cells for this test to mean anything"
    return small, reader.recover()


@pytest.mark.parametrize("codes", [["north", "south"], ["north"]])
def test_a_limited_and_an_unlimited_export_together_pin_no_small_count(
    client, supervisor, sparse, codes
):
    regions = {"north": sparse["region"], "south": sparse["other_region"]}
    small, recovered = attack_both(client, supervisor, [regions[c] for c in codes], codes)
    assert not small & set(recovered), {k: recovered[k] for k in small & set(recovered)}


def test_a_region_limit_made_after_publication_gets_no_figure_of_that_quarter(
    supervisor_client, sparse
):
    """The quarter's one publication never changes, so a later scope is not part of it."""
    before = export_views(supervisor_client, PERIOD)
    limited = make_user("limited-late", "Supervisors")
    SupervisorScope.objects.create(user=limited).regions.set(
        [sparse["region"], sparse["other_region"]]
    )
    client = Client()
    sign_in(client, limited)
    page = client.get(URL, {"period": PERIOD})
    assert page.status_code == 200
    assert "was published before your region limit was set" in page.content.decode()
    rows = list(csv.reader(io.StringIO(client.get(EXPORT, {"period": PERIOD}).content.decode())))
    assert rows[-1] == ["Figure", "Group", "Item", "Measure", "Count", "Why not shown"]
    assert export_views(supervisor_client, PERIOD) == before
