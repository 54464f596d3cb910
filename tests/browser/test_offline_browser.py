"""Without signal in Chromium: saved pages open, the result never does, no answer is kept."""

import io
import re
import time
import unicodedata

import pytest
from django.core.cache import caches
from django.db import OperationalError
from playwright.sync_api import Error as PlaywrightError
from pypdf import PdfReader

from screening.accounts import roles
from screening.choices import ContactKind, ContactScope
from screening.models import Guidance, Indicator, UsageRecord
from tests.conftest import make_contact, make_user

EMERGENCY_NUMBER = "112 555 0199"

SETTLED = """async (paths) => {
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration || !registration.active || registration.installing || registration.waiting
      || !navigator.serviceWorker.controller) { return null; }
  const names = await caches.keys();
  if (names.length !== 1) { return null; }
  const cache = await caches.open(names[0]);
  for (const path of paths) { if (!(await cache.match(path))) { return null; } }
  return names[0];
}"""

# Everything the phone stores for this site: every cache entry with its body, and the others.
STORAGE = """async () => {
  const entries = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const type = response.headers.get("content-type") || "";
      const body = type.startsWith("text/") ? await response.text() : "";
      entries.push({ cache: name, url: request.url, body });
    }
  }
  return {
    entries,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
  };
}"""

READING_PAGES = ["/", "/guidance/", "/contacts/", "/checklist/", "/checklist/print/"]


@pytest.fixture
def worker_user(db):
    make_contact(
        "Offline Test Police", ContactKind.EMERGENCY, phones=EMERGENCY_NUMBER, scope="national"
    )
    return make_user("offline-worker", roles.FRONTLINE)


