"""Review status of content translations, the translation files, and the worker's language."""

import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from screening.accounts import roles
from screening.content import reviews, translation_files
from screening.content import transfer as content_io
from screening.models import AccountPreference, Guidance, ReviewStatus, TranslationReview
from tests.conftest import make_guidance
from tests.content.test_history import edit

NOTE = "This translation has not yet been checked by a native speaker."
NEPALI_NOTE = "यो अनुवाद नेपाली मातृभाषीले अझै जाँचेका छैनन्।"
GUIDANCE = reverse("screening:guidance")


def review_of(obj, language: str) -> TranslationReview | None:
    return TranslationReview.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, language=language
    ).first()


def mark_reviewed(obj, language: str) -> None:
    TranslationReview.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        language=language,
        defaults={
            "status": ReviewStatus.REVIEWED,
            "reviewer": "Sita Sharma",
            "reviewed_on": datetime.date(2026, 11, 20),
        },
    )


@pytest.fixture
def refer(db) -> Guidance:
    Guidance.objects.update(active=False)
    item = make_guidance("refer-test", title="Refer the child")
    item.title_ne = "बालबालिकालाई सहयोगमा पठाउनुहोस्"
    item.save()
    return item


def nepali(client):
    client.cookies["django_language"] = "ne"
    return client


# The note the worker sees ------------------------------------------------------------------


def test_an_unreviewed_translation_shows_the_note(worker_client, refer):
    html = nepali(worker_client).get(GUIDANCE).content.decode()
    assert "बालबालिकालाई सहयोगमा पठाउनुहोस्" in html
    assert html.count(NEPALI_NOTE) == 1


def test_a_reviewed_translation_shows_no_note(worker_client, refer):
    mark_reviewed(refer, "ne")
    html = nepali(worker_client).get(GUIDANCE).content.decode()
    assert "बालबालिकालाई सहयोगमा पठाउनुहोस्" in html
    assert NEPALI_NOTE not in html


def test_one_unchecked_text_among_checked_ones_shows_the_note(worker_client, refer):
    other = make_guidance("other-test", title="Keep the child safe")
    other.title_ne = "बालबालिकालाई सुरक्षित राख्नुहोस्"
    other.save()
    mark_reviewed(refer, "ne")
    html = nepali(worker_client).get(GUIDANCE).content.decode()
    assert "बालबालिकालाई सुरक्षित राख्नुहोस्" in html
    assert html.count(NEPALI_NOTE) == 1
    mark_reviewed(other, "ne")
    assert NEPALI_NOTE not in nepali(worker_client).get(GUIDANCE).content.decode()


def test_english_and_untranslated_pages_show_no_note(worker_client, refer):
    assert NOTE not in worker_client.get(GUIDANCE).content.decode()
    worker_client.cookies["django_language"] = "th"
    # No Thai text exists: the worker reads the English, which needs no review.
    html = worker_client.get(GUIDANCE).content.decode()
    assert "Refer the child" in html
    assert "คำแปลนี้ยังไม่ได้รับการตรวจสอบจากเจ้าของภาษา" not in html


def test_the_note_follows_the_content_on_the_checklist_and_contacts(worker_client, content):
    venue = content["indicators"]["venue"]
    venue.text_ur = "ایک آزمائشی جگہ پر ملا"
    venue.save()
    worker_client.cookies["django_language"] = "ur"
    urdu_note = "اس ترجمے کو ابھی تک کسی اہلِ زبان نے نہیں جانچا۔"
    assert urdu_note in worker_client.get(reverse("screening:checklist")).content.decode()
    assert urdu_note not in worker_client.get(reverse("screening:contacts")).content.decode()
    mark_reviewed(venue, "ur")
    assert urdu_note not in worker_client.get(reverse("screening:checklist")).content.decode()


# English edits send translations back to review -------------------------------------------


def test_an_english_edit_in_the_admin_sends_reviewed_translations_back(
    editor_client, worker, refer
):
    mark_reviewed(refer, "ne")
    response = edit(editor_client, refer, title_en="Refer the child today")
    assert response.status_code == 302
    review = review_of(refer, "ne")
    assert review.status == ReviewStatus.NEEDS_REVIEW
    assert review.reviewer == "" and review.reviewed_on is None
    # Who reset it and when stays in the review's history.
    assert review.history.count() == 2
    reader = Client()
    reader.force_login(worker)
    assert NEPALI_NOTE in nepali(reader).get(GUIDANCE).content.decode()


def test_an_edit_that_leaves_the_english_alone_keeps_the_review(editor_client, refer):
    mark_reviewed(refer, "ne")
    edit(editor_client, refer, position="7")
    assert review_of(refer, "ne").status == ReviewStatus.REVIEWED


