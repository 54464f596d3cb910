"""Content that editors maintain: regions, sections, indicators, guidance, contacts, steps."""

from django.db import connection, models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from screening.choices import ContactKind, ContactScope
from screening.models.phones import validate_phone_lines
from screening.models.versioning import keep_wording_version


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Region(models.Model):
    code = models.SlugField(
        max_length=40,
        unique=True,
        help_text=_("Short fixed code, for example 'np-bagmati'. Do not change it once in use."),
    )
    name = models.CharField(
        max_length=120, help_text=_("Name a worker recognises, for example 'Bagmati Province'.")
    )
    country = models.CharField(
        max_length=80, blank=True, help_text=_("Country this region is in, for grouping.")
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order in the region list; smaller numbers come first.")
    )
    active = models.BooleanField(
        default=True,
        help_text=_("Untick to hide the region from new checklists. Past records keep it."),
    )

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name} ({self.country})" if self.country else self.name


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
        # record always points at the wording that was answered.
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


class SupportContactQuerySet(ActiveQuerySet):
    def for_region(self, region: "Region | None"):
        """Return active contacts that serve the region, or every active contact without one."""
        qs = self.active()
        if region is None:
            return qs
        return qs.filter(Q(regions=region) | Q(regions__isnull=True)).distinct()


class SupportContact(models.Model):
    name = models.CharField(max_length=150, help_text=_("The service's name as callers know it."))
    kind = models.CharField(
        max_length=20,
        choices=ContactKind.choices,
        help_text=_("What kind of help this is. Emergency contacts are shown first."),
    )
    scope = models.CharField(
        max_length=20,
        choices=ContactScope.choices,
        default=ContactScope.LOCAL,
        help_text=_(
            "Local contacts are listed before national ones, national before international."
        ),
    )
    phones = models.TextField(
        blank=True,
        validators=[validate_phone_lines],
        help_text=_(
            "One phone number per line, as a worker would dial it, e.g. 1098 or +977 1 4433 000."
        ),
    )
    email = models.EmailField(blank=True, help_text=_("An address that is read, or leave empty."))
    website = models.URLField(blank=True, help_text=_("Full address starting with https://"))
    hours = models.CharField(
        max_length=150, blank=True, help_text=_("When it answers, e.g. 'Mon–Fri 9:00–17:00'.")
    )
    open_24_7 = models.BooleanField(
        default=False, verbose_name=_("open 24/7"), help_text=_("Tick if it answers day and night.")
    )
    languages = models.CharField(
        max_length=200, blank=True, help_text=_("Languages spoken, e.g. 'Nepali, English'.")
    )
    notes = models.TextField(
        blank=True, help_text=_("Anything a worker should know before calling.")
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="contacts",
        help_text=_("Regions served. Leave empty for a contact that serves everywhere."),
    )
    is_example = models.BooleanField(
        default=False,
        help_text=_(
            "Shipped as an example. Workers see 'example: verify before use' until a "
            "verification date is recorded below."
        ),
    )
    last_verified = models.DateField(
        null=True,
        blank=True,
        help_text=_("The day someone called or checked this contact and confirmed it works."),
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order among contacts of the same kind; smaller numbers come first.")
    )
    active = models.BooleanField(default=True, help_text=_("Untick to stop showing this contact."))

    objects = SupportContactQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("support contact")
        verbose_name_plural = _("support contacts")
        constraints = [
            models.CheckConstraint(
                condition=~Q(phones="") | ~Q(email="") | ~Q(website=""),
                name="contact_has_a_way_to_reach_it",
                violation_error_message=_("Give at least a phone number, an email or a website."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ContactKind.values), name="contact_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=ContactScope.values), name="contact_scope_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def needs_verification(self) -> bool:
        return self.is_example and self.last_verified is None

    @property
    def phone_list(self) -> list[str]:
        return [line.strip() for line in self.phones.splitlines() if line.strip()]


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
