"""Playwright with the system Chromium, against pytest-django's live server."""

import os
import shutil
import time
from urllib.parse import urlsplit

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
# Runs before the page's own code (Playwright injects it outside the page's CSP): every
# violation the browser reports to the page is written to the console, where the watch reads it.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    "Content Security Policy violation: " + event.violatedDirective + " blocked " +
    (event.blockedURI || "inline code") + " on " + event.documentURI
  );
});
"""


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


class Watch:
    """Every request the pages of a browser context make, and every CSP violation they meet."""

    def __init__(self, live_server_url: str) -> None:
        self.origin = urlsplit(live_server_url)[:2]
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.violations: list[str] = []

    def attach(self, context) -> None:
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("request", self.on_request)
        context.on("console", self.on_console)

    def on_request(self, request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("data", "blob", "about"):
            return  # nothing leaves the browser
        self.requests.append(request.url)
        if url[:2] != self.origin:
            self.foreign.append(request.url)

    def on_console(self, message) -> None:
        # The listener above, and Chromium's own "Refused to ... Content Security Policy" lines
        # (those come even with JavaScript off).
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def problems(self) -> list[str]:
        return [f"third-party request: {url}" for url in self.foreign] + self.violations


@pytest.fixture
def watch(live_server):
    """Fail the test when any page it opened reached past the live server or broke the CSP."""
    watch = Watch(live_server.url)
    yield watch
    if watch.problems():
        pytest.fail("\n".join(watch.problems()), pytrace=False)


@pytest.fixture
def page(chromium, watch):
    # The service worker's background requests would race each test's own; it has its own
    # tests (test_offline_browser.py), with the offline_page fixture.
    context = chromium.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    watch.attach(context)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def offline_page(chromium, watch):
    """A page whose context runs the service worker, for the offline tests."""
    context = chromium.new_context(viewport={"width": 360, "height": 740}, service_workers="allow")
    watch.attach(context)
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
        if user.is_staff or user.is_superuser or user.has_perm("screening.view_dashboard"):
            # Staff then type the code their authenticator app shows.
            from django_otp.oath import totp
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
            page.goto(f"{live_server.url}/accounts/two-factor/verify/")
            page.fill("#id_code", f"{totp(device.bin_key):06d}")
            with page.expect_navigation():
                page.click("main form button[type=submit]")

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
