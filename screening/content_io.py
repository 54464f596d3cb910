"""Move the whole content set between deployments as one versioned JSON file.

The file holds regions, sections, indicators, guidance and support contacts with every
language's wording. Items are matched by their fixed code: regions by ``code``; sections,
indicators and guidance by ``slug``; support contacts, which have no code, by their English
name and kind.

Import checks the whole file before it writes anything, then writes in one transaction:
items in the file are updated or created; content in the database that the file does not
mention is made inactive, never deleted, because past records may point at it. Indicator
wording goes through ``Indicator.save()``, so a changed English text becomes a new version.
"""

import datetime
import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator, validate_slug
from django.db import DatabaseError, models, transaction
from django.utils import timezone

from screening.choices import ContactKind, ContactScope
from screening.models import (
    Guidance,
    Indicator,
    Region,
    Section,
    SupportContact,
    phone_validator,
)

FORMAT = "recognise-and-refer-content"
VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TEXT = 10_000
MAX_ERRORS = 50
MAX_ITEMS = {"regions": 500, "sections": 100, "indicators": 1000, "guidance": 200, "contacts": 1000}
MAX_POSITION = 32767
CHANGE_REASON = "Imported from a content file"

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# Control characters other than tab and line breaks have no place in content (and PostgreSQL
# refuses NUL in text).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Per kind: the translated fields (each a {language: text} object) and the plain fields.
TRANSLATED = {
    "regions": ("name",),
    "sections": ("title", "intro"),
    "indicators": ("text", "help", "guidance"),
    "guidance": ("title", "body"),
    "contacts": ("name", "hours", "notes"),
}
PLAIN = {
    "regions": ("code", "country", "position", "active"),
    "sections": ("slug", "source", "position", "active"),
    "indicators": ("slug", "section", "source", "position", "active"),
    "guidance": ("slug", "source", "position", "on_result", "active"),
    "contacts": (
        "kind",
        "scope",
        "phones",
        "email",
        "website",
        "open_24_7",
        "languages",
        "regions",
        "is_example",
        "last_verified",
        "position",
        "active",
    ),
}
MODELS: dict[str, type[models.Model]] = {
    "regions": Region,
    "sections": Section,
    "indicators": Indicator,
    "guidance": Guidance,
    "contacts": SupportContact,
}
KINDS = tuple(MODELS)
TOP_LEVEL_KEYS = {"format", "version", "exported_at", *KINDS}


class ContentFileError(Exception):
    """A content file that cannot be imported; ``messages`` names every problem found."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


# --- export -------------------------------------------------------------------------------


def _translations(obj: models.Model, field: str) -> dict[str, str]:
    values = {}
    for lang in LANGUAGES:
        value = getattr(obj, f"{field}_{lang}")
        if value not in (None, ""):
            values[lang] = value
    return values


def _export_item(kind: str, obj: models.Model) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for field in PLAIN[kind]:
        if kind == "indicators" and field == "section":
            item[field] = obj.section.slug
        elif kind == "contacts" and field == "regions":
            item[field] = sorted(region.code for region in obj.regions.all())
        elif kind == "contacts" and field == "phones":
            item[field] = obj.phone_list
        elif kind == "contacts" and field == "last_verified":
            item[field] = obj.last_verified.isoformat() if obj.last_verified else None
        else:
            item[field] = getattr(obj, field)
    for field in TRANSLATED[kind]:
        item[field] = _translations(obj, field)
    return item


def export_content() -> dict[str, Any]:
    """Return every region, section, indicator, guidance and contact as one versioned dict."""
    querysets = {
        "regions": Region.objects.order_by("position", "code"),
        "sections": Section.objects.order_by("position", "slug"),
        "indicators": Indicator.objects.select_related("section").order_by(
            "section__position", "section__slug", "position", "slug"
        ),
        "guidance": Guidance.objects.order_by("position", "slug"),
        "contacts": SupportContact.objects.prefetch_related("regions").order_by(
            "kind", "position", "name_en", "pk"
        ),
    }
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().replace(microsecond=0).isoformat(),
    }
    for kind, queryset in querysets.items():
        data[kind] = [_export_item(kind, obj) for obj in queryset]
    return data


def dumps(data: dict[str, Any]) -> str:
    """Serialise an export as readable UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
    except RecursionError as exc:
        raise ContentFileError(["the file is nested too deeply to be a content file"]) from exc


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


