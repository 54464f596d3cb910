"""The paper checklist, the service worker script, the app manifest and the content version."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

from screening.choices import ContactKind, ContactScope
from screening.frontline.offline import OFFLINE_PAGES
from screening.models import (
    Indicator,
    PracticeCase,
    SubmissionToken,
    UsageRecord,
    current_content_version,
)
from tests.conftest import choose_place, make_contact, make_guidance, make_indicator, make_region


def sw_config(response) -> dict:
    match = re.search(r"^const CONFIG = (.*);$", response.content.decode(), re.MULTILINE)
    return json.loads(match.group(1))


# --- /checklist/print/ ---


def test_print_page_renders_every_active_indicator_by_section(worker_client, content):
    hidden, age = content["sections"]
    retired = make_indicator(hidden, "retired-test", text="A retired indicator", active=False)
    response = worker_client.get("/checklist/print/")
    assert response.status_code == 200
    html = response.content.decode()
    for section in content["sections"]:
        assert f'id="paper-section-{section.slug}"' in html
    for indicator in content["indicators"].values():
        assert f'id="paper-indicator-{indicator.slug}"' in html
        assert indicator.text in html
    assert retired.text not in html
    # The danger question and every indicator have the three answer boxes.
    rows = re.findall(r'<p class="paper-boxes">(.*?)</p>', html)
    active = Indicator.objects.active().filter(section__active=True, current_version__isnull=False)
    assert len(rows) == active.count() + 1
    for row in rows:
        assert row.count('class="paper-box"') == 3
        assert re.search(r"Yes.*No.*Not sure", row)


def test_print_page_asks_the_danger_question_first_with_the_region_emergency_numbers(
    worker_client, content
):
    make_contact(
        "North Emergency Line",
        ContactKind.EMERGENCY,
        phones="+977 1 555 0999",
        scope=ContactScope.LOCAL,
        regions=[content["region"]],
    )
    make_contact(
        "South Emergency Line",
        ContactKind.EMERGENCY,
        phones="+977 1 555 0888",
        scope=ContactScope.LOCAL,
        regions=[content["other_region"]],
    )
    html = worker_client.get("/checklist/print/?region=north").content.decode()
    danger = html.index("Is the child in danger right now?")
    assert danger < html.index("Hidden test section") < html.index("Age test section")
    assert danger < html.index("+977 1 555 0999") < html.index("Hidden test section")
    assert "+977 1 555 0888" not in html
    assert "Test Police 100" in html
    assert "it does not prove anything" in html
    assert "Noticing no indicator never rules trafficking out" in html


def test_start_page_links_the_paper_checklist(worker_client, content):
    assert 'href="/checklist/print/"' in worker_client.get("/").content.decode()


def test_print_page_keeps_nothing(worker_client, content):
    worker_client.get("/checklist/print/")
    before = dict(worker_client.session)
    response = worker_client.get("/checklist/print/?region=south")
    assert response.status_code == 200
    assert "South Shelter" in response.content.decode()
    assert dict(worker_client.session) == before
    assert UsageRecord.objects.count() == 0
    assert SubmissionToken.objects.count() == 0


def test_print_page_uses_the_region_remembered_in_the_session(worker_client, content):
    choose_place(worker_client, region="south")
    html = worker_client.get("/checklist/print/").content.decode()
    assert "South Shelter" in html
    assert "North Shelter" not in html


def test_print_page_with_an_unknown_region_is_not_an_error_and_stacks_no_region(
    worker_client, content
):
    # Issue 7: a page a worker acts from never stacks several regions' contacts; without a
    # region it lists only contacts that serve everywhere (the full list is on /contacts/).
    response = worker_client.get("/checklist/print/?region=%00nowhere" + "x" * 500)
    assert response.status_code == 200
    html = response.content.decode()
    assert "North Shelter" not in html and "South Shelter" not in html
    assert "<h1" in html


def test_print_page_is_in_the_worker_language(worker_client, content):
    indicator = content["indicators"]["venue"]
    indicator.text_ne = "परीक्षण स्थानमा भेटियो"
    indicator.save()
    html = worker_client.get("/checklist/print/", HTTP_ACCEPT_LANGUAGE="ne").content.decode()
    assert 'lang="ne"' in html
    assert "परीक्षण स्थानमा भेटियो" in html


def test_print_page_needs_sign_in_like_the_checklist(client, db, settings):
    response = client.get("/checklist/print/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    settings.SCREENING_ALLOW_ANONYMOUS = True
    assert client.get("/checklist/print/").status_code == 200


def test_print_page_query_count_is_pinned(worker_client, content, django_assert_max_num_queries):
    worker_client.get("/checklist/print/")
    make_indicator(content["sections"][0], "one-more", text="One more indicator")
    # session, user, regions, contacts, their regions, two permission lookups (the header's
    # dashboard link), sections, indicators, and the session save (savepoint, update, release)
    with django_assert_max_num_queries(12):
        worker_client.get("/checklist/print/")


# --- /sw.js ---

READING_PAGES = ["/", "/guidance/", "/contacts/", "/checklist/", "/checklist/print/"]


def practice_pages() -> list[str]:
    """The practice list and every active case, kept for training without signal."""
    slugs = PracticeCase.objects.active().values_list("slug", flat=True)
    return ["/practice/", *(f"/practice/{slug}/" for slug in slugs)]


def test_service_worker_is_a_script_at_the_root_that_keeps_only_the_reading_pages(
    worker_client, content
):
    response = worker_client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    config = sw_config(response)
    assert config["pages"] == READING_PAGES + practice_pages()
    assert len(OFFLINE_PAGES) == len(READING_PAGES)
    never_kept = ["/checklist/result/", "/checklist/finish/", "/dashboard/", "/admin/"]
    never_kept.append("/accounts/")
    for never in never_kept:
        assert not any(page.startswith(never) for page in config["pages"])
        assert not any(path.startswith(never) for path in config["static"])
    assert config["staticPrefix"] == "/static/screening/"
    for path in config["static"]:
        if path.startswith("/static/"):
            assert finders.find(path.removeprefix("/static/")), path


def test_service_worker_cache_name_follows_the_content_version(worker_client, content):
    first = worker_client.get("/sw.js")
    version = current_content_version()
    assert sw_config(first)["cache"].startswith(f"rr-{version}.en.")
    indicator = content["indicators"]["venue"]
    indicator.text = "Met at a test venue, reworded"
    indicator.save()
    second = worker_client.get("/sw.js")
    assert sw_config(second)["cache"].startswith(f"rr-{current_content_version()}.en.")
    assert second.content != first.content
    assert second["ETag"] != first["ETag"]


def test_service_worker_answers_304_while_nothing_changed(worker_client, content):
    first = worker_client.get("/sw.js")
    again = worker_client.get("/sw.js", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    make_guidance("new-guidance")
    changed = worker_client.get("/sw.js", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


def test_service_worker_speaks_the_worker_language_and_carries_the_region_numbers(
    worker_client, content
):
    make_contact(
        "North Emergency Line",
        ContactKind.EMERGENCY,
        phones="+977 1 555 0999",
        scope=ContactScope.LOCAL,
        regions=[content["region"]],
    )
    choose_place(worker_client, region="north")
    english = sw_config(worker_client.get("/sw.js"))
    assert ".north." in english["cache"]
    assert "+977 1 555 0999" in english["emergencyHtml"]
    assert "Test Police 100" in english["emergencyHtml"]
    assert english["lang"] == "en"
    nepali = sw_config(worker_client.get("/sw.js", HTTP_ACCEPT_LANGUAGE="ne"))
    assert nepali["lang"] == "ne"
    assert nepali["cache"] != english["cache"]


def test_service_worker_cache_changes_when_the_worker_signs_in(client, worker, content):
    signed_out = sw_config(client.get("/sw.js"))
    client.force_login(worker)
    signed_in = sw_config(client.get("/sw.js"))
    assert signed_out["cache"].endswith(".out")
    assert signed_in["cache"].endswith(".in")
    # Signed out, only the start page is fetched to be saved: the others would answer with the
    # sign-in page, which the phone would download for nothing.
    assert signed_out["pages"] == ["/"]
    assert signed_in["pages"] == READING_PAGES + practice_pages()


def test_service_worker_saves_every_reading_page_signed_out_where_anyone_may_read_them(
    client, db, settings
):
    settings.SCREENING_ALLOW_ANONYMOUS = True
    config = sw_config(client.get("/sw.js"))
    assert config["pages"] == READING_PAGES + practice_pages()


# --- manifest, icons, CSP ---


def test_manifest_starts_on_the_start_page_with_our_own_icons(client, db):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == "Recognise & Refer"
    assert manifest["short_name"]
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_every_page_links_the_manifest_icon_and_worker(client, db):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest"' in html
    assert 'rel="apple-touch-icon"' in html
    assert 'data-worker="/sw.js"' in html


@pytest.mark.parametrize("directive", ["worker-src 'self'", "manifest-src 'self'"])
def test_csp_allows_our_own_worker_and_manifest(client, db, directive):
    assert directive in client.get("/")["Content-Security-Policy"]


# --- content version ---


def test_content_version_grows_on_every_save_and_delete_of_content(db):
    versions = [current_content_version()]
    region = make_region("cv-region")
    versions.append(current_content_version())
    guidance = make_guidance("cv-guidance")
    versions.append(current_content_version())
    guidance.title = "Changed"
    guidance.save()
    versions.append(current_content_version())
    contact = make_contact("CV Contact", regions=[region])
    versions.append(current_content_version())
    contact.delete()
    versions.append(current_content_version())
    assert versions == sorted(set(versions))
