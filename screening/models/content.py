"""Content that editors maintain: countries and regions, sections, indicators, guidance,
contacts and steps."""

from django.db import connection, models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from screening.models.versioning import keep_wording_version


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Country(models.Model):
    """A country: its regions are its first-level divisions; a contact may serve all of it."""

    code = models.SlugField(
        max_length=10,
        unique=True,
        help_text=_(
            "The country's two-letter ISO 3166 code in small letters, for example 'np'. "
            "Do not change it once in use."
        ),
    )
    name = models.CharField(max_length=120, help_text=_("The country's name, for example 'Nepal'."))
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order in the country list; smaller numbers come first.")
    )
    active = models.BooleanField(
        default=True, help_text=_("Untick to hide the country and its regions from workers.")
    )

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


def mark_offered(obj: models.Model, save_kwargs: dict) -> None:
    """Mark an item saved active as offered to workers, for good (Region, Indicator)."""
    if obj.active and not obj.offered_to_workers:
        obj.offered_to_workers = True
        if save_kwargs.get("update_fields") is not None:
            save_kwargs["update_fields"] = {*save_kwargs["update_fields"], "offered_to_workers"}


class Region(models.Model):
    code = models.SlugField(
        max_length=40,
        unique=True,
        help_text=_("Short fixed code, for example 'np-bagmati'. Do not change it once in use."),
    )
    name = models.CharField(
        max_length=120, help_text=_("Name a worker recognises, for example 'Bagmati Province'.")
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="regions",
        help_text=_("The country this region is a first-level division of."),
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order in the region list; smaller numbers come first.")
    )
    active = models.BooleanField(
        default=True,
        help_text=_("Untick to hide the region from new checklists. Past records keep it."),
    )
    # Set when the item is first saved active, never unset: from then on a worker may have
    # chosen it, so records may refer to it, and the admin refuses to delete it whether or
    # not one does (screening/content/admin.py). Not an editor's field.
    offered_to_workers = models.BooleanField(default=False, db_default=False, editable=False)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name} ({self.country.name})"

    def save(self, *args, **kwargs) -> None:
        # In save() so that every write path (admin, import, shell, history revert) marks it.
        mark_offered(self, kwargs)
        super().save(*args, **kwargs)

    save.alters_data = True


class Section(models.Model):
    slug = models.SlugField(
        max_length=60, unique=True, help_text=_("Short fixed code. Do not change it once in use.")
    )
    title = models.CharField(
        max_length=150, help_text=_("Heading the worker sees, in plain words.")
    )
    intro = models.TextField(
        help_text=_(
            "One or two short sentences on why identification is hard here. "
            "Plain language: short sentences, no jargon."
        )
    )
    source = models.TextField(
        help_text=_("Where this section comes from: author, year, title. Shown to workers.")
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order in the checklist; smaller numbers come first.")
    )
    active = models.BooleanField(
        default=True,
        help_text=_(
            "Untick to remove the section and its indicators from new checklists. "
            "Past records and statistics keep it."
        ),
    )

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        related_name="indicators",
        help_text=_("The checklist section this indicator appears in."),
    )
    slug = models.SlugField(
        max_length=80, unique=True, help_text=_("Short fixed code. Do not change it once in use.")
    )
    text = models.CharField(
        max_length=300,
        help_text=_(
            "One plain sentence the worker answers yes, no or not sure. Changing the English "
            "wording makes a new version; records keep the wording that was answered."
        ),
    )
    help = models.TextField(
        verbose_name=_("what this can look like"),
        help_text=_("Examples that help the worker recognise this. Short sentences."),
    )
    guidance = models.TextField(
        blank=True,
        help_text=_(
            "What to do when this is noted. Shown on the result when answered yes or not sure."
        ),
    )
    source = models.TextField(help_text=_("Where this indicator comes from: author, year, title."))
    core = models.BooleanField(
        default=False,
        # In the database too, so a data migration written before this field can still save.
        db_default=False,
        verbose_name=_("in the core set"),
        help_text=_(
            "Shown first, in the short set of signs to check first; the others wait in their "
            "sections, which the worker opens. Keep the core set short: about eight signs."
        ),
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order within the section; smaller numbers come first.")
    )
    active = models.BooleanField(
        default=True,
        help_text=_(
            "Untick to remove the indicator from new checklists at once. "
            "Past records and statistics keep it."
        ),
    )
    current_version = models.ForeignKey(
        "IndicatorVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The wording new checklists answer. Set automatically."),
    )
    # Set when the item is first saved active, never unset: from then on a worker may have
    # chosen it, so records may refer to it, and the admin refuses to delete it whether or
    # not one does (screening/content/admin.py). Not an editor's field.
    offered_to_workers = models.BooleanField(default=False, db_default=False, editable=False)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["section__position", "position", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs) -> None:
        # The rule itself lives in versioning.py, but it is called here on purpose, against
        # the style guide's "no logic in save()": every write path (admin, import, shell,
        # history revert) goes through save(), so this is the one place that can promise a
        # record always points at the wording that was answered. The same goes for
        # offered_to_workers, which keeps a delete page from telling when it was first used.
        mark_offered(self, kwargs)
        with transaction.atomic():
            super().save(*args, **kwargs)
            keep_wording_version(self, indicator_model=Indicator, version_model=IndicatorVersion)

    save.alters_data = True


