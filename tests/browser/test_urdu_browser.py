"""Urdu in Chromium: right to left, mirrored, readable at 360 px, no axe-core violation."""

import gzip

import pytest

from screening.content import reviews
from tests.browser import test_dashboard_browser
from tests.conftest import make_user

URDU = "یہ ایک آزمائشی ترجمہ ہے"
# The same supervisor and records as the English dashboard test.
supervisor_user = test_dashboard_browser.supervisor_user


@pytest.fixture
def urdu_worker(db):
    # Content is translated by translators; here every content field gets Urdu text.
    for entry in reviews.REGISTRY.values():
        entry.model.objects.update(**{f"{field}_ur": URDU for field in entry.fields})
    return make_user("urdu-worker", "Frontline workers")


@pytest.fixture
def in_urdu(live_server, page):
    page.context.add_cookies([{"name": "django_language", "value": "ur", "url": live_server.url}])
    return page


def assert_urdu_page(page, axe_violations) -> None:
    assert page.evaluate("document.documentElement.lang") == "ur"
    assert page.evaluate("document.documentElement.dir") == "rtl"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px of horizontal scroll"
    assert axe_violations(page) == []


def test_checklist_result_and_guidance_in_urdu(
    live_server, in_urdu, sign_in, urdu_worker, axe_violations
):
    page = in_urdu
    sign_in(urdu_worker)
    page.goto(f"{live_server.url}/checklist/")
    assert_urdu_page(page, axe_violations)
    assert "اس ترجمے کو ابھی تک کسی اہلِ زبان نے نہیں جانچا۔" in page.inner_text("main")
    # Mirrored: the section rule and the panels' bar sit on the right in Urdu.
    bar = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.panel'));"
        " return [s.borderRightWidth, s.borderLeftWidth]; })()"
    )
    assert bar == ["6px", "0px"]

    page.locator("#id_immediate_danger_0").check()
    page.select_option("#id_region", "np-bagmati")  # so the result has numbers to call
    page.locator("fieldset.section input[type=radio]").first.check()
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    assert page.locator("h1").inner_text() == "آگے کیا کریں"
    assert_urdu_page(page, axe_violations)
    number = page.locator(".phone-number").first
    assert number.get_attribute("dir") == "ltr"
    assert number.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
    href = page.locator('a[href^="tel:"]').first.get_attribute("href")
    assert href.startswith("tel:") and href[4:].lstrip("+").isascii()

    page.goto(f"{live_server.url}/guidance/")
    assert_urdu_page(page, axe_violations)


def test_the_language_switcher_fits_a_phone_header(live_server, page, axe_violations):
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("header summary").click()  # the language form is in the header's menu
    page.select_option("#language-select", "ur")
    page.click("header .language-form button")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("h1").inner_text() == "داخل ہوں"
    header = page.locator("header").bounding_box()
    assert header["height"] < 200
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert axe_violations(page) == []


def test_the_dashboard_in_urdu_keeps_chart_labels_inside_their_charts(
    live_server, in_urdu, sign_in, supervisor_user, axe_violations
):
    page = in_urdu
    sign_in(supervisor_user)
    page.goto(f"{live_server.url}/dashboard/?period=2026-Q2")
    assert_urdu_page(page, axe_violations)
    outside = page.evaluate(
        """[...document.querySelectorAll('svg.chart')].flatMap(svg => {
             const box = svg.getBoundingClientRect();
             return [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect())
               .filter(r => r.left < box.left - 1 || r.right > box.right + 1)
               .map(r => [r.left, r.right, box.left, box.right]);
           })"""
    )
    assert outside == []


def test_urdu_pages_stay_under_50_kb_compressed(live_server, in_urdu, sign_in, urdu_worker):
    page = in_urdu
    sign_in(urdu_worker)
    sizes: dict[str, int] = {}

    def remember(response):
        if response.status == 200:
            sizes[response.url] = len(gzip.compress(response.body()))

    page.on("response", remember)
    for path in ["/", "/checklist/", "/guidance/", "/contacts/"]:
        sizes.clear()
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert all(url.startswith(live_server.url) for url in sizes), sizes
        assert sum(sizes.values()) < 50_000, (path, sizes)


def test_urdu_lines_keep_their_height_and_english_names_are_isolated(
    live_server, in_urdu, sign_in, urdu_worker
):
    # Names stay in English, as in many deployments: they must not take on the page's
    # direction (brackets swapped, words reordered) when they wrap in right-to-left text.
    from screening.models import Region, SupportContact

    region = Region.objects.get(code="np-bagmati")
    region.__class__.objects.filter(pk=region.pk).update(name_ur="Bagmati (Nepal)")
    # Nepal's numbers serve the whole country: none lists the region itself.
    SupportContact.objects.filter(country__code="np", kind="emergency").update(
        name_ur="Nepal Police (emergency)"
    )
    page = in_urdu
    sign_in(urdu_worker)
    page.goto(f"{live_server.url}/checklist/")
    page.locator("#id_immediate_danger_0").check()
    page.select_option("#id_region", "np-bagmati")
    page.locator("fieldset.section input[type=radio]").first.check()
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    urdu_line_height = page.evaluate(
        "(() => { const s = getComputedStyle(document.body);"
        " return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })()"
    )
    assert urdu_line_height >= 2
    # Every list item, every step and contact name and the Call button, as tall as that.
    too_short = page.evaluate(
        """(ratio => [...document.querySelectorAll(
              'main li, .steps li, .contact-name, .call-button')]
             .map(el => [el.className || el.tagName, getComputedStyle(el)])
             .filter(([, s]) => parseFloat(s.lineHeight) < ratio * parseFloat(s.fontSize) - 0.01)
             .map(([name, s]) => [name, s.lineHeight, s.fontSize]))""",
        urdu_line_height,
    )
    assert page.locator(".steps li").count()
    assert too_short == []
    names = page.locator("main :is(.contact-name strong, .call-name) :is(bdi, [dir=auto])")
    assert names.count() >= 2
    assert "Nepal Police (emergency)" in names.all_inner_texts()
    region_names = page.locator("main p bdi", has_text="Bagmati (Nepal)")
    assert region_names.count() >= 1
