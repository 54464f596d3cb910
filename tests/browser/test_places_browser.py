"""A brand-new worker on a 360 x 740 phone: a number to call on the first screen of the start
page, the checklist and a danger-only result, after at most one choice, JavaScript on and off."""

import pytest

from screening.models import Region
from tests.conftest import make_user

SCREEN = 740


@pytest.fixture
def newcomer(db):
    # No region on the account, no default region: the worker the issue describes.
    return make_user("brand-new", "Frontline workers")


def first_call_top(page) -> float:
    """Where the first tel: link starts, in page pixels; infinity when there is none."""
    tops = page.eval_on_selector_all(
        "main a[href^='tel:']",
        "links => links.filter(l => l.offsetParent !== null)"
        ".map(l => l.getBoundingClientRect().top + window.scrollY)",
    )
    return min(tops) if tops else float("inf")


def sign_in_with(page, live_server, user, password) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_brand_new_worker_has_a_number_on_the_first_screen_after_one_choice(
    live_server, chromium, watch, newcomer, password, settings, javascript
):
    settings.SCREENING_DEFAULT_REGION = ""
    context = chromium.new_context(
        java_script_enabled=javascript,
        viewport={"width": 360, "height": SCREEN},
        service_workers="block",
    )
    watch.attach(context)
    page = context.new_page()
    sign_in_with(page, live_server, newcomer, password)

    # The start page asks for the country on its first screen; one tap, and a number.
    page.goto(f"{live_server.url}/")
    nepal = page.locator("main button.country-button", has_text="Nepal")
    assert nepal.bounding_box()["y"] + nepal.bounding_box()["height"] <= SCREEN
    assert nepal.bounding_box()["height"] >= 44  # a thumb can use it
    nepal.click()
    page.wait_for_load_state()
    assert first_call_top(page) < SCREEN
    assert page.locator("main a[href='tel:100']").first.is_visible()

    # The checklist knows the country: its danger hint carries the number on the first screen.
    page.goto(f"{live_server.url}/checklist/")
    hint_link = page.locator("[data-danger-numbers] a[href^='tel:']").first
    assert hint_link.get_attribute("href") == "tel:100"
    assert hint_link.bounding_box()["y"] < SCREEN

    # A danger-only result: the Call button on the first screen.
    page.check("#id_immediate_danger_0")
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    assert first_call_top(page) < SCREEN
    assert page.locator("main a.call-button").first.get_attribute("href") == "tel:100"
    page.screenshot(path=f"test-results/brand-new-result-{'js' if javascript else 'nojs'}.png")
    context.close()


def test_a_danger_only_result_sent_before_any_choice_asks_in_place(
    live_server, page, newcomer, password, settings
):
    settings.SCREENING_DEFAULT_REGION = ""
    sign_in_with(page, live_server, newcomer, password)
    page.goto(f"{live_server.url}/checklist/")
    page.check("#id_immediate_danger_0")
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    bangladesh = page.locator("main button.country-button", has_text="Bangladesh")
    assert bangladesh.bounding_box()["y"] < SCREEN
    bangladesh.click()
    page.wait_for_load_state()
    # Still the result, now with the country's number first, on the first screen.
    assert page.locator("h1", has_text="What to do next").count() == 1
    assert page.locator("main a.call-button").first.get_attribute("href") == "tel:999"
    assert first_call_top(page) < SCREEN


def test_the_danger_hint_follows_the_region_picked_further_down(
    live_server, page, newcomer, password
):
    sign_in_with(page, live_server, newcomer, password)
    page.goto(f"{live_server.url}/")
    page.click("main button.country-button:has-text('Bangladesh')")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/checklist/")
    page.check("#id_immediate_danger_0")
    hint = page.locator("[data-danger-numbers] a")
    button = page.locator("#danger-call a.call-button")
    assert hint.first.get_attribute("href") == "tel:999"
    page.select_option("#id_region", "th-bangkok")
    # The hint and the button say the same number: never Bangladesh's beside Thailand's.
    assert hint.count() == 1 and hint.first.get_attribute("href") == "tel:191"
    assert button.first.get_attribute("href") == "tel:191"
    page.select_option("#id_region", "in-west-bengal")
    assert hint.first.get_attribute("href") == "tel:100"
    assert button.first.get_attribute("href") == "tel:100"


@pytest.mark.parametrize("region", ["", "np-bagmati", "in-west-bengal"])
def test_axe_finds_nothing_on_the_contacts_page_with_or_without_a_region(
    live_server, page, sign_in, newcomer, axe_violations, region
):
    sign_in(newcomer)
    page.goto(f"{live_server.url}/contacts/" + (f"?region={region}" if region else ""))
    assert axe_violations(page) == []


def test_one_regions_contacts_fit_in_two_phone_screens(live_server, page, sign_in, newcomer):
    sign_in(newcomer)
    for region in ("np-bagmati", "bd-dhaka", "pk-punjab", "th-bangkok"):
        page.goto(f"{live_server.url}/contacts/?region={region}")
        own = page.locator("section.contact-group").first
        box = own.bounding_box()
        assert box["height"] <= 2 * SCREEN, (region, box["height"])
        assert Region.objects.get(code=region).name in own.inner_text()


def test_every_countrys_numbers_without_signing_in(live_server, page):
    page.goto(f"{live_server.url}/")
    page.click("main a[href='/numbers/']")
    page.wait_for_url(f"{live_server.url}/numbers/")
    for number in ("100", "999", "112", "15", "191"):
        assert page.locator(f"main a[href='tel:{number}']").count(), number


def test_a_worker_with_a_region_has_the_number_and_start_the_checklist_on_the_first_screen(
    live_server, page, sign_in, newcomer
):
    from screening.models import AccountPreference

    AccountPreference.objects.create(user=newcomer, region=Region.objects.get(code="np-bagmati"))
    sign_in(newcomer)
    page.goto(f"{live_server.url}/")
    assert first_call_top(page) < SCREEN
    start = page.locator("main .start-link a").bounding_box()
    assert start["y"] + start["height"] <= SCREEN, start
