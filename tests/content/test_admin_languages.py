"""Editors write in every language: a sentence gets a text area as wide as a sentence, marked
with its language, right to left for Urdu."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from screening.models import Indicator, Region, SupportContact

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def widget(html: str, name: str) -> str:
    match = re.search(rf'<(textarea|input)\b[^>]*\bname="{name}"[^>]*>', html)
    assert match, f"no field {name}"
    return match.group(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translated_sentence_gets_a_text_area_in_its_language(editor_client, language):
    indicator = Indicator.objects.first()
    html = editor_client.get(
        reverse("admin:screening_indicator_change", args=[indicator.pk])
    ).content.decode()
    box = widget(html, f"text_{language}")
    assert box.startswith("<textarea")
    assert f'lang="{language}"' in box
    assert 'dir="rtl"' in box if language == "ur" else 'dir="ltr"' in box
    assert "translated-text" in box
    assert "screening/admin.css" in html


def test_a_contact_name_is_a_text_area_that_keeps_its_length_limit(editor_client):
    contact = SupportContact.objects.first()
    html = editor_client.get(
        reverse("admin:screening_supportcontact_change", args=[contact.pk])
    ).content.decode()
    box = widget(html, "name_km")
    assert box.startswith("<textarea")
    max_length = SupportContact._meta.get_field("name").max_length
    assert f'maxlength="{max_length}"' in box


def test_a_name_stays_one_wide_line_in_its_language(editor_client):
    region = Region.objects.first()
    html = editor_client.get(
        reverse("admin:screening_region_change", args=[region.pk])
    ).content.decode()
    box = widget(html, "name_ur")
    assert box.startswith("<input") and 'dir="rtl"' in box and 'lang="ur"' in box
    assert "translated-text" in box
