"""Support contacts: who a contact serves, how its number was checked, and workers' reports
that a number did not work."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from screening.choices import ContactKind, ContactScope, ReportReason, Verification
from screening.models.content import ActiveQuerySet, Country, Region
from screening.models.phones import validate_phone_lines


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
