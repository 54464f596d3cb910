"""Review status of content translations: which language of which item a native speaker checked.

Any model with per-language fields (django-modeltranslation) is registered here with one line,
``register(Model, prefix="...")``; the admin filter, the worker's note, the content file and the
translation files then cover it. The prefix names the model in translation files
(``"<prefix>:<lookup value>:<field>"``); ``lookup`` is the field that names one item there.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from modeltranslation.translator import translator

from screening.models import ReviewStatus, TranslationReview

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
TRANSLATION_LANGUAGES = tuple(
    code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE
)


@dataclass(frozen=True)
class Translatable:
    model: type[models.Model]
    prefix: str
    lookup: str
    fields: tuple[str, ...]


REGISTRY: dict[str, Translatable] = {}


def register(model: type[models.Model], *, prefix: str, lookup: str = "slug") -> None:
    """Put a translated model under review; its fields come from its modeltranslation options."""
    translated = set(translator.get_options_for_model(model).fields)
    # In the model's own field order, so files, exports and messages list them predictably.
    fields = tuple(f.name for f in model._meta.fields if f.name in translated)
    REGISTRY[prefix] = Translatable(model=model, prefix=prefix, lookup=lookup, fields=fields)


def entry_for(model: type[models.Model]) -> Translatable | None:
    for entry in REGISTRY.values():
        if entry.model is model or issubclass(model, entry.model):
            return entry
    return None


def edited_languages(
    fields: tuple[str, ...], changed: Iterable[str]
) -> tuple[bool, frozenset[str]]:
    """Say whether an edit changed the English wording, and which translations it changed."""
    changed = set(changed)
    english = any(f"{field}_{DEFAULT_LANGUAGE}" in changed for field in fields)
    languages = frozenset(
        lang
        for lang in TRANSLATION_LANGUAGES
        if any(f"{field}_{lang}" in changed for field in fields)
    )
    return english, languages


def has_translation(obj: models.Model, fields: tuple[str, ...], language: str) -> bool:
    return any(getattr(obj, f"{field}_{language}", None) not in (None, "") for field in fields)


def _set_status(obj: models.Model, language: str, status: str) -> None:
    # Saved one by one (a handful of rows) so simple-history records who and when.
    review, created = TranslationReview.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        language=language,
        defaults={"status": status},
    )
    if not created and review.status != status:
        review.status = status
        if status != ReviewStatus.REVIEWED:
            review.reviewer, review.reviewed_on = "", None
        review.save()


def record_edit(obj: models.Model, *, changed: Iterable[str]) -> None:
    """After an edit, send the translations it made stale back to review.

    Changed English: every translation must be checked again. A changed translation: that
    language is a new draft. Call this wherever content is edited (admin, import, loader).
    """
    entry = entry_for(type(obj))
    if entry is None:
        return
    english, languages = edited_languages(entry.fields, changed)
    for lang in TRANSLATION_LANGUAGES:
        if not has_translation(obj, entry.fields, lang):
            continue
        if lang in languages:
            _set_status(obj, lang, ReviewStatus.DRAFTED)
        elif english:
            _set_status(obj, lang, ReviewStatus.NEEDS_REVIEW)


def page_needs_note(objects: Iterable[models.Model], *, language: str) -> bool:
    """Say whether any translated text on a page is not yet checked by a native speaker.

    English pages, and items shown in English for lack of a translation, need no note. One
    query, only when the page is in another language.
    """
    if language not in TRANSLATION_LANGUAGES:
        return False
    shown: dict[type[models.Model], set[int]] = {}
    for obj in objects:
        if obj is None:
            continue
        entry = entry_for(type(obj))
        if entry is not None and has_translation(obj, entry.fields, language):
            shown.setdefault(entry.model, set()).add(obj.pk)
    if not shown:
        return False
    condition = Q()
    for model, ids in shown.items():
        condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    reviewed = TranslationReview.objects.filter(
        condition, language=language, status=ReviewStatus.REVIEWED
    ).count()
    return reviewed < sum(len(ids) for ids in shown.values())


def unchecked(queryset: models.QuerySet, *, language: str) -> models.QuerySet:
    """Return the items that have a translation in language which nobody has checked yet."""
    entry = entry_for(queryset.model)
    if entry is None or language not in TRANSLATION_LANGUAGES:
        return queryset.none()
    translated = Q()
    for field in entry.fields:
        column = f"{field}_{language}"
        translated |= Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})
    reviewed = TranslationReview.objects.filter(
        content_type=ContentType.objects.get_for_model(queryset.model),
        object_id=OuterRef("pk"),
        language=language,
        status=ReviewStatus.REVIEWED,
    )
    return queryset.filter(translated).exclude(Exists(reviewed))


def reviews_of(obj: models.Model) -> dict[str, dict]:
    """Return an item's review rows as {language: {status, reviewer, reviewed_on}}."""
    rows = TranslationReview.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )
    return {
        row.language: {
            "status": row.status,
            "reviewer": row.reviewer,
            "reviewed_on": row.reviewed_on.isoformat() if row.reviewed_on else None,
        }
        for row in rows
    }


def set_reviews(obj: models.Model, reviews: dict[str, dict]) -> bool:
    """Make an item's review rows match a content file's; return whether anything changed."""
    content_type = ContentType.objects.get_for_model(obj)
    existing = {
        row.language: row
        for row in TranslationReview.objects.filter(content_type=content_type, object_id=obj.pk)
    }
    changed = False
    for lang, wanted in reviews.items():
        row = existing.get(lang) or TranslationReview(
            content_type=content_type, object_id=obj.pk, language=lang
        )
        values = {
            "status": wanted["status"],
            "reviewer": wanted.get("reviewer") or "",
            "reviewed_on": wanted.get("reviewed_on"),
        }
        if row.pk is None or any(getattr(row, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            row.save()
            changed = True
    return changed