def test_a_translation_typed_in_the_admin_is_a_draft(editor_client, refer):
    mark_reviewed(refer, "ne")
    edit(editor_client, refer, title_hi="बच्चे को मदद के लिए भेजें", title_ne="नयाँ शब्द")
    assert review_of(refer, "hi").status == ReviewStatus.DRAFTED
    assert review_of(refer, "ne").status == ReviewStatus.DRAFTED


def test_an_english_change_by_import_sends_translations_back(refer):
    mark_reviewed(refer, "ne")
    data = content_io.export_content()
    item = next(g for g in data["guidance"] if g["slug"] == "refer-test")
    item["title"]["en"] = "Refer the child at once"
    item["reviews"] = {}
    content_io.import_content(data)
    assert review_of(refer, "ne").status == ReviewStatus.NEEDS_REVIEW


def test_editors_can_list_what_is_not_yet_checked(editor_client, refer):
    other = make_guidance("safety-test", title="Keep the child safe")
    other.title_ne = "बालबालिकालाई सुरक्षित राख्नुहोस्"
    other.save()
    mark_reviewed(other, "ne")
    url = reverse("admin:screening_guidance_changelist") + "?unchecked=ne"
    html = editor_client.get(url).content.decode()
    assert "Refer the child" in html
    assert "Keep the child safe" not in html
    assert list(reviews.unchecked(Guidance.objects.all(), language="ne")) == [refer]


