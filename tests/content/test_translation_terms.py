"""Safety-critical terms in the shipped translations: reviewed slips stay out, the fixes stay in.

A reviewer found wording that blames the child or misstates the law: Urdu called trafficking
"smuggling" (انسانی اسمگلنگ; smuggling implies the person agreed, and Pakistan has separate
trafficking and smuggling Acts, both of 2018) and prostitution "body-selling" (جسم فروشی);
Bengali used the stigmatising পতিতা- ("fallen woman"); "Do not confront" became "do not
quarrel / argue"; "no checklist can rule trafficking out" became "cannot deny / leave out /
reject trafficking"; Hindi said the child "chose" to go back; Thai told workers not to hand the
child back "to anyone". These tests read the interface catalogues (locale/<lang>/LC_MESSAGES)
and the content translation files (screening/content/translations/<lang>.json).
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from screening.content import reviews, translation_files

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ["bn", "hi", "ne", "th", "ur"]

# Urdu for trafficking in persons: "trade in human beings", glossed (ٹریفکنگ) where it first
# matters, as Punjab's Child Protection & Welfare Bureau writes «چائلڈ ٹریفکنگ».
URDU_TRAFFICKING = "انسانوں کی تجارت"

# Substrings that must appear in no translation, with the reason a reviewer gave.
NEVER = {
    "ur": {
        "اسمگل": "smuggling (اسمگلنگ): implies consent; trafficking is «انسانوں کی تجارت»",
        "سمگل": "smuggling, other spelling",
        "جسم فروش": "«body-selling» for prostitution: use «جنسی استحصال»",
        "الجھیں نہیں": "«do not quarrel» for «do not confront»",
        "نہ الجھیں": "«do not quarrel» for «do not confront»",
        "رد نہیں": "«cannot reject» for «cannot rule out»",
        "کو خارج نہیں": "«cannot expel» for «cannot rule out»",
    },
    "bn": {
        "পতিতা": "stigmatising «fallen woman» words: use «যৌন শোষণ»",
        "তর্কে যাবেন না": "«do not argue» for «do not confront»",
        "পাচার বাদ দি": "«cannot leave trafficking out» for «cannot rule it out»",
        "পাচার বাদ দেও": "«cannot leave trafficking out» for «cannot rule it out»",
    },
    "ne": {
        "झगडा": "«do not quarrel» for «do not confront»",
    },
    "hi": {
        "तस्करी से इनकार": "«cannot deny trafficking» for «cannot rule it out»",
        "रास्ता चुना": "«chose the way back»: the child chose nothing",
        "उलझें नहीं": "«do not get tangled up / quarrel» for «do not confront»",
    },
    "th": {
        "ตัดเรื่องการค้ามนุษย์ออก": "«cut trafficking out» for «rule out the possibility»",
        "คืนให้ใคร": "«hand back to anyone»: it is the people who brought or control the child",
    },
}

# For an English text that says X, the translation must say one of these.
CONFRONT = re.compile(r"\bconfront", re.I)
RULE_OUT = re.compile(r"\brules? trafficking out|\bruled out", re.I)
TRAFFICK = re.compile(r"traffick", re.I)
PROSTITUTION = re.compile(r"prostitution|brothel", re.I)

MUST = {
    "ur": [
        (TRAFFICK, [URDU_TRAFFICKING]),
        (PROSTITUTION, ["جنسی استحصال"]),
        (CONFRONT, ["سامنا نہ"]),
        (RULE_OUT, ["ثابت نہیں", "امکان"]),
    ],
    "bn": [
        (PROSTITUTION, ["যৌন শোষণ"]),
        (CONFRONT, ["মুখোমুখি হবেন না", "চ্যালেঞ্জ করবেন না"]),
        (RULE_OUT, ["প্রমাণ", "নিশ্চিত", "সম্ভাবনা"]),
    ],
    "ne": [
        (CONFRONT, ["चुनौती नदिनुहोस्", "भिडन्त नगर्नुहोस्", "नभिड्नुहोस्"]),
        (RULE_OUT, ["पक्का", "भन्न सकिँदैन"]),
    ],
    "hi": [
        (CONFRONT, ["सामना न"]),
        (RULE_OUT, ["साबित नहीं", "पक्का नहीं", "संभावना"]),
    ],
    "th": [
        (CONFRONT, ["เผชิญหน้า"]),
        (RULE_OUT, ["ความเป็นไปได้"]),
    ],
}


def catalogue(language: str) -> Path:
    return ROOT / "locale" / language / "LC_MESSAGES" / "django.po"


def po_pairs(language: str) -> list[tuple[str, str, str]]:
    """(where, English, translation) for every message of the catalogue."""
    pairs = []
    for entry in polib.pofile(str(catalogue(language))):
        if entry.obsolete or not entry.msgid:
            continue
        english = f"{entry.msgid} {entry.msgid_plural}".strip()
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            pairs.append((f"po: {entry.msgid[:60]}", english, text))
    return pairs


def shipped_english() -> dict[str, str]:
    """Every non-empty English text of the shipped content, by translation-file key."""
    texts = {}
    for entry in reviews.REGISTRY.values():
        for row in entry.model.objects.all():
            name = getattr(row, entry.lookup)
            for field in entry.fields:
                english = getattr(row, f"{field}_en") or ""
                if english.strip():
                    texts[f"{entry.prefix}:{name}:{field}"] = english
    return texts


def content_pairs(language: str) -> list[tuple[str, str, str]]:
    """(where, English, translation) for every text of the content file, English from the db."""
    english = shipped_english()
    return [
        (f"json: {key}", english.get(key, key), text)
        for key, text in translation_files.read_file(language).items()
    ]


def forbidden_in(language: str, pairs) -> list[tuple[str, str]]:
    return [
        (where, reason)
        for where, english, text in pairs
        for term, reason in NEVER[language].items()
        if term in text and not re.search(r"smuggl", english, re.I)
    ]


def missing_in(language: str, pairs) -> list[tuple[str, str]]:
    return [
        (where, " | ".join(wanted))
        for where, english, text in pairs
        for pattern, wanted in MUST[language]
        if pattern.search(english) and not any(term in text for term in wanted)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_catalogue_message_uses_a_term_the_reviewers_ruled_out(language):
    assert forbidden_in(language, po_pairs(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_content_text_uses_a_term_the_reviewers_ruled_out(db, language):
    assert forbidden_in(language, content_pairs(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_messages_keep_the_reviewed_terms(language):
    assert missing_in(language, po_pairs(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_content_texts_keep_the_reviewed_terms(db, language):
    pairs = content_pairs(language)
    assert len(pairs) > 250
    assert missing_in(language, pairs) == []


def test_urdu_names_trafficking_in_every_interface_string_that_mentions_it():
    po = polib.pofile(str(catalogue("ur")))
    about_trafficking = [e for e in po if TRAFFICK.search(e.msgid)]
    assert len(about_trafficking) >= 9
    assert [e.msgid for e in about_trafficking if URDU_TRAFFICKING not in e.msgstr] == []
    hotline = po.find("Anti-trafficking hotline or police unit")
    assert hotline.msgstr.startswith(f"{URDU_TRAFFICKING} (ٹریفکنگ)")


def test_the_blame_free_wording_examples_carry_no_agency():
    # The sentence that models blame-free wording must itself be blame-free.
    urdu = translation_files.read_file("ur")["guidance:no-consent:body"]
    bengali = translation_files.read_file("bn")["guidance:no-consent:body"]
    assert "'بچوں کا تجارتی جنسی استحصال'" in urdu
    assert "'শিশুদের বাণিজ্যিক যৌন শোষণ'" in bengali


def test_the_hindi_no_consent_sentence_gives_the_child_no_choice():
    body = translation_files.read_file("hi")["guidance:no-consent:body"]
    it_does_not_matter = body.split("\n\n")[1]
    assert "चुन" not in it_does_not_matter  # चुनना: to choose
    assert "वापस चला गया" in it_does_not_matter  # went back


def test_thai_says_whom_not_to_hand_the_child_back_to():
    title = translation_files.read_file("th")["step:do-not-hand-back:title"]
    assert "ให้ใคร" not in title
    assert "คนที่พาเด็กมา" in title  # the people who brought the child


@pytest.mark.parametrize("language", ["bn", "ne"])
def test_do_not_confront_on_the_start_page_means_do_not_challenge(language):
    po = polib.pofile(str(catalogue(language)))
    entry = po.find(
        "Do this before anything else. Do not confront anyone you think is exploiting the child."
    )
    wanted = {"bn": "মুখোমুখি হবেন না", "ne": "चुनौती नदिनुहोस्"}[language]
    assert wanted in entry.msgstr
