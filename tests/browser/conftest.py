"""Playwright with the system Chromium, against pytest-django's live server."""

import os
import shutil
import time

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep Chromium from reaching out to the network this machine does not have.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server needs committed data; serialized rollback restores the groups
            # and default content that migrations made, for every browser test.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def serialized_contents(django_db_setup, django_db_blocker) -> dict:
    """The database contents Django serialized at setup (groups, default content), by alias."""
    from django.db import connections

    return {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }


@pytest.fixture(autouse=True)
def serialized_contents_on_this_connection(serialized_contents) -> None:
    # Playwright's sync API runs an event loop in this thread, and there Django hands out
    # another connection object, one without the serialized contents: without this, every
    # browser test after the first would start on an empty database.
    from django.db import connections

    for alias, contents in serialized_contents.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def chromium(serialized_contents):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; CI must run the browser tests.")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    # The service worker's background requests would race each test's own; it has its own
    # tests (test_offline_browser.py), with the offline_page fixture.
    context = chromium.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def offline_page(chromium):
    """A page whose context runs the service worker, for the offline tests."""
    context = chromium.new_context(viewport={"width": 360, "height": 740}, service_workers="allow")
    page = context.new_page()
    yield page
    context.close()
    # The browser checks /sw.js on its own after navigations; let such a request finish
    # before the test database is flushed under it.
    time.sleep(1)


@pytest.fixture
def sign_in(live_server, page, password):
    """Sign in through the real login form, as a person would."""

    def do_sign_in(user) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("main button[type=submit]")
        page.wait_for_load_state()

    return do_sign_in


@pytest.fixture
def axe_violations():
    """Run axe-core (bundled, no network) with the WCAG tags up to 2.2 AA; return violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page) -> list:
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        if violations:
            print(results.generate_report())
        return violations

    return run