def wait_until_settled(page, paths: list[str], *, other_than: str = "", seconds: float = 20):
    """Wait until one worker is active with one cache holding paths; return the cache name."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        name = page.evaluate(SETTLED, paths)
        if name and name != other_than:
            return name
        time.sleep(0.2)
    raise AssertionError(f"the service worker never settled with {paths}")


def sign_in_and_settle(page, live_server, user, password) -> str:
    """Sign in as a person would, after one visit, and let the worker save the reading pages."""
    page.goto(f"{live_server.url}/accounts/login/")
    # Wait for the worker of the signed-out visit, so its saving does not race the sign-in.
    wait_until_settled(page, ["/"])
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return wait_until_settled(page, READING_PAGES, other_than="")


def send_checklist(page, live_server) -> None:
    page.goto(f"{live_server.url}/checklist/")
    page.check("#id_immediate_danger_2")
    page.locator("fieldset.section input[value=yes]").first.check()
    page.locator("fieldset.section input[value=not_sure]").nth(2).check()
    page.click("#checklist-form button[type=submit]")


def main_text(page) -> str:
    return page.locator("main").inner_text()


def test_after_one_visit_start_guidance_and_contacts_open_offline_with_emergency_numbers(
    live_server, offline_page, worker_user, password
):
    page = offline_page
    sign_in_and_settle(page, live_server, worker_user, password)
    guidance_title = Guidance.objects.active().first().title

    page.context.set_offline(True)
    expected = {
        "/": "What this tool is",
        "/guidance/": guidance_title,
        "/contacts/": "Offline Test Police",
        "/checklist/": "Is the child in danger right now?",
        "/checklist/print/": "Checklist on paper",
    }
    for path, text in expected.items():
        page.goto(f"{live_server.url}{path}")
        shown = main_text(page)
        assert text in shown, path
        assert EMERGENCY_NUMBER in shown, path
        # Only a saved copy carries this line, so the page did come from the phone.
        assert "You are offline." in shown, path
        assert re.search(r"saved on this phone on .*\d", shown), path


def test_when_the_service_fails_the_saved_copy_is_shown_with_its_numbers(
    live_server, offline_page, worker_user, password, monkeypatch
):
    page = offline_page
    sign_in_and_settle(page, live_server, worker_user, password)
    guidance_title = Guidance.objects.active().first().title

    class DatabaseDown:
        def active(self):
            raise OperationalError("the database is not answering")

    monkeypatch.setattr(Guidance, "objects", DatabaseDown())
    for each in caches.all():  # the server's rendered guidance must be read again, from the
        each.clear()  # failing database
    response = page.goto(f"{live_server.url}/guidance/")
    shown = main_text(page)
    assert response.from_service_worker
    assert "The service is not answering right now." in shown
    assert guidance_title in shown
    assert EMERGENCY_NUMBER in shown


SAVED_AT = """async (path) => {
  const response = await caches.match(path);
  return response ? Number(response.headers.get("x-rr-saved-at")) : 0;
}"""


def test_a_page_too_slow_to_arrive_shows_the_saved_copy_and_saves_the_late_one(
    live_server, offline_page, worker_user, password, monkeypatch, settings
):
    settings.SCREENING_OFFLINE_WAIT_SECONDS = 1
    page = offline_page
    sign_in_and_settle(page, live_server, worker_user, password)
    guidance_title = Guidance.objects.active().first().title
    saved_before = page.evaluate(SAVED_AT, "/guidance/")
    real = Guidance.objects

    class SlowDatabase:
        def active(self):
            time.sleep(6)
            return real.active()

    monkeypatch.setattr(Guidance, "objects", SlowDatabase())
    for each in caches.all():  # the server's rendered guidance must be read again, slowly
        each.clear()
    started = time.monotonic()
    page.goto(f"{live_server.url}/guidance/")
    shown = main_text(page)
    assert time.monotonic() - started < 5
    assert "The connection is too slow right now." in shown
    assert guidance_title in shown
    assert EMERGENCY_NUMBER in shown
    deadline = time.monotonic() + 10
    while page.evaluate(SAVED_AT, "/guidance/") == saved_before:
        assert time.monotonic() < deadline, "the late page was never saved"
        time.sleep(0.2)


def test_the_result_never_opens_offline_and_no_answer_or_result_stays_on_the_phone(
    live_server, offline_page, worker_user, password
):
    page = offline_page
    sign_in_and_settle(page, live_server, worker_user, password)
    send_checklist(page, live_server)
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    assert "What to do next" in main_text(page)
    noted = Indicator.objects.active().order_by("section__position", "position").first().text
    assert noted in main_text(page)
    # Visit the reading pages again after the result, as a worker would.
    for path in READING_PAGES:
        page.goto(f"{live_server.url}{path}")
    wait_until_settled(page, READING_PAGES)

    stored = page.evaluate(STORAGE)
    assert stored["entries"], "the reading pages should be saved"
    assert stored["localStorage"] == 0
    assert stored["sessionStorage"] == 0
    assert stored["indexedDB"] == []
    for entry in stored["entries"]:
        assert "/checklist/result/" not in entry["url"]
        assert "/dashboard/" not in entry["url"] and "/admin/" not in entry["url"]
        assert "What to do next" not in entry["body"], entry["url"]
        assert "What you noted" not in entry["body"], entry["url"]
        # A saved checklist page is blank: no radio button is ticked in it.
        assert not re.search(r"<input[^>]*\bchecked\b", entry["body"]), entry["url"]

    page.context.set_offline(True)
    # The worker leaves the result to the network, which is not there: the browser's own error.
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(f"{live_server.url}/checklist/result/", timeout=10_000)


def test_sending_the_checklist_offline_says_it_was_not_sent_and_keeps_nothing(
    live_server, offline_page, worker_user, password
):
    page = offline_page
    sign_in_and_settle(page, live_server, worker_user, password)
    page.goto(f"{live_server.url}/checklist/")
    page.context.set_offline(True)
    page.check("#id_immediate_danger_2")
    page.locator("fieldset.section input[value=yes]").first.check()
    page.click("#checklist-form button[type=submit]")

    shown = main_text(page)
    assert "Your checklist could not be sent" in shown
    assert "nothing was sent and nothing was kept, on this phone or anywhere" in shown
    assert EMERGENCY_NUMBER in shown
    # The next steps, worked out on the phone by the server's own rules: not sure of the
    # danger, one sign noted, no age given.
    for title in (
        "Not sure the child is safe? Call now",
        "Keep the child safe and calm",
        "If you are not sure of the age, treat them as a child",
        "Refer the child today",
    ):
        assert (title in shown) == (title != "Not sure the child is safe? Call now"), title
    assert "No sign noted" not in shown
    assert UsageRecord.objects.count() == 0
    stored = page.evaluate(STORAGE)
    assert stored["localStorage"] == 0 and stored["indexedDB"] == []
    for entry in stored["entries"]:
        assert not re.search(r"<input[^>]*\bchecked\b", entry["body"]), entry["url"]

    # With the signal back, nothing was queued: still no record.
    page.context.set_offline(False)
    page.goto(f"{live_server.url}/")
    assert UsageRecord.objects.count() == 0


def test_a_number_reported_without_signal_is_not_sent_and_the_worker_is_told(
    live_server, offline_page, worker_user, password
):
    from screening.models import ContactReport

    page = offline_page
    sign_in_and_settle(page, live_server, worker_user, password)
    page.goto(f"{live_server.url}/contacts/")
    row = page.locator("li.contact-row", has_text="Offline Test Police")
    row.locator("details.report-number > summary").click()
    page.context.set_offline(True)
    row.locator("button[value=no_connection]").click()
    shown = main_text(page)
    assert "your report that this number did not work was not sent" in shown
    assert EMERGENCY_NUMBER in shown
    page.context.set_offline(False)
    assert not ContactReport.objects.exists()


def test_a_new_content_version_replaces_the_saved_copies(
    live_server, offline_page, worker_user, password
):
    page = offline_page
    first_cache = sign_in_and_settle(page, live_server, worker_user, password)
    indicator = Indicator.objects.active().order_by("section__position", "position").first()
    indicator.text = "A sentence an editor has just rewritten for this test"
    indicator.save()

    page.goto(f"{live_server.url}/guidance/")
    second_cache = wait_until_settled(page, READING_PAGES, other_than=first_cache)
    assert page.evaluate("caches.keys()") == [second_cache]

    page.context.set_offline(True)
    page.goto(f"{live_server.url}/checklist/")
    assert "A sentence an editor has just rewritten for this test" in main_text(page)
    assert "You are offline." in main_text(page)


def pdf_text(page) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    # NFKC undoes the ligatures a PDF keeps ("ﬃ" back to "ffi").
    return flat(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages)))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_paper_checklist_prints_every_indicator(live_server, page, sign_in, worker_user):
    sign_in(worker_user)
    page.goto(f"{live_server.url}/checklist/print/")
    text = pdf_text(page)
    indicators = list(Indicator.objects.active().filter(section__active=True))
    assert indicators
    for indicator in indicators:
        assert flat(indicator.text) in text, indicator.slug
    assert text.index("Is the child in danger right now?") < text.index(flat(indicators[0].text))
    assert EMERGENCY_NUMBER in text
    assert "not a diagnosis" in text
    assert "Sign out" not in text


def test_printed_contacts_show_numbers_and_web_addresses_without_navigation(
    live_server, page, sign_in, worker_user
):
    make_contact(
        "Offline Test Hotline",
        ContactKind.ANTI_TRAFFICKING,
        phones="+977 1 4433 000",
        website="https://hotline.example.org/help",
        scope=ContactScope.NATIONAL,
    )
    sign_in(worker_user)
    page.goto(f"{live_server.url}/contacts/")
    text = pdf_text(page)
    assert "+977 1 4433 000" in text
    assert EMERGENCY_NUMBER in text
    assert "https://hotline.example.org/help" in text
    for navigation in ("Guidance Contacts", "Sign out", "Show contacts", "Skip to main content"):
        assert navigation not in text


def test_paper_checklist_passes_axe(live_server, page, sign_in, worker_user, axe_violations):
    sign_in(worker_user)
    page.goto(f"{live_server.url}/checklist/print/")
    assert axe_violations(page) == []


def test_saved_pages_and_the_not_sent_page_pass_axe(
    live_server, offline_page, worker_user, password, axe_violations
):
    page = offline_page
    sign_in_and_settle(page, live_server, worker_user, password)
    page.goto(f"{live_server.url}/checklist/")
    page.context.set_offline(True)
    page.locator("fieldset.section input[value=yes]").first.check()
    page.click("#checklist-form button[type=submit]")
    assert "Your checklist could not be sent" in main_text(page)
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/guidance/")
    assert "You are offline." in main_text(page)
    assert axe_violations(page) == []


def test_printed_result_and_guidance_have_no_navigation_or_buttons(
    live_server, page, sign_in, worker_user
):
    sign_in(worker_user)
    send_checklist(page, live_server)
    page.wait_for_url(f"{live_server.url}/checklist/result/")
    text = pdf_text(page)
    assert "What to do next" in text
    assert EMERGENCY_NUMBER in text
    for hidden in ("Finish and clear", "Sign out", "Skip to main content"):
        assert hidden not in text
    page.goto(f"{live_server.url}/guidance/")
    text = pdf_text(page)
    # The title once: as its heading, not again in the on-screen table of contents.
    title = flat(Guidance.objects.active().first().title)
    assert text.count(title) == 1
    assert "Sign out" not in text


def test_practice_cases_open_offline_and_a_case_sent_without_signal_keeps_nothing(
    live_server, offline_page, worker_user, password
):
    from screening.models import UsageRecord

    page = offline_page
    sign_in_and_settle(page, live_server, worker_user, password)
    wait_until_settled(page, ["/practice/", "/practice/hotel-room/"])
    page.context.set_offline(True)
    page.goto(f"{live_server.url}/practice/hotel-room/")
    shown = main_text(page)
    assert "hotel desk" in shown and "You are offline." in shown
    assert page.locator(".practice-banner").count() == 1
    page.check("input[name=immediate_danger][value=yes]")
    page.click("#checklist-form button[name=submit]")
    page.wait_for_load_state()
    shown = main_text(page)
    assert "this practice case could not be sent. Nothing was kept." in shown
    page.context.set_offline(False)
    assert not UsageRecord.objects.exists()
