"""Move the whole content set between deployments as one versioned JSON file.

The file holds countries, regions, sections, indicators, guidance and support contacts with
every language's wording. Items are matched by their fixed code: countries and regions by
``code``; sections,
indicators and guidance by ``slug``; support contacts, which have no code, by their English
name and kind.

Import checks the whole file (see content_validation) before it writes anything, then
writes in one transaction: items in the file are updated or created; content in the database
that the file does not mention is made inactive, never deleted, because past records may point
at it. Indicator wording goes through ``Indicator.save()``, so a changed English text becomes a
new version.
"""

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import timezone

from screening.content.content_file import (
    DEFAULT_LANGUAGE,
    FORMAT,
    KINDS,
    LANGUAGES,
    MAX_FILE_BYTES,
    MAX_ITEMS,
    MODELS,
    PLAIN,
    TRANSLATED,
    VERSION,
    ContentFileError,
    loads,
)
from screening.content.reviews import record_edit as review_edit
from screening.content.reviews import set_reviews
from screening.content.validation import is_required, item_key, validate_content
from screening.models import (
    Country,
    Guidance,
    Indicator,
    PracticeCase,
    Region,
    Section,
    SupportContact,
    TranslationReview,
)

# Callers read, check and write files through this one module, so it re-exports the checks.
__all__ = [
    "CHANGE_REASON",
    "FORMAT",
    "MAX_FILE_BYTES",
    "MAX_ITEMS",
    "ContentFileError",
    "dumps",
    "export_content",
    "import_content",
    "loads",
    "summary_text",
    "validate_content",
]

CHANGE_REASON = "Imported from a content file"


# --- export -------------------------------------------------------------------------------


def _translations(obj: models.Model, field: str) -> dict[str, str]:
    values = {}
    for lang in LANGUAGES:
        value = getattr(obj, f"{field}_{lang}")
        if value not in (None, ""):
            values[lang] = value
    return values


def _export_item(kind: str, obj: models.Model, reviews: dict[int, dict]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for field in PLAIN[kind]:
        if kind == "indicators" and field == "section":
            item[field] = obj.section.slug
        elif field == "country":
            item[field] = obj.country.code if obj.country_id else ""
        elif kind == "contacts" and field == "regions":
            item[field] = sorted(region.code for region in obj.regions.all())
        elif kind == "practice" and field == "signs":
            item[field] = sorted(indicator.slug for indicator in obj.signs.all())
        elif kind == "contacts" and field == "phones":
            item[field] = obj.phone_list
        elif kind == "contacts" and field in ("last_verified", "recheck_due"):
            day = getattr(obj, field)
            item[field] = day.isoformat() if day else None
        else:
            item[field] = getattr(obj, field)
    for field in TRANSLATED[kind]:
        item[field] = _translations(obj, field)
    item["reviews"] = reviews.get(obj.pk, {})
    return item


def _all_reviews(model: type[models.Model]) -> dict[int, dict[str, dict]]:
    """Return every translation review of a model's items, by item id and language."""
    found: dict[int, dict[str, dict]] = {}
    rows = TranslationReview.objects.filter(content_type=ContentType.objects.get_for_model(model))
    for row in rows.order_by("object_id", "language"):
        found.setdefault(row.object_id, {})[row.language] = {
            "status": row.status,
            "reviewer": row.reviewer,
            "reviewed_on": row.reviewed_on.isoformat() if row.reviewed_on else None,
        }
    return found


def export_content() -> dict[str, Any]:
    """Return every region, section, indicator, guidance and contact as one versioned dict."""
    querysets = {
        "countries": Country.objects.order_by("position", "code"),
        "regions": Region.objects.select_related("country").order_by("position", "code"),
        "sections": Section.objects.order_by("position", "slug"),
        "indicators": Indicator.objects.select_related("section").order_by(
            "section__position", "section__slug", "position", "slug"
        ),
        "guidance": Guidance.objects.order_by("position", "slug"),
        "contacts": SupportContact.objects.select_related("country")
        .prefetch_related("regions")
        .order_by("kind", "position", "name_en", "pk"),
        "practice": PracticeCase.objects.prefetch_related("signs").order_by("position", "slug"),
    }
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().replace(microsecond=0).isoformat(),
    }
    for kind, queryset in querysets.items():
        found = _all_reviews(MODELS[kind])
        data[kind] = [_export_item(kind, obj, found) for obj in queryset]
    return data