def test_editors_may_record_a_review(editor_client, refer):
    assert Group.objects.get(name=roles.EDITORS).permissions.filter(
        codename__in=roles.REVIEW_PERMISSIONS
    ).count() == len(roles.REVIEW_PERMISSIONS)
    edit(editor_client, refer, title_ne="नयाँ शब्द")
    review = review_of(refer, "ne")
    listing = editor_client.get(reverse("admin:screening_translationreview_changelist"))
    assert "Refer the child" in listing.content.decode()
    response = editor_client.post(
        reverse("admin:screening_translationreview_changelist"),
        {"action": "mark_reviewed_by_me_today", "_selected_action": [review.pk]},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.REVIEWED and review.reviewer == "editor1"


# The content file carries the review status ----------------------------------------------


def test_review_status_survives_export_and_import(refer):
    mark_reviewed(refer, "ne")
    text = content_io.dumps(content_io.export_content())
    item = next(g for g in json.loads(text)["guidance"] if g["slug"] == "refer-test")
    assert item["reviews"] == {
        "ne": {"status": "reviewed", "reviewer": "Sita Sharma", "reviewed_on": "2026-11-20"}
    }
    TranslationReview.objects.all().delete()
    content_io.import_content(content_io.loads(text))
    review = review_of(refer, "ne")
    assert (review.status, review.reviewer, review.reviewed_on) == (
        ReviewStatus.REVIEWED,
        "Sita Sharma",
        datetime.date(2026, 11, 20),
    )


@pytest.mark.parametrize(
    "bad",
    [
        {"ne": {"status": "approved"}},
        {"ne": {"status": "reviewed", "reviewer": "", "reviewed_on": None}},
        {"en": {"status": "drafted"}},
        {"ne": {"status": "drafted", "extra": 1}},
        ["ne"],
    ],
)
def test_a_file_with_a_bad_review_is_refused_and_changes_nothing(refer, bad):
    data = content_io.export_content()
    next(g for g in data["guidance"] if g["slug"] == "refer-test")["reviews"] = bad
    with pytest.raises(content_io.ContentFileError):
        content_io.import_content(data)
    assert not TranslationReview.objects.exists()


def test_a_file_from_before_reviews_still_imports(refer):
    data = content_io.export_content()
    for kind in ("regions", "sections", "indicators", "guidance", "contacts"):
        for item in data[kind]:
            del item["reviews"]
    content_io.import_content(data)


# Translation files -------------------------------------------------------------------------


def translation_file(language: str, entries: dict) -> dict:
    return {"format": translation_files.FORMAT, "language": language, "translations": entries}


def test_the_shipped_translation_files_are_valid():
    for language in reviews.TRANSLATION_LANGUAGES:
        entries = translation_files.read_file(language)
        assert isinstance(entries, dict)


def test_loading_a_file_fills_the_language_and_marks_it_drafted(refer):
    entries = translation_files.check_file(
        translation_file("hi", {"guidance:refer-test:title": "बच्चे को मदद के लिए भेजें"}),
        language="hi",
    )
    summary = translation_files.apply_translations(entries, language="hi")
    refer.refresh_from_db()
    assert refer.title_hi == "बच्चे को मदद के लिए भेजें"
    assert summary["written"] == 1
    assert review_of(refer, "hi").status == ReviewStatus.DRAFTED
    assert refer.history.latest().history_change_reason == translation_files.CHANGE_REASON


def test_loading_the_same_text_again_keeps_a_review(refer):
    entries = {"guidance:refer-test:title": "बालबालिकालाई सहयोगमा पठाउनुहोस्"}
    mark_reviewed(refer, "ne")
    summary = translation_files.apply_translations(entries, language="ne")
    assert summary["unchanged"] == 1
    assert review_of(refer, "ne").status == ReviewStatus.REVIEWED


def test_every_registered_kind_of_key_loads(content):
    contact = content["contacts"]["helpline"]
    entries = {
        "region:north:name": "उत्तर प्रदेश",
        "section:hidden-test:title": "लुकेको",
        "section:hidden-test:intro": "किन गाह्रो छ।",
        "indicator:venue-test:text": "स्थलमा भेटियो",
        "indicator:venue-test:help": "उदाहरण",
        "indicator:venue-test:guidance": "के गर्ने",
        f"contact:{contact.name_en}:notes": "निःशुल्क",
        "guidance:nowhere:title": "छैन",
    }
    summary = translation_files.apply_translations(entries, language="ne")
    assert (summary["written"], summary["missing"]) == (7, 1)
    contact.refresh_from_db()
    assert contact.notes_ne == "निःशुल्क"
    assert review_of(contact, "ne").status == ReviewStatus.DRAFTED


@pytest.mark.parametrize(
    "entries",
    [
        {"stage:one:title": "x"},
        {"guidance:refer-test:source": "x"},
        {"guidance::title": "x"},
        {"guidance:refer-test:title": 5},
    ],
)
def test_a_bad_translation_file_is_refused_whole(refer, entries, tmp_path):
    good = translation_file("ne", {})
    for language in reviews.TRANSLATION_LANGUAGES:
        (tmp_path / f"{language}.json").write_text(json.dumps(good | {"language": language}))
    entries = {"guidance:refer-test:body": "राम्रो", **entries}
    (tmp_path / "ne.json").write_text(json.dumps(translation_file("ne", entries)))
    with pytest.raises(translation_files.TranslationFileError):
        translation_files.load_all(tmp_path)
    refer.refresh_from_db()
    assert refer.body_ne is None


def test_a_new_translated_model_joins_with_one_line():
    # Every kind the files, the admin filter and the note know comes from the registry.
    assert set(reviews.REGISTRY) == {
        "country",
        "region",
        "section",
        "indicator",
        "guidance",
        "contact",
        "step",
        "practice",
    }
    assert reviews.REGISTRY["indicator"].fields == ("text", "help", "guidance")


# The worker's language ---------------------------------------------------------------------


def test_the_browser_language_is_used_until_the_worker_chooses(client, db):
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert '<html lang="th"' in html
    client.post(reverse("set_language"), {"language": "bn", "next": "/"})
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert '<html lang="bn"' in html


def test_the_choice_is_kept_on_the_account_and_back_at_the_next_sign_in(client, worker, password):
    client.force_login(worker)
    response = client.post(reverse("set_language"), {"language": "ur", "next": "/"})
    assert response.status_code == 302
    assert AccountPreference.objects.get(user=worker).language == "ur"
    client.logout()
    client.cookies.clear()
    response = client.post(reverse("login"), {"username": worker.username, "password": password})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "ur"
    html = client.get(reverse("screening:start")).content.decode()
    assert '<html lang="ur" dir="rtl">' in html


def test_an_unknown_language_is_not_kept(client, worker):
    client.force_login(worker)
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert not AccountPreference.objects.filter(user=worker).exists()


def test_the_switcher_works_for_anonymous_visitors_without_an_account(client, db):
    response = client.post(reverse("set_language"), {"language": "ne", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "ne"
    assert not AccountPreference.objects.exists()


def test_the_load_translations_command_loads_and_reports(refer, tmp_path):
    from django.core.management import call_command

    for language in reviews.TRANSLATION_LANGUAGES:
        entries = (
            {"guidance:refer-test:body": "बच्चे को आज ही मदद के लिए भेजें"} if language == "hi" else {}
        )
        (tmp_path / f"{language}.json").write_text(
            json.dumps(translation_file(language, entries)), encoding="utf-8"
        )
    out = io.StringIO()
    call_command("load_translations", directory=tmp_path, stdout=out)
    assert "hi: 1 written, 0 unchanged, 0 for items not found here" in out.getvalue()
    refer.refresh_from_db()
    assert refer.body_hi == "बच्चे को आज ही मदद के लिए भेजें"


def test_the_load_translations_command_refuses_a_bad_file(refer, tmp_path):
    from django.core.management import CommandError, call_command

    for language in reviews.TRANSLATION_LANGUAGES:
        (tmp_path / f"{language}.json").write_text(json.dumps(translation_file(language, {})))
    (tmp_path / "th.json").write_text("{not json")
    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load_translations", directory=tmp_path, stdout=io.StringIO())
