"""The shape of the tree: the package arrows hold and no module imports itself back.

The arrows are import-linter's layers contract in pyproject.toml (also run by `make lint`);
the cycles are looked for here over grimp's graph of every import, lazy ones included.
"""

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
WINGS = ("screening.frontline", "screening.dashboard")
WIRING = ("screening.apps", "screening.urls", "screening.management")


def graph() -> grimp.ImportGraph:
    return grimp.build_graph("screening", cache_dir=None)


def cycles(g: grimp.ImportGraph) -> list[tuple[str, str]]:
    """Each direct import whose target leads back to its importer."""
    found = []
    for module in sorted(g.modules):
        for imported in sorted(g.find_modules_directly_imported_by(module)):
            if g.chain_exists(importer=imported, imported=module):
                found.append((module, imported))
    return found


def test_the_layers_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


def test_no_module_imports_itself_back():
    assert cycles(graph()) == []


def test_the_cycle_check_sees_a_cycle():
    g = graph()
    g.add_import(importer="screening.models.content", imported="screening.frontline.views")
    assert ("screening.models.content", "screening.frontline.views") in cycles(g)


def test_nothing_but_the_wiring_imports_a_wing():
    g = graph()
    for wing in WINGS:
        for importer in g.find_modules_that_directly_import(wing) | {
            m for sub in g.find_children(wing) for m in g.find_modules_that_directly_import(sub)
        }:
            if importer.startswith(wing):
                continue
            assert importer.startswith(WIRING), f"{importer} imports {wing}"


def test_web_imports_none_of_the_three_wings():
    g = graph()
    for wing in ("screening.frontline", "screening.content", "screening.dashboard"):
        assert not g.chain_exists(importer="screening.web", imported=wing, as_packages=True), (
            f"screening.web reaches {wing}"
        )
