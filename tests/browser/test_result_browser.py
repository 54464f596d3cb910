"""The moment of need on a 360 x 740 phone, JavaScript on and off: danger first, a short result."""

import re
from collections import Counter

import pytest

from screening.frontline.result import first_emergency_by_region
from screening.models import AccountPreference, Region
from tests.conftest import make_user

SCREEN = 740
REGION = "np-bagmati"


@pytest.fixture
def worker_user(db):
    """A worker whose account remembers their region, as after an earlier session."""
    user = make_user("result-worker", "Frontline workers")
    AccountPreference.objects.create(user=user, region=Region.objects.get(code=REGION))
    return user


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def phone(request, chromium, live_server, worker_user, password):
    """A signed-in 360 x 740 page, with JavaScript on or off."""
    # The service worker's background requests would race the test's own (as in conftest).
    context = chromium.new_context(
        java_script_enabled=request.param,
        viewport={"width": 360, "height": SCREEN},
        service_workers="block",
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", worker_user.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.js_enabled = request.param
    yield page
    context.close()


def fill_checklist(page, live_server, *, danger="", yes=0, not_sure=0, all_not_sure=False):
    page.goto(f"{live_server.url}/checklist/")
    page.select_option("#id_region", REGION)
    if danger:
        page.check(f"input[name=immediate_danger][value={danger}]")
    if all_not_sure or yes + not_sure > 8:
        # Beyond the eight signs to check first, the worker opens the folded sections.
        folded = page.locator("details.more-signs:not([open]) > summary")
        while folded.count():
            folded.first.click()
    questions = page.locator("fieldset.section fieldset.indicator")
    if all_not_sure:
        for n in range(questions.count()):
            questions.nth(n).locator("input[value=not_sure]").check()
    for n in range(yes):
        questions.nth(n).locator("input[value=yes]").check()
    for n in range(yes, yes + not_sure):
        questions.nth(n).locator("input[value=not_sure]").check()
    page.click("#checklist-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")


def first_tel_top(page) -> float:
    return page.locator("a[href^='tel:']").first.evaluate(
        "el => el.getBoundingClientRect().top + window.scrollY"
    )


def page_height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def repeated_sentences(page) -> list[str]:
    """Sentences (four words or more, ending . ! or ?) printed more than once on the page."""
    text = page.locator("body").inner_text()
    found = []
    for block in text.split("\n"):
        for sentence in re.split(r"(?<=[.!?])\s+", block.strip()):
            if re.search(r"[.!?]$", sentence) and len(sentence.split()) >= 4:
                found.append(" ".join(sentence.lower().split()))
    return [sentence for sentence, n in Counter(found).items() if n > 1]


@pytest.mark.parametrize("danger", ["yes", "not_sure"])
def test_danger_alone_gives_a_result_with_the_call_button_first_on_the_first_screen(
    phone, live_server, danger
):
    fill_checklist(phone, live_server, danger=danger)
    main_first = phone.locator("main > :not(.messages)").first
    call = phone.locator("a[href^='tel:']").first
    # The danger block is the first thing in the page's content, and its Call button is first
    # in it, full width, at least 48 px tall, with the number in its label.
    assert main_first.evaluate("el => el.classList.contains('danger-first')")
    assert main_first.locator("a").first.evaluate("el => el.href.startsWith('tel:')")
    box = call.bounding_box()
    assert box["y"] + phone.evaluate("window.scrollY") < SCREEN
    assert box["height"] >= 48
    assert box["width"] >= 300
    assert call.inner_text().startswith("Call 100")
    assert "Do not confront" in main_first.inner_text() or "without waiting" in (
        main_first.inner_text()
    )
    title = phone.locator("#danger-title").inner_text()
    if danger == "yes":
        assert title == "The child is in danger: call now"
    else:
        assert title == "Not sure the child is safe? Call now"
    assert repeated_sentences(phone) == []


def test_the_start_page_shows_the_regions_number_on_the_first_screen(phone, live_server):
    """Where a worker lands after signing in: the region's number, then the region form."""
    assert phone.url == f"{live_server.url}/"
    call = phone.locator("main a[href^='tel:']").first
    assert first_tel_top(phone) + call.bounding_box()["height"] <= SCREEN
    assert call.bounding_box()["height"] >= 44
    # "Call" and the number stay apart (a flex box drops the space between them).
    gap = call.evaluate(
        """el => {
            const word = document.createRange();
            word.selectNodeContents(el.firstChild);
            return el.querySelector('.phone-number').getBoundingClientRect().left
                - word.getBoundingClientRect().right;
        }"""
    )
    assert gap >= 3
    form_top = phone.locator("main .region-form").evaluate(
        "el => el.getBoundingClientRect().top + window.scrollY"
    )
    assert first_tel_top(phone) < form_top


def test_the_checklist_shows_the_call_button_under_the_danger_question(phone, live_server):
    phone.goto(f"{live_server.url}/checklist/")
    block = phone.locator("#danger-call")
    # The hint of the question carries the number as a link, for when JavaScript is off.
    danger_question = phone.locator("fieldset.indicator").first
    assert danger_question.locator(".hint a[href^='tel:']").count() >= 1
    # The question opens the page: its answers and the number in its hint on the first screen,
    # before how to answer and "this is not a test".
    hint_call = danger_question.locator(".hint a[href^='tel:']").first.bounding_box()
    assert hint_call["y"] + hint_call["height"] <= SCREEN
    answers = phone.locator("input[name=immediate_danger]").last.bounding_box()
    assert answers["y"] + answers["height"] <= SCREEN
    intro = phone.locator(".checklist-intro").bounding_box()
    assert intro["y"] > answers["y"]
    if not phone.js_enabled:
        assert not block.is_visible()
        return
    assert not block.is_visible()
    phone.check("input[name=immediate_danger][value=yes]")
    assert block.is_visible()
    button = block.locator("a.call-button")
    question = danger_question.bounding_box()
    assert button.bounding_box()["y"] >= question["y"] + question["height"] - 1
    assert button.bounding_box()["height"] >= 48
    # Shown where the worker is looking, without scrolling.
    assert phone.evaluate("window.scrollY") == 0
    assert button.bounding_box()["y"] + button.bounding_box()["height"] <= SCREEN
    phone.check("input[name=immediate_danger][value=no]")
    assert not block.is_visible()
    phone.check("input[name=immediate_danger][value=not_sure]")
    assert block.is_visible()


def test_an_empty_checklist_is_refused_with_the_emergency_number_shown(phone, live_server):
    phone.goto(f"{live_server.url}/checklist/")
    phone.click("#checklist-form button[type=submit]")
    assert "Answer at least one question" in phone.locator("#error-summary").inner_text()
    assert phone.locator("#danger-call a[href^='tel:']").is_visible()


def test_five_yes_and_five_not_sure_fit_in_six_screens(phone, live_server):
    fill_checklist(phone, live_server, yes=5, not_sure=5)
    assert "5 signs noted, 5 not sure." in phone.locator("main").inner_text()
    assert first_tel_top(phone) < 2 * SCREEN
    assert page_height(phone) <= 6 * SCREEN
    assert repeated_sentences(phone) == []


def test_everything_not_sure_fits_in_ten_screens(phone, live_server):
    fill_checklist(phone, live_server, all_not_sure=True)
    assert first_tel_top(phone) < 2 * SCREEN
    assert page_height(phone) <= 10 * SCREEN
    assert repeated_sentences(phone) == []


def test_nothing_noted_still_puts_a_number_within_two_screens(phone, live_server):
    fill_checklist(phone, live_server, danger="no")
    assert first_tel_top(phone) < 2 * SCREEN
    assert repeated_sentences(phone) == []


def test_print_button_shows_only_with_javascript(phone, live_server):
    fill_checklist(phone, live_server, yes=1)
    assert phone.locator("#print-button").is_visible() == phone.js_enabled


def test_leave_this_page_clears_the_result_and_shows_a_neutral_page(phone, live_server):
    fill_checklist(phone, live_server, danger="yes", yes=2)
    if phone.js_enabled:
        phone.locator("h1").click()
        for _ in range(3):
            phone.keyboard.press("Shift")
    else:
        phone.click("button.leave-button")
    phone.wait_for_url(f"{live_server.url}/search/")
    assert "Recognise" not in phone.content()
    phone.goto(f"{live_server.url}/checklist/result/")
    assert phone.url == f"{live_server.url}/checklist/"


def test_danger_call_and_neutral_page_pass_axe(
    live_server, page, sign_in, worker_user, axe_violations
):
    sign_in(worker_user)
    page.goto(f"{live_server.url}/checklist/")
    page.check("input[name=immediate_danger][value=not_sure]")
    assert page.locator("#danger-call").is_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/search/")
    assert axe_violations(page) == []


def test_many_signs_noted_never_print_a_sentence_twice(phone, live_server):
    # Several shipped indicators' guidance ends with the same cross-reference sentence.
    fill_checklist(phone, live_server, danger="yes", yes=20)
    assert repeated_sentences(phone) == []


def test_the_call_button_follows_the_region_picked_on_the_checklist(
    chromium, live_server, password, watch
):
    # A worker with no region remembered and no deployment default answers Yes first and
    # picks their region further down: the Call button switches to that region's number.
    newcomer = make_user("newcomer", "Frontline workers")
    expected = {
        code: contact.phone_list[0]
        for code, contact in first_emergency_by_region(Region.objects.active()).items()
    }
    assert expected["np-bagmati"] == "100" and expected["th-bangkok"] != "100"
    context = chromium.new_context(
        viewport={"width": 360, "height": SCREEN}, service_workers="block"
    )
    watch.attach(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", newcomer.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/checklist/")
    page.check("input[name=immediate_danger][value=yes]")
    block = page.locator("#danger-call")
    assert block.is_visible()
    assert block.locator("a.call-button").count() == 0  # no region yet: a link to contacts
    for code in ("th-bangkok", "np-bagmati"):
        page.select_option("#id_region", code)
        button = block.locator("a.call-button")
        assert button.get_attribute("href") == f"tel:{expected[code]}"
        assert button.bounding_box()["height"] >= 48
    page.select_option("#id_region", "")
    assert block.locator("a.call-button").count() == 0
    context.close()
