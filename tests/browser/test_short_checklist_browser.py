"""A short way through on a 360 x 740 phone: the danger question and the core set first, the
other sections folded, "See next steps" always in view, progress shown; paper in the same order."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from screening.models import Indicator
from tests.conftest import make_user

SCREEN = 740


@pytest.fixture
def worker_user(db):
    return make_user("short-worker", "Frontline workers")


def open_checklist(live_server, page, sign_in, user, language="en"):
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    sign_in(user)
    page.goto(f"{live_server.url}/checklist/?country=np")


@pytest.mark.parametrize("language", ["en", "ne"])
def test_the_danger_question_and_the_core_set_fit_four_phone_screens(
    live_server, page, sign_in, worker_user, language
):
    open_checklist(live_server, page, sign_in, worker_user, language)
    core = page.locator("#section-core")
    box = core.bounding_box()
    page_top = page.evaluate("window.scrollY")
    bottom = box["y"] + box["height"] + page_top
    assert bottom <= 4 * SCREEN, bottom
    assert core.locator(".field-radio, fieldset fieldset, input[value=yes]").count()
    assert (
        core.locator("input[value=yes]").count()
        == Indicator.objects.filter(core=True, active=True).count()
    )
    # Every other section waits, folded, for the worker to open it.
    folded = page.locator("details.more-signs")
    assert folded.count() >= 7
    assert page.locator("details.more-signs[open]").count() == 0
    page.screenshot(path=f"test-results/short-checklist-{language}.png")


def test_see_next_steps_is_in_view_on_every_screen_and_never_covers_a_field(
    live_server, page, sign_in, worker_user
):
    open_checklist(live_server, page, sign_in, worker_user)
    button = page.locator(".submit-bar button[name=submit]")
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, SCREEN // 2):
        page.evaluate(f"window.scrollTo(0, {top})")
        box = button.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= SCREEN, top
    # A field that gets the focus scrolls clear of the bar, as a keyboard user moves on.
    page.evaluate("window.scrollTo(0, 0)")
    bar_top = lambda: page.locator(".submit-bar").bounding_box()["y"]  # noqa: E731
    radios = page.locator("#section-core input[type=radio]")
    for index in range(radios.count()):
        radios.nth(index).focus()
        box = radios.nth(index).bounding_box()
        assert box["y"] + box["height"] <= bar_top() + 1, index


def test_progress_counts_the_answers_and_a_folded_section_opens(
    live_server, page, sign_in, worker_user
):
    open_checklist(live_server, page, sign_in, worker_user)
    total = Indicator.objects.filter(active=True, section__active=True).count()
    progress = page.locator("[data-progress]")
    assert progress.inner_text() == f"Answered: 0 of {total} signs"
    page.locator("#section-core input[value=yes]").nth(0).check()
    page.locator("#section-core input[value=not_sure]").nth(1).check()
    assert progress.inner_text() == f"Answered: 2 of {total} signs"
    section = page.locator("details.more-signs").first
    section.locator("> summary").click()
    assert section.get_attribute("open") is not None
    section.locator("input[value=yes]").first.check()
    assert progress.inner_text() == f"Answered: 3 of {total} signs"
    page.click(".submit-bar button[name=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    assert page.locator("#step-refer").count() == 1


def test_the_paper_checklist_has_the_core_set_first_within_two_a4_sides(
    live_server, page, sign_in, worker_user
):
    sign_in(worker_user)
    page.goto(f"{live_server.url}/checklist/print/?region=np-bagmati")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = [
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in reader.pages
    ]
    text = " ".join(pages)
    core = list(Indicator.objects.filter(core=True, active=True))
    assert core
    first_core = min(text.index(" ".join(i.text.split())) for i in core)
    assert text.index("Is the child in danger right now?") < first_core
    # The core set ends, and the other sections begin, within the first two sides.
    ends_on = next(n for n, words in enumerate(pages) if "More signs, by section" in words)
    assert ends_on <= 1, ends_on
    for indicator in core:
        assert " ".join(indicator.text.split()) in " ".join(pages[:2]), indicator.slug


def test_answers_survive_a_detour_through_the_menu(live_server, page, sign_in, worker_user):
    open_checklist(live_server, page, sign_in, worker_user)
    page.locator("#section-core input[value=yes]").nth(0).check()
    page.locator("#section-core input[value=not_sure]").nth(2).check()
    page.click("summary:has-text('Menu')")
    page.click("header a[href='/contacts/']")
    page.wait_for_url(f"{live_server.url}/contacts/")
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/checklist/")
    assert page.locator("#section-core input[value=yes]").nth(0).is_checked()
    assert page.locator("#section-core input[value=not_sure]").nth(2).is_checked()
    assert page.get_by_text("Your answers from before are kept").is_visible()


def test_before_the_idle_limit_the_page_warns_and_continuing_keeps_the_session(
    live_server, page, sign_in, worker_user, settings
):
    page.clock.install()
    open_checklist(live_server, page, sign_in, worker_user)
    page.locator("#section-core input[value=yes]").nth(0).check()
    warning = page.locator("#idle-warning")
    assert not warning.is_visible()
    idle = int(page.get_attribute("#checklist-form", "data-idle-seconds"))
    assert idle == settings.SESSION_COOKIE_AGE
    page.clock.fast_forward((idle - 180) * 1000 + 1000)
    assert warning.is_visible()
    with page.expect_response(lambda r: r.url.endswith("/checklist/keep/")) as kept:
        warning.locator("button").click()
    assert kept.value.status == 204
    assert not warning.is_visible()