class IndicatorVersion(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.CharField(max_length=300, help_text=_("The English wording as it was answered."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "number"]
        verbose_name = _("indicator version")
        verbose_name_plural = _("indicator versions")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "number"], name="unique_indicator_version"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="indicator_version_from_one"),
        ]

    def __str__(self) -> str:
        return f"v{self.number}: {self.text}"


class Guidance(models.Model):
    slug = models.SlugField(
        max_length=60, unique=True, help_text=_("Short fixed code. Do not change it once in use.")
    )
    title = models.CharField(max_length=150, help_text=_("Short heading, for example 'Refer'."))
    body = models.TextField(
        help_text=_(
            "The guidance in plain language. Separate paragraphs with a blank line; "
            "start a line with '- ' to make a bullet point."
        )
    )
    source = models.TextField(help_text=_("The law, guideline or study this rests on."))
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order on the guidance page; smaller numbers come first.")
    )
    on_result = models.BooleanField(
        default=True, help_text=_("Show this guidance on every checklist result.")
    )
    active = models.BooleanField(default=True, help_text=_("Untick to hide this guidance."))

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("guidance")
        verbose_name_plural = _("guidance")

    def __str__(self) -> str:
        return self.title


class StepText(models.Model):
    """The words of one next step; the rules in screening.frontline.rules choose steps by code."""

    code = models.SlugField(
        max_length=40,
        unique=True,
        help_text=_("Fixed code the next-step rules use to pick this step. Never change it."),
    )
    title = models.CharField(
        max_length=150, help_text=_("The step in a few words, like an instruction.")
    )
    body = models.TextField(
        help_text=_("Two or three short sentences: what to do and why. Plain language.")
    )
    guidance = models.ForeignKey(
        Guidance,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="steps",
        help_text=_(
            "Guidance that says more about this step. The result links to it from the step "
            "instead of listing it again."
        ),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("next step text")
        verbose_name_plural = _("next step texts")

    def __str__(self) -> str:
        return self.title


class ContentVersion(models.Model):
    """One row counting content saves; caches of rendered content are keyed on its value.

    Every save or delete of a region, section, indicator, guidance or support contact bumps it
    in the same transaction (screening/content/version.py), so every app server sees a change
    on its next request, whatever cache it holds.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=Q(id=1), name="content_version_one_row")]

    def __str__(self) -> str:
        return str(self.value)


def current_content_version() -> int:
    """The content version now committed: one query on a one-row table.

    Asked on every content page, so it is plain SQL: building it with the ORM cost more than
    the query itself. Bumping it is the content package's (screening/content/version.py).
    """
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = 1")  # noqa: S608 - no input
        row = cursor.fetchone()
    return row[0] if row else 0
