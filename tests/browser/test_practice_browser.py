"""Practice on a 360 x 740 phone, JavaScript on and off: marked as practice on every screen
and on paper, the same result with the practice panel, and every usage table unchanged."""

import pytest

from screening.models import PracticeCase
from tests.conftest import make_user
from tests.frontline.test_practice import usage_counts

SCREEN = 740


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def phone(request, chromium, live_server, password, db):
    user = make_user("practice-worker", "Frontline workers")
    context = chromium.new_context(
        java_script_enabled=request.param,
        viewport={"width": 360, "height": SCREEN},
        service_workers="block",
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    # axe-core runs as a script in the page: with JavaScript off it cannot run there.
    page.js_enabled = request.param
    yield page
    context.close()


def banner_on_first_screen(page) -> None:
    banner = page.locator(".practice-banner")
    assert banner.count() == 1
    box = banner.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SCREEN, box
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert colour == "rgb(74, 20, 140)", colour  # the practice colour, not the brand's


@pytest.mark.timeout(120)
def test_a_practice_case_from_the_start_page_records_nothing(phone, live_server, axe_violations):
    page = phone
    before = usage_counts()
    page.click("main .actions a:has-text('Practise with a case')")
    page.wait_for_url(f"{live_server.url}/practice/")
    banner_on_first_screen(page)
    assert not page.js_enabled or axe_violations(page) == []
    case = PracticeCase.objects.get(slug="hotel-room")
    page.click(f'a:has-text("{case.title}")')
    page.wait_for_url(f"{live_server.url}/practice/hotel-room/")
    banner_on_first_screen(page)
    assert "hotel desk" in page.inner_text(".practice-case")
    assert not page.js_enabled or axe_violations(page) == []

    page.check("input[name=immediate_danger][value=yes]")
    page.select_option("#id_region", "np-bagmati")
    page.locator("fieldset.section fieldset.indicator").first.locator("input[value=yes]").check()
    page.click("#checklist-form button[name=submit]")
    page.wait_for_url(f"{live_server.url}/practice/hotel-room/result/")
    banner_on_first_screen(page)
    # The same result: danger first, with its Call button on the first screen.
    call = page.locator('.danger-first a[href^="tel:"]').first
    assert call.bounding_box()["y"] < SCREEN
    panel = page.locator(".practice-panel")
    assert "Your answer to the danger question fits." in panel.inner_text()
    assert not page.js_enabled or axe_violations(page) == []
    assert usage_counts() == before

    # On paper too: the printed page says it is practice.
    page.emulate_media(media="print")
    assert page.locator(".practice-banner").is_visible()
    page.emulate_media(media="screen")

    page.click("form[action$='/checklist/finish/'] button[type=submit]")
    page.wait_for_url(f"{live_server.url}/practice/")
    assert usage_counts() == before
