"""The content version: a counter that every content save bumps in the same transaction.

Rendered content (the checklist form, for one) is cached under the version read from the
database at the start of a request, so an edit made through any path (admin, import, shell,
history revert) and in any process shows on the next request everywhere.
"""

from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from screening.models import (
    ContentVersion,
    Country,
    Guidance,
    Indicator,
    IndicatorVersion,
    PracticeCase,
    Region,
    Section,
    StepText,
    SupportContact,
    TranslationReview,
)

CONTENT_MODELS: tuple[type[models.Model], ...] = (
    Country,
    Region,
    Section,
    Indicator,
    IndicatorVersion,
    Guidance,
    SupportContact,
    StepText,
    PracticeCase,
    # The note "not yet checked by a native speaker" is part of a rendered page.
    TranslationReview,
)


def bump_content_version() -> None:
    """Add one to the version, atomically, inside the caller's transaction if there is one."""
    with transaction.atomic():
        if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
            # The row is created by migration 0060; a flushed test database lacks it.
            ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})


def _bump_on_save(sender, **kwargs) -> None:
    bump_content_version()


def _bump_on_m2m(sender, action: str, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        bump_content_version()


def connect() -> None:
    """Called once from ScreeningConfig.ready()."""
    for model in CONTENT_MODELS:
        uid = f"content-version-{model._meta.label_lower}"
        post_save.connect(_bump_on_save, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_bump_on_save, sender=model, dispatch_uid=uid + "-delete")
    m2m_changed.connect(
        _bump_on_m2m, sender=SupportContact.regions.through, dispatch_uid="content-version-m2m"
    )
    m2m_changed.connect(
        _bump_on_m2m, sender=PracticeCase.signs.through, dispatch_uid="content-version-m2m-practice"
    )