def _required(kind: str, field: str) -> bool:
    return not MODELS[kind]._meta.get_field(field).blank


def _check_item(check: _Checker, kind: str, where: str, item: Any) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        check.error(where, f"expected an object, got {_type_name(item)}")
        return None
    expected = set(PLAIN[kind]) | set(TRANSLATED[kind])
    for key in sorted(set(item) - expected):
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
            required=_required(kind, field),
        )
    for field in PLAIN[kind]:
        value, at = item[field], f"{where}.{field}"
        if field in ("code", "slug"):
            clean[field] = check.slug(at, value, max_length=_max_length(kind, field))
        elif field == "section":
            clean[field] = check.slug(at, value, max_length=_max_length("sections", "slug"))
        elif field in ("active", "on_result", "open_24_7", "is_example"):
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
        elif field == "last_verified":
            clean[field] = _check_date(check, at, value)
        else:
            clean[field] = check.string(
                at, value, max_length=_max_length(kind, field), required=_required(kind, field)
            )
    if kind == "contacts" and all(
        clean[field] in ([], "") for field in ("phones", "email", "website")
    ):
        check.error(where, "give at least a phone number, an email or a website")
    if any(value is None for field, value in clean.items() if field != "last_verified"):
        return None
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
            phone_validator(phone.strip())
        except ValidationError:
            check.error(
                f"{where}[{index}]",
                f"'{_short(phone)}' is not a phone number (digits, spaces, brackets, dashes, "
                "an optional + at the start)",
            )
            continue
        phones.append(phone.strip())
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


def _check_codes(check: _Checker, where: str, value: Any) -> list[str] | None:
    if not isinstance(value, list):
        check.error(where, f"expected a list of region codes, got {_type_name(value)}")
        return None
    codes = [
        check.slug(f"{where}[{index}]", code, max_length=_max_length("regions", "code"))
        for index, code in enumerate(value)
    ]
    if any(code is None for code in codes):
        return None
    if len(set(codes)) != len(codes):
        check.error(where, "lists a region twice")
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


def _key(kind: str, item: dict[str, Any]) -> str | tuple[str, str]:
    if kind == "regions":
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
            key = _key(kind, result)
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
        region_codes = {item["code"] for item in clean["regions"]}
        for index, item in enumerate(clean["contacts"]):
            for code in item["regions"]:
                if code not in region_codes:
                    check.error(f"contacts[{index}].regions", f"unknown region '{_short(code)}'")
    if check.errors:
        extra = len(check.errors) - MAX_ERRORS
        messages = check.errors[:MAX_ERRORS]
        if extra > 0:
            messages.append(f"… and {extra} more problems")
        raise ContentFileError(messages)
    return clean


# --- writing ------------------------------------------------------------------------------


def _assign(obj: models.Model, kind: str, item: dict[str, Any]) -> bool:
    """Copy an item's fields onto obj; return whether anything changed."""
    changed = obj.pk is None
    values: dict[str, Any] = {}
    for field in TRANSLATED[kind]:
        required = _required(kind, field)
        for lang in LANGUAGES:
            text = item[field].get(lang)
            if text is None and (lang != DEFAULT_LANGUAGE or not required):
                # A missing translation is stored empty, so the worker falls back to English.
                text = "" if lang == DEFAULT_LANGUAGE else None
            values[f"{field}_{lang}"] = text
    for field in PLAIN[kind]:
        if field in ("section", "regions"):
            continue
        value = item[field]
        if field == "phones":
            value = "\n".join(value)
        values[field] = value
    for attname, value in values.items():
        if _blank_is_none(getattr(obj, attname)) != _blank_is_none(value):
            changed = True
        setattr(obj, attname, value)
    return changed