def dumps(data: dict[str, Any]) -> str:
    """Serialise an export as readable UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- writing ------------------------------------------------------------------------------


def _assign(obj: models.Model, kind: str, item: dict[str, Any]) -> set[str]:
    """Copy an item's fields onto obj; return the names of the fields that changed."""
    changed: set[str] = set()
    values: dict[str, Any] = {}
    for field in TRANSLATED[kind]:
        required = is_required(kind, field)
        for lang in LANGUAGES:
            text = item[field].get(lang)
            if text is None and (lang != DEFAULT_LANGUAGE or not required):
                # A missing translation is stored empty, so the worker falls back to English.
                text = "" if lang == DEFAULT_LANGUAGE else None
            values[f"{field}_{lang}"] = text
    for field in PLAIN[kind]:
        if field in ("section", "regions", "country", "signs"):
            continue
        value = item[field]
        if field == "phones":
            value = "\n".join(value)
        values[field] = value
    for attname, value in values.items():
        if _blank_is_none(getattr(obj, attname)) != _blank_is_none(value):
            changed.add(attname)
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
            key = item_key(kind, item)
            obj = existing.pop(key, None)
            created = obj is None
            if created:
                obj = MODELS[kind]()
            fields = _assign(obj, kind, item)
            changed = extra(obj, item) or created or bool(fields)
            if changed:
                _save(obj)
            if not created:
                # The import is one of the two places English wording changes (the admin is
                # the other): translations of a changed item go back to review.
                review_edit(obj, changed=fields)
            changed = set_reviews(obj, item["reviews"]) or changed
            if changed:
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

    countries = upsert("countries", {c.code: c for c in Country.objects.all()}, no_extra)

    def set_country(obj: models.Model, item: dict) -> bool:
        country = countries.get(item["country"]) if item["country"] else None
        changed = obj.country_id != (country.pk if country else None)
        obj.country = country
        return changed

    regions = upsert("regions", {r.code: r for r in Region.objects.all()}, set_country)
    sections = upsert("sections", {s.slug: s for s in Section.objects.all()}, no_extra)

    def set_section(obj: models.Model, item: dict) -> bool:
        section = sections[item["section"]]
        changed = obj.section_id != section.pk
        obj.section = section
        return changed

    indicators = upsert("indicators", {i.slug: i for i in Indicator.objects.all()}, set_section)
    upsert("guidance", {g.slug: g for g in Guidance.objects.all()}, no_extra)

    existing_contacts: dict = {}
    for contact in SupportContact.objects.prefetch_related("regions").order_by("pk"):
        key = (contact.name_en, contact.kind)
        # Of two contacts with one name and kind, the first is matched; the other is retired.
        existing_contacts[key if key not in existing_contacts else (key, contact.pk)] = contact
    wanted_regions: dict[Any, list[Region]] = {}

    def note_regions(obj: models.Model, item: dict) -> bool:
        country_changed = set_country(obj, item)
        wanted = [regions[code] for code in item["regions"]]
        wanted_regions[item_key("contacts", item)] = wanted
        if obj.pk is None:
            return bool(wanted) or country_changed
        return {r.pk for r in obj.regions.all()} != {r.pk for r in wanted} or country_changed

    contacts = upsert("contacts", existing_contacts, note_regions)
    for key, contact in contacts.items():
        wanted = {r.pk for r in wanted_regions[key]}
        if {r.pk for r in contact.regions.all()} != wanted:
            contact.regions.set(wanted_regions[key])
    if "practice" in clean:  # a file without practice cases leaves them as they are
        write_practice(clean, upsert, indicators)
    else:
        del summary["practice"]
    return summary


def write_practice(clean: dict, upsert: Callable, indicators: dict) -> None:
    """The practice cases, and the signs each names (set once the case has its row)."""
    wanted_signs: dict[str, list[Indicator]] = {}

    def note_signs(obj: models.Model, item: dict) -> bool:
        wanted = [indicators[slug] for slug in item["signs"]]
        wanted_signs[item["slug"]] = wanted
        if obj.pk is None:
            return bool(wanted)
        return {i.pk for i in obj.signs.all()} != {i.pk for i in wanted}

    existing = {case.slug: case for case in PracticeCase.objects.prefetch_related("signs")}
    cases = upsert("practice", existing, note_signs)
    for slug, case in cases.items():
        if {i.pk for i in case.signs.all()} != {i.pk for i in wanted_signs[slug]}:
            case.signs.set(wanted_signs[slug])


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
