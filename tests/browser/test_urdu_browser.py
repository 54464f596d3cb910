"""Urdu in Chromium: right to left, mirrored, readable at 360 px, no axe-core violation."""

import pytest

from screening import reviews
from tests.conftest import make_user

URDU = "یہ ایک آزمائشی ترجمہ ہے"


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
    page.locator("fieldset.section input[type=radio]").first.check()
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    assert page.locator("h1").inner_text() == "آگے کیا کریں"
    assert_urdu_page(page, axe_violations)
    number = page.locator(".phone-number").first
    assert number.get_attribute("dir") == "ltr"
    assert number.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
    href = page.locator(".phone a").first.get_attribute("href")
    assert href.startswith("tel:") and href[4:].lstrip("+").isascii()

    page.goto(f"{live_server.url}/guidance/")
    assert_urdu_page(page, axe_violations)


def test_the_language_switcher_fits_a_phone_header(live_server, page, axe_violations):
    page.goto(f"{live_server.url}/accounts/login/")
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
