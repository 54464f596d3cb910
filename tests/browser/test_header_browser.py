"""The first screen of a 360 x 740 phone: a short header, and nothing off the side at 200% text."""

import pytest

from tests.conftest import make_user

HEADER_MAX = 110


@pytest.fixture
def worker_user(db):
    return make_user("header-worker", "Frontline workers")


@pytest.fixture(params=["en", "ne"])
def signed_in_start(request, live_server, page, sign_in, worker_user):
    page.context.add_cookies(
        [{"name": "django_language", "value": request.param, "url": live_server.url}]
    )
    sign_in(worker_user)
    page.goto(f"{live_server.url}/")
    assert page.evaluate("document.documentElement.lang") == request.param
    return page


def header_height(page) -> float:
    return page.locator("header.site-header").bounding_box()["height"]


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_the_header_fits_in_about_100_pixels(signed_in_start):
    page = signed_in_start
    assert header_height(page) <= HEADER_MAX
    # Everything it held is one tap away: the menu, the language form, the skip link.
    page.locator("header summary").click()
    assert page.locator("header nav a[href='/checklist/']").is_visible()
    assert page.locator("#language-select").is_visible()
    assert page.locator("header .language-form button").is_visible()
    assert page.locator(".skip-link").count() == 1


def test_at_200_percent_text_nothing_runs_off_the_side(signed_in_start):
    page = signed_in_start
    # Text at 200% (WCAG 1.4.4), set through the CSSOM, which the page's CSP allows.
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    assert overflow(page) <= 0
    page.locator("header summary").click()
    assert overflow(page) <= 0
    assert page.locator("header .language-form button").is_visible()


def test_the_menus_targets_are_big_enough_and_the_language_form_works(
    live_server, page, axe_violations
):
    page.goto(f"{live_server.url}/accounts/login/")
    assert header_height(page) <= HEADER_MAX
    page.locator("header summary").click()
    for target in page.locator("header :is(a, button, select, summary)").all():
        box = target.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, target.inner_text()
    assert axe_violations(page) == []
    page.select_option("#language-select", "ne")
    page.click("header .language-form button")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "ne"
    assert header_height(page) <= HEADER_MAX
