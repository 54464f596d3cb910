"""The content file's format, and reading one with guards against size, encoding, duplicate
keys and deep nesting. Checking what it holds is validation.py's.
"""

import json
import re
from collections import Counter
from typing import Any

from django.conf import settings
from django.db import models

from screening.models import (
    Country,
    Guidance,
    Indicator,
    PracticeCase,
    Region,
    Section,
    SupportContact,
)

FORMAT = "recognise-and-refer-content"
# 2: countries, a region's country by code, how each contact was checked (no 'example').
VERSION = 2
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TEXT = 10_000
MAX_ERRORS = 50
MAX_ITEMS = {
    "countries": 100,
    "regions": 500,
    "sections": 100,
    "indicators": 1000,
    "guidance": 200,
    "contacts": 1000,
    "practice": 100,
}
MAX_POSITION = 32767

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# Control characters other than tab and line breaks have no place in content (and PostgreSQL
# refuses NUL in text).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Per kind: the translated fields (each a {language: text} object) and the plain fields.
TRANSLATED = {
    "countries": ("name",),
    "regions": ("name",),
    "sections": ("title", "intro"),
    "indicators": ("text", "help", "guidance"),
    "guidance": ("title", "body"),
    "contacts": ("name", "hours", "notes"),
    "practice": ("title", "story", "notes"),
}
PLAIN = {
    "countries": ("code", "position", "active"),
    "regions": ("code", "country", "position", "active"),
    "sections": ("slug", "source", "position", "active"),
    "indicators": ("slug", "section", "source", "core", "position", "active"),
    "guidance": ("slug", "source", "position", "on_result", "active"),
    "contacts": (
        "kind",
        "scope",
        "phones",
        "email",
        "website",
        "open_24_7",
        "languages",
        "country",
        "regions",
        "verification",
        "last_verified",
        "verified_by",
        "recheck_due",
        "source",
        "editor_notes",
        "position",
        "active",
    ),
    "practice": (
        "slug",
        "setting",
        "age_band",
        "in_danger",
        "signs",
        "source",
        "position",
        "active",
    ),
}
MODELS: dict[str, type[models.Model]] = {
    "countries": Country,
    "regions": Region,
    "sections": Section,
    "indicators": Indicator,
    "guidance": Guidance,
    "contacts": SupportContact,
    "practice": PracticeCase,
}
KINDS = tuple(MODELS)
# Kinds a file may leave out (files written before they existed): what it leaves out stays as
# it is, rather than being retired.
OPTIONAL_KINDS = ("practice",)
TOP_LEVEL_KEYS = {"format", "version", "exported_at", *KINDS}


class ContentFileError(Exception):
    """A content file that cannot be imported; ``messages`` names every problem found."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


# --- reading a file -----------------------------------------------------------------------


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    counts = Counter(key for key, _value in pairs)
    duplicates = sorted(key for key, count in counts.items() if count > 1)
    if duplicates:
        raise ContentFileError([f"the file repeats the key '{duplicates[0]}' in one object"])
    return dict(pairs)


def _refuse_constant(name: str) -> Any:
    raise ContentFileError([f"the file contains {name}, which is not valid JSON"])


def loads(raw: bytes | str) -> Any:
    """Parse a content file, refusing oversized, non-UTF-8, malformed or hostile JSON."""
    if len(raw) > MAX_FILE_BYTES:
        raise ContentFileError(
            [f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; is it a content file?"]
        )
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ContentFileError(["the file is not UTF-8 text; export it again"]) from exc
    if not raw.strip():
        raise ContentFileError(["the file is empty"])
    try:
        return json.loads(
            raw, object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        raise ContentFileError(
            [
                f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                "it may be cut short or edited by hand"
            ]
        ) from exc
    except ValueError as exc:
        # Python refuses to read an integer of more than 4,300 digits (and similar limits).
        raise ContentFileError(
            ["the file holds a value too large to read (a number with thousands of digits?)"]
        ) from exc
    except RecursionError as exc:
        raise ContentFileError(["the file is nested too deeply to be a content file"]) from exc
