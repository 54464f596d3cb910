"""Content translations shipped as files, one per language: translations/<lang>.json.

A file maps keys to translated text::

    {
      "format": "recognise-and-refer-translations",
      "language": "ne",
      "translations": {
        "section:hidden:title": "...",
        "indicator:hidden-venue:help": "...",
        "contact:Childline India:notes": "..."
      }
    }

A key is ``<prefix>:<name>:<field>``: the prefix and the field that names an item come from
``screening/content/reviews.py`` (``section``, ``indicator`` and ``guidance`` by slug, ``region`` by
code, ``contact`` by English name). Loading writes each text into ``<field>_<lang>`` and marks
that translation "drafted" until a native speaker checks it. It never blanks a field: an empty
text is skipped. Text identical to what is stored changes nothing, so a review survives reloading.
"""

import json
from collections import Counter
from pathlib import Path
from typing import Any

from django.db import transaction

from screening.content import reviews

FORMAT = "recognise-and-refer-translations"
DIRECTORY = Path(__file__).resolve().parent / "translations"
MAX_TEXT = 10_000
CHANGE_REASON = "Loaded from a translation file"


class TranslationFileError(Exception):
    """A translation file that cannot be loaded; ``messages`` names every problem."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


def parse_key(key: str) -> tuple[str, str, str]:
    """Split '<prefix>:<name>:<field>'; the name may itself contain colons."""
    prefix, _, rest = key.partition(":")
    name, _, field = rest.rpartition(":")
    return prefix, name, field


def check_file(data: Any, *, language: str) -> dict[str, str]:
    """Check a parsed file for one language; return its non-empty translations by key."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TranslationFileError([f"not a translation file (expected format '{FORMAT}')"])
    if data.get("language") != language:
        raise TranslationFileError([f"language: expected '{language}'"])
    if language not in reviews.TRANSLATION_LANGUAGES:
        raise TranslationFileError([f"'{language}' is not a language that takes translations"])
    entries = data.get("translations")
    if not isinstance(entries, dict):
        raise TranslationFileError(["translations: expected an object of key: text"])
    problems = []
    clean = {}
    for key, text in entries.items():
        prefix, name, field = parse_key(key)
        entry = reviews.REGISTRY.get(prefix)
        if entry is None:
            problems.append(f"{key}: unknown kind '{prefix}'")
        elif field not in entry.fields or not name:
            problems.append(f"{key}: expected {prefix}:<name>:{'|'.join(entry.fields)}")
        elif not isinstance(text, str) or len(text) > MAX_TEXT:
            problems.append(f"{key}: expected text of at most {MAX_TEXT} characters")
        elif text.strip():
            clean[key] = text
    if problems:
        raise TranslationFileError(problems)
    return clean


def read_file(language: str, directory: Path = DIRECTORY) -> dict[str, str]:
    path = directory / f"{language}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TranslationFileError([f"{path.name}: {exc}"]) from exc
    return check_file(data, language=language)


def apply_translations(entries: dict[str, str], *, language: str) -> Counter:
    """Write checked translations into the content, in one transaction; count what happened.

    Counts: ``written`` (fields changed), ``unchanged``, ``missing`` (no such item here).
    """
    summary: Counter = Counter()
    by_item: dict[tuple[str, str], dict[str, str]] = {}
    for key, text in entries.items():
        prefix, name, field = parse_key(key)
        by_item.setdefault((prefix, name), {})[field] = text
    with transaction.atomic():
        for (prefix, name), texts in by_item.items():
            entry = reviews.REGISTRY[prefix]
            obj = entry.model._default_manager.filter(**{entry.lookup: name}).first()
            if obj is None:
                summary["missing"] += len(texts)
                continue
            changed = []
            for field, text in texts.items():
                column = f"{field}_{language}"
                if getattr(obj, column) == text:
                    summary["unchanged"] += 1
                    continue
                setattr(obj, column, text)
                changed.append(column)
            if changed:
                obj._change_reason = CHANGE_REASON
                obj.save()
                reviews.record_edit(obj, changed=changed)
                summary["written"] += len(changed)
    return summary


def load_all(directory: Path = DIRECTORY) -> dict[str, Counter]:
    """Check every language's file first, then load them all; nothing is written on a problem."""
    checked = {}
    problems = []
    for language in reviews.TRANSLATION_LANGUAGES:
        try:
            checked[language] = read_file(language, directory)
        except TranslationFileError as exc:
            problems += [f"{language}: {message}" for message in exc.messages]
    if problems:
        raise TranslationFileError(problems)
    with transaction.atomic():
        return {
            lang: apply_translations(entries, language=lang) for lang, entries in checked.items()
        }
