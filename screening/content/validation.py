"""Check an incoming content file completely before anything is written.

The format and the guarded reading of a file are in content_file.py.

A file is parsed with guards against size, encoding, duplicate keys and deep nesting, then
every item is checked against the format below: known keys, types, lengths, codes, choices,
phone numbers, addresses and dates, and references between items. Every problem is collected,
so an editor can fix a file in one go.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator, validate_slug

from screening.choices import AgeBand, ContactKind, ContactScope, Setting, Verification
from screening.content.content_file import (
    CONTROL_CHARS,
    DATE,
    DEFAULT_LANGUAGE,
    FORMAT,
    KINDS,
    LANGUAGES,
    MAX_ERRORS,
    MAX_ITEMS,
    MAX_POSITION,
    MAX_TEXT,
    MODELS,
    OPTIONAL_KINDS,
    PLAIN,
    TOP_LEVEL_KEYS,
    TRANSLATED,
    VERSION,
    ContentFileError,
)
from screening.models import (
    ReviewStatus,
    clean_phone_numbers,
)

# --- validation ---------------------------------------------------------------------------


class _Checker:
    """Collect every problem in a parsed file, each named by where it is."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def string(
        self, where: str, value: Any, *, max_length: int, required: bool = True
    ) -> str | None:
        if not isinstance(value, str):
            self.error(where, f"expected text, got {_type_name(value)}")
            return None
        if required and not value.strip():
            self.error(where, "must not be empty")
            return None
        if len(value) > max_length:
            self.error(where, f"is {len(value)} characters long; the limit is {max_length}")
            return None
        if CONTROL_CHARS.search(value):
            self.error(where, "contains control characters")
            return None
        return value

    def boolean(self, where: str, value: Any) -> bool | None:
        if not isinstance(value, bool):
            self.error(where, f"expected true or false, got {_type_name(value)}")
            return None
        return value

    def position(self, where: str, value: Any) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(where, f"expected a whole number, got {_type_name(value)}")
            return None
        if not 0 <= value <= MAX_POSITION:
            self.error(where, f"must be between 0 and {MAX_POSITION}")
            return None
        return value

    def slug(self, where: str, value: Any, *, max_length: int) -> str | None:
        value = self.string(where, value, max_length=max_length)
        if value is None:
            return None
        try:
            validate_slug(value)
        except ValidationError:
            self.error(where, f"'{_short(value)}' is not a code of letters, digits, - and _")
            return None
        return value

    def choice(self, where: str, value: Any, choices: list[str]) -> str | None:
        if value not in choices:
            self.error(where, f"'{_short(value)}' is not one of: {', '.join(sorted(choices))}")
            return None
        return value

    def translated(
        self, where: str, value: Any, *, max_length: int, required: bool
    ) -> dict[str, str] | None:
        if not isinstance(value, dict):
            self.error(where, f"expected an object of language: text, got {_type_name(value)}")
            return None
        result = {}
        for lang, text in value.items():
            if lang not in LANGUAGES:
                self.error(
                    f"{where}.{_short(lang)}",
                    f"unknown language; this deployment has {', '.join(LANGUAGES)}",
                )
                continue
            text = self.string(f"{where}.{lang}", text, max_length=max_length, required=False)
            if text:
                result[lang] = text
        if required and DEFAULT_LANGUAGE not in result:
            self.error(where, f"the '{DEFAULT_LANGUAGE}' text is missing")
            return None
        return result


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _short(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _max_length(kind: str, field: str) -> int:
    return MODELS[kind]._meta.get_field(field).max_length or MAX_TEXT


def is_required(kind: str, field: str) -> bool:
    """Say whether a field of this kind must have a value."""
    return not MODELS[kind]._meta.get_field(field).blank


def _check_item(check: _Checker, kind: str, where: str, item: Any) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        check.error(where, f"expected an object, got {_type_name(item)}")
        return None
    expected = set(PLAIN[kind]) | set(TRANSLATED[kind])
    for key in sorted(set(item) - expected - {"reviews"}):
        check.error(f"{where}.{_short(key)}", "unknown key")
    for key in sorted(expected - set(item)):
        check.error(f"{where}.{key}", "is missing")
    if not expected <= set(item):
        return None
    clean: dict[str, Any] = {}
    for field in TRANSLATED[kind]:
        clean[field] = check.translated(
            f"{where}.{field}",
            item[field],
            max_length=_max_length(kind, field),
            required=is_required(kind, field),
        )
    for field in PLAIN[kind]:
        value, at = item[field], f"{where}.{field}"
        if field in ("code", "slug"):
            clean[field] = check.slug(at, value, max_length=_max_length(kind, field))
        elif field == "section":
            clean[field] = check.slug(at, value, max_length=_max_length("sections", "slug"))
        elif kind == "regions" and field == "country":
            clean[field] = check.slug(at, value, max_length=_max_length("countries", "code"))
        elif kind == "contacts" and field == "country":
            clean[field] = (
                ""
                if value == ""
                else check.slug(at, value, max_length=_max_length("countries", "code"))
            )
        elif field == "verification":
            clean[field] = check.choice(at, value, Verification.values)
        elif field == "setting":
            clean[field] = check.choice(at, value, Setting.values)
        elif field == "age_band":
            clean[field] = check.choice(at, value, AgeBand.values)
        elif field == "signs":
            clean[field] = _check_codes(
                check, at, value, what="indicator", max_length=_max_length("indicators", "slug")
            )
        elif field in ("active", "on_result", "open_24_7", "core", "in_danger"):
            clean[field] = check.boolean(at, value)
        elif field == "position":
            clean[field] = check.position(at, value)
        elif field == "kind":
            clean[field] = check.choice(at, value, ContactKind.values)
        elif field == "scope":
            clean[field] = check.choice(at, value, ContactScope.values)
        elif field == "phones":
            clean[field] = _check_phones(check, at, value)
        elif field == "email":
            clean[field] = _check_validated(check, at, value, EmailValidator(), "email address")
        elif field == "website":
            clean[field] = _check_validated(
                check, at, value, URLValidator(schemes=["http", "https"]), "web address"
            )
        elif field == "regions":
            clean[field] = _check_codes(check, at, value)
        elif field in ("last_verified", "recheck_due"):
            clean[field] = _check_date(check, at, value)
        else:
            clean[field] = check.string(
                at, value, max_length=_max_length(kind, field), required=is_required(kind, field)
            )
    # Optional, so files written before translation reviews existed still import.
    clean["reviews"] = _check_reviews(check, f"{where}.reviews", item.get("reviews", {}))
    if kind == "contacts" and all(
        clean[field] in ([], "") for field in ("phones", "email", "website")
    ):
        check.error(where, "give at least a phone number, an email or a website")
    if (
        kind == "contacts"
        and clean.get("verification") not in (None, Verification.NOT_CHECKED)
        and clean.get("last_verified") is None
    ):
        check.error(where, "a checked contact needs the day it was checked (last_verified)")
    dates = ("last_verified", "recheck_due")
    if any(value is None for field, value in clean.items() if field not in dates):
        return None
    return clean


def _check_reviews(check: _Checker, where: str, value: Any) -> dict[str, dict] | None:
    """Check {language: {status, reviewer, reviewed_on}}, the review of each translation."""
    if not isinstance(value, dict):
        check.error(where, f"expected an object of language: review, got {_type_name(value)}")
        return None
    clean: dict[str, dict] = {}
    for lang, review in value.items():
        at = f"{where}.{_short(lang)}"
        if lang not in LANGUAGES or lang == DEFAULT_LANGUAGE:
            check.error(at, "not a language that has translations here")
            continue
        if not isinstance(review, dict) or set(review) - {"status", "reviewer", "reviewed_on"}:
            check.error(at, "expected an object with status, reviewer and reviewed_on")
            continue
        status = check.choice(f"{at}.status", review.get("status"), ReviewStatus.values)
        reviewer = check.string(
            f"{at}.reviewer", review.get("reviewer") or "", max_length=150, required=False
        )
        day = _check_date(check, f"{at}.reviewed_on", review.get("reviewed_on"))
        if status is None or reviewer is None:
            continue
        if status == ReviewStatus.REVIEWED and not (reviewer and day):
            check.error(at, "a checked translation needs the reviewer's name and the day")
            continue
        clean[lang] = {"status": status, "reviewer": reviewer, "reviewed_on": day}
    return clean


def _check_phones(check: _Checker, where: str, value: Any) -> list[str] | None:
    if not isinstance(value, list):
        check.error(where, f"expected a list of phone numbers, got {_type_name(value)}")
        return None
    phones = []
    for index, phone in enumerate(value):
        phone = check.string(f"{where}[{index}]", phone, max_length=40)
        if phone is None:
            continue
        try:
            phones += clean_phone_numbers([phone])
        except ValidationError:
            check.error(
                f"{where}[{index}]",
                f"'{_short(phone)}' is not a phone number (digits, spaces, brackets, dashes, "
                "an optional + at the start)",
            )
    return phones if len(phones) == len(value) else None


def _check_validated(
    check: _Checker, where: str, value: Any, validator: Callable, what: str
) -> str | None:
    value = check.string(
        where, value, max_length=254 if what.startswith("email") else 200, required=False
    )
    if value is None or value == "":
        return value
    try:
        validator(value)
    except ValidationError:
        check.error(where, f"'{_short(value)}' is not a valid {what}")
        return None
    return value


def _check_codes(
    check: _Checker, where: str, value: Any, *, what: str = "region", max_length: int = 0
) -> list[str] | None:
    if not isinstance(value, list):
        check.error(where, f"expected a list of {what} codes, got {_type_name(value)}")
        return None
    codes = [
        check.slug(
            f"{where}[{index}]", code, max_length=max_length or _max_length("regions", "code")
        )
        for index, code in enumerate(value)
    ]
    if any(code is None for code in codes):
        return None
    if len(set(codes)) != len(codes):
        check.error(where, f"lists a {what} twice")
        return None
    return codes


def _check_date(check: _Checker, where: str, value: Any) -> datetime.date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not DATE.match(value):
        check.error(where, "expected a date as YYYY-MM-DD, or null")
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        check.error(where, f"'{value}' is not a real date")
        return None


def item_key(kind: str, item: dict[str, Any]) -> str | tuple[str, str]:
    """Return the fixed code that matches an item to the same item in another deployment."""
    if kind in ("countries", "regions"):
        return item["code"]
    if kind == "contacts":
        return (item["name"][DEFAULT_LANGUAGE], item["kind"])
    return item["slug"]


def validate_content(data: Any) -> dict[str, list[dict[str, Any]]]:
    """Check a parsed content file completely and return clean items, or raise ContentFileError."""
    check = _Checker()
    if not isinstance(data, dict):
        raise ContentFileError([f"expected a JSON object at the top, got {_type_name(data)}"])
    if data.get("format") != FORMAT:
        raise ContentFileError([f"format: this is not a content file (expected '{FORMAT}')"])
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ContentFileError(["version: missing or not a number"])
    if version != VERSION:
        raise ContentFileError(
            [f"version: the file is version {version}; this deployment reads version {VERSION}"]
        )
    for key in sorted(set(data) - TOP_LEVEL_KEYS, key=str):
        check.error(_short(key), "unknown key")
    if "exported_at" in data:
        check.string("exported_at", data["exported_at"], max_length=40)

    clean: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS:
        items = data.get(kind)
        if items is None and kind in OPTIONAL_KINDS:
            continue  # left as it is
        if not isinstance(items, list):
            check.error(kind, "is missing" if items is None else "expected a list")
            continue
        if len(items) > MAX_ITEMS[kind]:
            check.error(kind, f"has {len(items)} items; the limit is {MAX_ITEMS[kind]}")
            continue
        clean[kind] = []
        seen: dict[Any, int] = {}
        for index, item in enumerate(items):
            where = f"{kind}[{index}]"
            result = _check_item(check, kind, where, item)
            if len(check.errors) >= MAX_ERRORS:
                break
            if result is None:
                continue
            key = item_key(kind, result)
            if key in seen:
                check.error(where, f"repeats {kind}[{seen[key]}] ({_short(key)})")
                continue
            seen[key] = index
            clean[kind].append(result)
        if len(check.errors) >= MAX_ERRORS:
            break

    if not check.errors:
        section_slugs = {item["slug"] for item in clean["sections"]}
        for index, item in enumerate(clean["indicators"]):
            if item["section"] not in section_slugs:
                check.error(
                    f"indicators[{index}].section", f"unknown section '{_short(item['section'])}'"
                )
        country_codes = {item["code"] for item in clean["countries"]}
        for index, item in enumerate(clean["regions"]):
            if item["country"] not in country_codes:
                check.error(
                    f"regions[{index}].country", f"unknown country '{_short(item['country'])}'"
                )
        region_codes = {item["code"] for item in clean["regions"]}
        for index, item in enumerate(clean["contacts"]):
            if item["country"] and item["country"] not in country_codes:
                check.error(
                    f"contacts[{index}].country", f"unknown country '{_short(item['country'])}'"
                )
            for code in item["regions"]:
                if code not in region_codes:
                    check.error(f"contacts[{index}].regions", f"unknown region '{_short(code)}'")
        indicator_slugs = {item["slug"] for item in clean["indicators"]}
        for index, item in enumerate(clean.get("practice", [])):
            for slug in item["signs"]:
                if slug not in indicator_slugs:
                    check.error(f"practice[{index}].signs", f"unknown indicator '{_short(slug)}'")
    if check.errors:
        extra = len(check.errors) - MAX_ERRORS
        messages = check.errors[:MAX_ERRORS]
        if extra > 0:
            messages.append(f"… and {extra} more problems")
        raise ContentFileError(messages)
    return clean
