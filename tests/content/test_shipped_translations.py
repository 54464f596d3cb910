"""The content translations shipped with the app cover every shipped content text."""

import pytest

from screening.content import reviews, translation_files


def shipped_english_texts() -> dict[str, str]:
    """Every non-empty English text of the active shipped content, by translation-file key."""
    texts = {}
    for entry in reviews.REGISTRY.values():
        rows = entry.model.objects.all()
        if hasattr(entry.model, "active"):
            rows = rows.filter(active=True)
        for row in rows:
            name = getattr(row, entry.lookup)
            for field in entry.fields:
                english = getattr(row, f"{field}_en") or ""
                if english.strip():
                    texts[f"{entry.prefix}:{name}:{field}"] = english
    return texts


@pytest.mark.parametrize("language", reviews.TRANSLATION_LANGUAGES)
def test_every_shipped_text_has_a_translation_in_each_language(db, language):
    english = shipped_english_texts()
    assert len(english) > 250  # sections, indicators, guidance, steps, contacts, regions
    shipped = translation_files.read_file(language)
    missing = sorted(set(english) - set(shipped))
    assert missing == [], f"{language}: {len(missing)} texts without a translation"


@pytest.mark.parametrize("language", reviews.TRANSLATION_LANGUAGES)
def test_shipped_translations_keep_every_number_and_address(db, language):
    # A phone number or a web address is a fact a worker acts on: a translation keeps it exactly.
    import re

    english = shipped_english_texts()
    shipped = translation_files.read_file(language)
    for key, text in english.items():
        for fact in re.findall(r"https?://\S+|\+?\d[\d -]{2,}\d", text):
            assert fact.strip(".,;)") in shipped[key], f"{language} {key}: {fact}"


@pytest.mark.parametrize("language", reviews.TRANSLATION_LANGUAGES)
def test_every_shipped_translation_fits_its_column(db, language):
    # PostgreSQL refuses a text longer than its column and load_translations, one transaction,
    # then loads nothing (issue 24); SQLite does not enforce the length, so check it here.
    too_long = []
    for key, text in translation_files.read_file(language).items():
        prefix, _name, field = translation_files.parse_key(key)
        model = reviews.REGISTRY[prefix].model
        limit = model._meta.get_field(f"{field}_{language}").max_length
        if limit is not None and len(text) > limit:
            too_long.append((key, len(text), limit))
    assert too_long == []
