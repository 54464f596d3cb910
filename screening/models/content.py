"""Content that editors maintain: countries and regions, sections, indicators, guidance,
contacts and steps."""

import datetime

from django.db import connection, models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from screening.choices import ContactKind, ContactScope, ReportReason, Verification
from screening.models.phones import validate_phone_lines
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


def serving(region: "Region | None" = None, country: "Country | None" = None) -> Q:
    """Which contacts serve a place: a contact serves the regions it lists; one that lists no
    region serves its whole country, or everyone when it names no country.

    With a region, its own contacts, its country's and everyone's; with only a country, the
    country's and everyone's; with neither, everyone's. Filter with .distinct().
    """
    everywhere = Q(regions__isnull=True, country__isnull=True)
    if region is not None:
        return Q(regions=region) | Q(regions__isnull=True, country=region.country_id) | everywhere
    if country is not None:
        return Q(regions__isnull=True, country=country) | everywhere
    return everywhere


class SupportContactQuerySet(ActiveQuerySet):
    def for_region(self, region: "Region | None" = None, country: "Country | None" = None):
        """Active contacts that serve the region (or, without one, the country), see serving()."""
        return self.active().filter(serving(region, country)).distinct()


# How long a check holds before the contact is due again, unless an editor sets the day.
RECHECK_MONTHS = 6


def months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month, months later (the month's last day where it has none)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - some day of every month exists


class SupportContact(models.Model):
    name = models.CharField(max_length=300, help_text=_("The service's name as callers know it."))
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
        max_length=200, blank=True, help_text=_("When it answers, e.g. 'Mon–Fri 9:00–17:00'.")
    )
    open_24_7 = models.BooleanField(
        default=False, verbose_name=_("open 24/7"), help_text=_("Tick if it answers day and night.")
    )
    languages = models.CharField(
        max_length=200, blank=True, help_text=_("Languages spoken, e.g. 'Nepali, English'.")
    )
    notes = models.TextField(
        blank=True,
        help_text=_(
            "One or two short sentences a worker needs before calling. Research notes go in "
            "'Editors' notes', the source in 'Source'."
        ),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        help_text=_(
            "The country served. With no region ticked below, the contact serves all of it; "
            "with no country and no region, it serves everyone."
        ),
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="contacts",
        help_text=_("Regions served. Leave empty for a contact that serves its whole country."),
    )
    verification = models.CharField(
        max_length=20,
        choices=Verification.choices,
        default=Verification.NOT_CHECKED,
        help_text=_("How the number was checked. Workers see it beside the number."),
    )
    last_verified = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("checked on"),
        help_text=_("The day it was called or checked against the official source."),
    )
    verified_by = models.CharField(
        max_length=150,
        blank=True,
        verbose_name=_("checked by"),
        help_text=_("The organisation that checked it, for example the deploying NGO."),
    )
    recheck_due = models.DateField(
        null=True,
        blank=True,
        help_text=_("When to check it again; 6 months after the check unless you set a day."),
    )
    source = models.TextField(
        blank=True,
        help_text=_(
            "Where the number comes from: the public source's title, date and address. "
            "Workers can open it under 'Where this number comes from'."
        ),
    )
    editor_notes = models.TextField(
        blank=True,
        help_text=_("Research notes for editors only; workers never see them."),
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
            models.CheckConstraint(
                condition=Q(verification__in=Verification.values),
                name="contact_verification_valid",
            ),
            models.CheckConstraint(
                condition=Q(verification=Verification.NOT_CHECKED) | Q(last_verified__isnull=False),
                name="checked_contact_has_a_day",
                violation_error_message=_("A checked contact needs the day it was checked."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if self.last_verified and self.recheck_due is None:
            self.recheck_due = months_later(self.last_verified, RECHECK_MONTHS)
        super().save(*args, **kwargs)

    @property
    def checked(self) -> bool:
        return self.verification != Verification.NOT_CHECKED and self.last_verified is not None

    @property
    def phone_list(self) -> list[str]:
        return [line.strip() for line in self.phones.splitlines() if line.strip()]


class ContactReport(models.Model):
    """A worker's one-tap report that a number did not work: the contact, the day, the reason.

    Nothing else: no account, no address, no free text. Workers see no change until an editor
    acts on the reports.
    """

    contact = models.ForeignKey(SupportContact, on_delete=models.CASCADE, related_name="reports")
    day = models.DateField()
    reason = models.CharField(max_length=20, choices=ReportReason.choices)

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("report that a number did not work")
        verbose_name_plural = _("reports that a number did not work")
        constraints = [
            models.CheckConstraint(
                condition=Q(reason__in=ReportReason.values),
                name="contact_report_reason_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact_id} {self.day}: {self.reason}"


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