def _blank_is_none(value: Any) -> Any:
    return None if value == "" else value


def _save(obj: models.Model) -> None:
    obj._change_reason = CHANGE_REASON
    obj.save()


def _write(clean: dict[str, list[dict[str, Any]]]) -> dict[str, Counter]:
    summary: dict[str, Counter] = {kind: Counter() for kind in KINDS}

    def upsert(kind: str, existing: dict, extra: Callable[[models.Model, dict], bool]) -> dict:
        by_key = {}
        for item in clean[kind]:
            key = _key(kind, item)
            obj = existing.pop(key, None)
            created = obj is None
            if created:
                obj = MODELS[kind]()
            changed = _assign(obj, kind, item)
            changed = extra(obj, item) or changed
            if changed:
                _save(obj)
                summary[kind]["created" if created else "updated"] += 1
            else:
                summary[kind]["unchanged"] += 1
            by_key[key] = obj
        for obj in existing.values():
            if obj.active:
                obj.active = False
                _save(obj)
                summary[kind]["deactivated"] += 1
        return by_key

    def no_extra(obj: models.Model, item: dict) -> bool:
        return False

    regions = upsert("regions", {r.code: r for r in Region.objects.all()}, no_extra)
    sections = upsert("sections", {s.slug: s for s in Section.objects.all()}, no_extra)

    def set_section(obj: models.Model, item: dict) -> bool:
        section = sections[item["section"]]
        changed = obj.section_id != section.pk
        obj.section = section
        return changed

    upsert("indicators", {i.slug: i for i in Indicator.objects.all()}, set_section)
    upsert("guidance", {g.slug: g for g in Guidance.objects.all()}, no_extra)

    existing_contacts: dict = {}
    for contact in SupportContact.objects.prefetch_related("regions").order_by("pk"):
        key = (contact.name_en, contact.kind)
        # Of two contacts with one name and kind, the first is matched; the other is retired.
        existing_contacts[key if key not in existing_contacts else (key, contact.pk)] = contact
    wanted_regions: dict[Any, list[Region]] = {}

    def note_regions(obj: models.Model, item: dict) -> bool:
        wanted = [regions[code] for code in item["regions"]]
        wanted_regions[_key("contacts", item)] = wanted
        if obj.pk is None:
            return bool(wanted)
        return {r.pk for r in obj.regions.all()} != {r.pk for r in wanted}

    contacts = upsert("contacts", existing_contacts, note_regions)
    for key, contact in contacts.items():
        wanted = {r.pk for r in wanted_regions[key]}
        if {r.pk for r in contact.regions.all()} != wanted:
            contact.regions.set(wanted_regions[key])
    return summary


def import_content(data: Any) -> dict[str, Counter]:
    """Validate a parsed content file completely, then write it in one transaction.

    Return per kind how many items were created, updated, unchanged and deactivated.
    Raise ContentFileError, with nothing written, when the file has any problem.
    """
    clean = validate_content(data)
    try:
        with transaction.atomic():
            return _write(clean)
    except (DatabaseError, ValidationError) as exc:
        raise ContentFileError([f"the database refused the content: {exc}"]) from exc


def summary_text(summary: dict[str, Counter]) -> str:
    """Describe an import's outcome in one line."""
    parts = []
    for kind, counts in summary.items():
        figures = ", ".join(
            f"{counts[what]} {what}"
            for what in ("created", "updated", "deactivated", "unchanged")
            if counts[what]
        )
        parts.append(f"{kind}: {figures or 'none'}")
    return "; ".join(parts)
