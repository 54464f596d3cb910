"""The real flow in Chromium: keyboard only, axe-core on every frontline page, page weight."""

import gzip

import pytest

from screening.models import UsageAnswer, UsageRecord
from tests.conftest import make_user


@pytest.fixture
def worker_user(db):
    return make_user("browser-worker", "Frontline workers")


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching selector has focus, as a keyboard user would."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_worker_completes_the_whole_flow_with_the_keyboard_only(
    live_server, page, worker_user, password
):
    page.goto(f"{live_server.url}/accounts/login/")
    tab_to(page, "#id_username")
    page.keyboard.type(worker_user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")

    tab_to(page, "main a.button")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/checklist/")

    # Immediate danger: "No" (radio groups move with the arrow keys).
    tab_to(page, "#id_immediate_danger_0")
    page.keyboard.press("ArrowRight")
    assert page.locator("#id_immediate_danger_1").is_checked()

    # The first indicator of the first section: "Yes" by pressing Space on it.
    first = page.locator("fieldset.section input[type=radio]").first
    tab_to(page, f"#{first.get_attribute('id')}")
    page.keyboard.press("Space")
    assert first.is_checked()

    tab_to(page, "#checklist-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    assert page.locator("h1").inner_text() == "What to do next"
    assert page.locator("#step-refer").is_visible()
    assert UsageRecord.objects.count() == 1
    assert UsageAnswer.objects.count() == 1

    tab_to(page, "button:has-text('Finish and clear')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")
    assert "cleared from this device" in page.content()


def test_error_summary_links_move_focus_to_the_field(live_server, page, sign_in, worker_user):
    sign_in(worker_user)
    page.goto(f"{live_server.url}/checklist/")
    page.click("#checklist-form button[type=submit]")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert "Answer at least one question" in summary.inner_text()


def test_checklist_fits_a_360_pixel_screen(live_server, page, sign_in, worker_user):
    sign_in(worker_user)
    page.goto(f"{live_server.url}/checklist/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


@pytest.mark.parametrize("path", ["/", "/contacts/", "/guidance/"])
def test_pages_with_the_default_regions_contacts_fit_a_360_pixel_screen(
    live_server, page, sign_in, worker_user, settings, path
):
    # Shipped contact notes quote long source addresses, which must wrap, not push the page
    # sideways on a phone.
    settings.SCREENING_DEFAULT_REGION = "np-bagmati"
    sign_in(worker_user)
    page.goto(f"{live_server.url}{path}")
    if path != "/guidance/":
        assert page.locator("a[href^='tel:']").count()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_checklist_works_with_javascript_off(live_server, chromium, watch, worker_user, password):
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    watch.attach(context)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", worker_user.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/checklist/")
    page.locator("fieldset.section input[value=yes]").first.check()
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    assert page.locator("#step-refer").count() == 1
    context.close()


def result_page(live_server, page, sign_in, user) -> None:
    sign_in(user)
    page.goto(f"{live_server.url}/checklist/")
    page.check("#id_immediate_danger_0")
    page.locator("fieldset.section input[value=yes]").first.check()
    page.locator("fieldset.section input[value=not_sure]").nth(3).check()
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")


@pytest.mark.parametrize(
    "path", ["/", "/checklist/", "RESULT", "/guidance/", "/contacts/", "/accounts/login/"]
)
def test_axe_finds_no_violation(live_server, page, sign_in, worker_user, axe_violations, path):
    if path == "RESULT":
        result_page(live_server, page, sign_in, worker_user)
    else:
        if path != "/accounts/login/":
            sign_in(worker_user)
        page.goto(f"{live_server.url}{path}")
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/contacts/"])
def test_axe_finds_no_violation_with_a_regions_contacts(
    live_server, page, sign_in, worker_user, axe_violations, settings, path
):
    # The start page's emergency rows and folded details, as a worker with a region sees them.
    settings.SCREENING_DEFAULT_REGION = "np-bagmati"
    sign_in(worker_user)
    page.goto(f"{live_server.url}{path}")
    assert page.locator("main a[href^='tel:']").count()
    assert axe_violations(page) == []


def test_error_state_of_the_checklist_passes_axe(
    live_server, page, sign_in, worker_user, axe_violations
):
    sign_in(worker_user)
    page.goto(f"{live_server.url}/checklist/")
    page.click("#checklist-form button[type=submit]")
    assert page.locator("#error-summary").is_visible()
    assert axe_violations(page) == []


def test_pages_stay_well_under_50_kb_compressed(live_server, page, sign_in, worker_user):
    sign_in(worker_user)
    sizes: dict[str, int] = {}

    def remember(response):
        if response.url.startswith(live_server.url) and response.status == 200:
            sizes[response.url] = len(gzip.compress(response.body()))

    page.on("response", remember)
    for path in ["/", "/checklist/", "/guidance/", "/contacts/"]:
        sizes.clear()
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        total = sum(sizes.values())
        assert total < 50_000, (path, sizes)
    # Third-party requests of any kind fail every browser test (the watch fixture).


def test_no_page_reaches_past_the_site_or_breaks_the_csp(
    live_server, page, sign_in, worker_user, watch
):
    page.goto(f"{live_server.url}/accounts/login/")
    result_page(live_server, page, sign_in, worker_user)
    for path in ["/", "/checklist/", "/guidance/", "/contacts/"]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    # The watch saw the pages and their files, and nothing else.
    assert any(url.endswith(".css") for url in watch.requests)
    assert any("/checklist/result/" in url for url in watch.requests)
    assert watch.problems() == []
