"""Leave this page on a 360 x 740 phone: Back never brings an answer or a result back."""

import pytest

from screening.models import AccountPreference, Region
from tests.conftest import make_user

SCREEN = {"width": 360, "height": 740}
# Words that only the result page shows.
RESULT_TEXTS = ("What to do next", "The child is in danger: call now", "signs noted")


@pytest.fixture
def worker_user(db):
    user = make_user("exit-worker", "Frontline workers")
    AccountPreference.objects.create(user=user, region=Region.objects.get(code="np-bagmati"))
    return user


def signed_in_phone(chromium, live_server, watch, user, password, **options):
    context = chromium.new_context(viewport=SCREEN, service_workers="block", **options)
    watch.attach(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def assert_nothing_shown(page) -> None:
    checked = page.evaluate(
        "[...document.querySelectorAll('input[type=radio]:checked')].map(el => el.name)"
    )
    assert checked == [], f"{page.url} shows answers: {checked}"
    text = page.locator("body").inner_text()
    for words in RESULT_TEXTS:
        assert words not in text, f"{page.url} shows {words!r}"


@pytest.mark.parametrize("js", [True, False], ids=["js-on", "js-off"])
def test_back_after_leave_shows_no_answer_and_no_result(
    chromium, live_server, watch, worker_user, password, js
):
    page = signed_in_phone(
        chromium, live_server, watch, worker_user, password, java_script_enabled=js
    )
    page.goto(f"{live_server.url}/checklist/")
    page.check("input[name=immediate_danger][value=yes]")
    questions = page.locator("fieldset.section fieldset.indicator")
    questions.nth(0).locator("input[value=yes]").check()
    questions.nth(1).locator("input[value=not_sure]").check()
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    assert "What to do next" in page.locator("h1").inner_text()

    page.click("button.leave-button")
    page.wait_for_url(f"{live_server.url}/search/")
    for _ in range(2):
        page.go_back()
        page.wait_for_load_state()
        assert_nothing_shown(page)
    page.context.close()


def test_leaving_from_the_filled_checklist_and_going_back_shows_a_blank_form(
    chromium, live_server, watch, worker_user, password
):
    page = signed_in_phone(chromium, live_server, watch, worker_user, password)
    page.goto(f"{live_server.url}/checklist/")
    page.check("input[name=immediate_danger][value=yes]")
    page.locator("fieldset.section input[value=yes]").first.check()
    page.click("button.leave-button")
    page.wait_for_url(f"{live_server.url}/search/")
    page.go_back()
    page.wait_for_load_state()
    assert_nothing_shown(page)
    page.context.close()


def hint_on_the_checklist(chromium, live_server, watch, user, password, **options):
    page = signed_in_phone(chromium, live_server, watch, user, password, **options)
    page.goto(f"{live_server.url}/checklist/")
    page.wait_for_load_state()
    return page, page.locator("[data-leave-hint]")


def test_the_shift_hint_shows_with_a_mouse_and_keyboard_but_never_on_paper(
    chromium, live_server, watch, worker_user, password
):
    page, hint = hint_on_the_checklist(chromium, live_server, watch, worker_user, password)
    assert hint.is_visible()
    page.emulate_media(media="print")
    assert not hint.is_visible()
    page.context.close()


def test_the_shift_hint_stays_hidden_on_a_phone_until_a_key_is_pressed(
    chromium, live_server, watch, worker_user, password
):
    page, hint = hint_on_the_checklist(
        chromium, live_server, watch, worker_user, password, is_mobile=True, has_touch=True
    )
    assert page.evaluate("matchMedia('(pointer: coarse)').matches")
    assert not hint.is_visible()
    assert page.locator("button.leave-button").is_visible()
    # A keyboard plugged into the phone: the hint then applies.
    page.keyboard.press("Tab")
    assert hint.is_visible()
    page.context.close()
