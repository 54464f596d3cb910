"""Content in the worker's language, falling back to English where a translation is missing."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.conftest import make_guidance

NEPALI_VENUE = "परीक्षण स्थानमा भेटियो"


@pytest.fixture(autouse=True)
def english_afterwards():
    # A request in Nepali leaves Nepali active in this thread; the make_* helpers would then
    # write the next test's content into the Nepali fields.
    yield
    translation.activate("en")


@pytest.fixture
def nepali(content):
    venue = content["indicators"]["venue"]
    venue.text_ne = NEPALI_VENUE
    venue.help_ne = "नेपाली सहयोग पाठ"
    venue.save()
    hidden = content["sections"][0]
    hidden.title_ne = "लुकेको परीक्षण खण्ड"
    hidden.save()
    return content


def in_nepali(client):
    client.cookies["django_language"] = "ne"
    return client


def test_it_shows_indicator_text_in_the_language_the_worker_chose(worker_client, nepali):
    html = in_nepali(worker_client).get(reverse("screening:checklist")).content.decode()
    assert NEPALI_VENUE in html
    assert "Met at a test venue" not in html
    assert "लुकेको परीक्षण खण्ड" in html


def test_it_falls_back_to_english_where_a_translation_is_missing(worker_client, nepali):
    html = in_nepali(worker_client).get(reverse("screening:checklist")).content.decode()
    # No Nepali was written for these: the worker reads the English.
    assert "Does not know the address" in html
    assert "Has no identity document" in html
    assert "Age test section" in html


def test_it_shows_english_to_a_worker_who_chose_english(worker_client, nepali):
    html = worker_client.get(reverse("screening:checklist")).content.decode()
    assert "Met at a test venue" in html
    assert NEPALI_VENUE not in html


def test_it_follows_the_language_switch(worker_client, nepali):
    response = worker_client.post(
        reverse("set_language"), {"language": "ne", "next": reverse("screening:checklist")}
    )
    assert response.status_code == 302
    html = worker_client.get(reverse("screening:checklist")).content.decode()
    assert NEPALI_VENUE in html


def test_it_translates_guidance_and_contact_notes(worker_client, content):
    refer = make_guidance("refer-test", title="Refer the child")
    refer.title_ne = "बालबालिकालाई पठाउनुहोस्"
    refer.save()
    make_guidance("safety-test", title="Keep the child safe")
    helpline = content["contacts"]["helpline"]
    helpline.notes_en = "Free to call."
    helpline.notes_ne = "निःशुल्क फोन।"
    helpline.save()
    in_nepali(worker_client)
    guidance = worker_client.get(reverse("screening:guidance")).content.decode()
    assert "बालबालिकालाई पठाउनुहोस्" in guidance
    assert "Keep the child safe" in guidance
    contacts = worker_client.get(reverse("screening:contacts")).content.decode()
    assert "निःशुल्क फोन।" in contacts
    assert "Free to call." not in contacts


def test_it_treats_an_empty_translation_as_missing(content):
    venue = content["indicators"]["venue"]
    venue.text_th = ""
    venue.save()
    with translation.override("th"):
        assert venue.text == "Met at a test venue"
    with translation.override("ne"):
        venue.text_ne = NEPALI_VENUE
        assert venue.text == NEPALI_VENUE


def test_it_lets_editors_give_each_language_in_the_admin(editor_client, content):
    venue = content["indicators"]["venue"]
    html = editor_client.get(
        reverse("admin:screening_indicator_change", args=[venue.pk])
    ).content.decode()
    for lang in ("en", "bn", "hi", "ne", "th"):
        assert f'name="text_{lang}"' in html
        assert f'name="help_{lang}"' in html
