"""Content that editors maintain, and the anonymised usage records the checklist leaves behind."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from screening.choices import AgeBand, Answer, ContactKind, ContactScope, Setting
from screening.versioning import keep_wording_version

phone_validator = RegexValidator(
    regex=r"^\+?[0-9][0-9 ()-]{1,30}$",
    message=_(
        "Enter one phone number per line, using digits, spaces, brackets, dashes "
        "and an optional + at the start, for example +977 1 4433 000 or 1098."
    ),
)


def clean_phone_numbers(lines: Iterable[str]) -> list[str]:
    """Return the numbers among lines, stripped, blanks left out; refuse one a worker cannot dial.

    The one phone check: the model, the admin form and the content import all call it.
    """
    numbers = [line.strip() for line in lines if line.strip()]
    for index, number in enumerate(numbers, start=1):
        try:
            phone_validator(number)
        except ValidationError as exc:
            raise ValidationError(
                _(
                    "Number %(index)s, “%(number)s”, is not a phone number a worker can "
                    "dial. Use digits, spaces, brackets and dashes, with an optional + at "
                    "the start, for example +977 1 4433 000 or 1098. Put each number on "
                    "its own line."
                ),
                params={"index": index, "number": number[:40]},
                code="invalid_phone",
            ) from exc
    return numbers


def validate_phone_lines(value: str) -> None:
    """Validate every non-empty line of a phone list as one dialable number."""
    clean_phone_numbers(value.splitlines())


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


class UsageRecord(models.Model):
    """One completed checklist, anonymised: nothing here can identify a child or a worker."""

    day = models.DateField(help_text=_("Day only, in the deployment's time zone."))
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True)
    setting = models.CharField(max_length=20, choices=Setting.choices, blank=True)
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    immediate_danger = models.BooleanField(default=False)
    # Derived from the answers, kept so the dashboard's share figure needs no join at 1M rows.
    noted_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("usage record")
        verbose_name_plural = _("usage records")
        permissions = [("view_dashboard", _("Can view the aggregate usage dashboard"))]
        indexes = [
            models.Index(fields=["day"], name="usage_day"),
            models.Index(fields=["region", "day"], name="usage_region_day"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(setting__in=["", *Setting.values]), name="usage_setting_valid"
            ),
            models.CheckConstraint(
                condition=Q(age_band__in=["", *AgeBand.values]), name="usage_age_band_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Checklist {self.pk} on {self.day}"


class UsageAnswer(models.Model):
    """An indicator version answered yes or not sure on a record ("no" is not stored)."""

    record = models.ForeignKey(UsageRecord, on_delete=models.CASCADE, related_name="answers")
    indicator_version = models.ForeignKey(
        IndicatorVersion, on_delete=models.PROTECT, related_name="answers"
    )
    answer = models.CharField(max_length=10, choices=Answer.choices)

    class Meta:
        ordering = ["record", "indicator_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["record", "indicator_version"], name="one_answer_per_version"
            ),
            models.CheckConstraint(
                condition=Q(answer__in=[Answer.YES, Answer.NOT_SURE]), name="answer_noted_only"
            ),
        ]
        indexes = [models.Index(fields=["indicator_version", "answer"], name="answer_version")]

    def __str__(self) -> str:
        return f"{self.indicator_version_id}: {self.answer}"


class UsageContactKind(models.Model):
    """A kind of contact that was shown on a record's result."""

    record = models.ForeignKey(UsageRecord, on_delete=models.CASCADE, related_name="contact_kinds")
    kind = models.CharField(max_length=20, choices=ContactKind.choices)

    class Meta:
        ordering = ["record", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["record", "kind"], name="one_kind_per_record"),
            models.CheckConstraint(
                condition=Q(kind__in=ContactKind.values), name="usage_contact_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.kind


class SubmissionToken(models.Model):
    """A spent one-time checklist token, so a form sent twice saves one record.

    It holds only a hash and the day, with no link to the record it produced.
    """

    token_hash = models.CharField(max_length=64, primary_key=True)
    day = models.DateField()

    class Meta:
        ordering = ["day"]

    def __str__(self) -> str:
        return self.token_hash[:8]


class SupervisorScope(models.Model):
    """Limits a supervisor's dashboard to some regions; without one they see every region."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervisor_scope"
    )
    regions = models.ManyToManyField(
        Region, related_name="+", help_text=_("The only regions this supervisor sees.")
    )

    class Meta:
        ordering = ["user"]
        verbose_name = _("supervisor region limit")
        verbose_name_plural = _("supervisor region limits")

    def __str__(self) -> str:
        return str(self.user)


class AccountPreference(models.Model):
    """What a signed-in user chose to keep across sessions: their region and language.

    Only the worker's own choices, never anything about a child; the usage records stay
    unlinked from every account.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The region whose contacts this user sees first."),
    )
    language = models.CharField(
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language this user chose; empty follows the browser."),
    )

    class Meta:
        ordering = ["user"]
        verbose_name = _("account preference")
        verbose_name_plural = _("account preferences")

    def __str__(self) -> str:
        return str(self.user)


class UsageSummary(models.Model):
    """Usage records of one ended quarter, counted for the dashboard; rebuilt when they change.

    Each row belongs to one shape, the grouping it was counted in; the dashboard only ever
    sums these rows, so its cost does not grow with the number of records.
    """

    RECORDS = "records"  # region, setting, age band, week: records, danger, noted
    ANSWERS_BY_SETTING = "answers_setting"  # region, setting, version, answer
    ANSWERS_BY_AGE = "answers_age"  # region, age band, version, answer
    CONTACTS = "contacts"  # region, setting, age band, contact kind

    quarter = models.DateField(help_text=_("First day of the quarter."))
    shape = models.CharField(max_length=20)
    region = models.ForeignKey(Region, on_delete=models.CASCADE, null=True, related_name="+")
    setting = models.CharField(max_length=20, blank=True)
    age_band = models.CharField(max_length=20, blank=True)
    week = models.PositiveSmallIntegerField(null=True)
    indicator_version = models.ForeignKey(
        IndicatorVersion, on_delete=models.CASCADE, null=True, related_name="+"
    )
    answer = models.CharField(max_length=10, blank=True)
    contact_kind = models.CharField(max_length=20, blank=True)
    records = models.PositiveIntegerField()
    danger = models.PositiveIntegerField(default=0)
    noted = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["quarter", "shape", "id"]
        indexes = [models.Index(fields=["quarter", "shape"], name="usage_summary_quarter")]

    def __str__(self) -> str:
        return f"{self.quarter} {self.shape}: {self.records}"


class UsageSummaryState(models.Model):
    """What the summary of a quarter was built from, so a change in its records is noticed."""

    quarter = models.DateField(unique=True)
    records = models.PositiveIntegerField()
    last_record = models.BigIntegerField()
    built_at = models.DateTimeField(auto_now=True)
    # The cells hidden to protect small ones, per region scope and threshold, so that later
    # views publish exactly the same figures without searching again.
    complements = models.JSONField(default=dict)

    class Meta:
        ordering = ["quarter"]

    def __str__(self) -> str:
        return f"{self.quarter}: {self.records} records"


class ReviewStatus(models.TextChoices):
    DRAFTED = "drafted", _("Drafted, not yet checked")
    REVIEWED = "reviewed", _("Checked by a native speaker")
    NEEDS_REVIEW = "needs_review", _("English changed: check again")


class TranslationReview(models.Model):
    """Whether one language's translation of one content item was checked by a native speaker.

    A translated item without a row counts as not yet checked. History keeps who changed the
    status and when.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    language = models.CharField(
        max_length=10,
        choices=[(code, name) for code, name in settings.LANGUAGES if code != "en"],
        help_text=_("The language of the translation."),
    )
    status = models.CharField(
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.DRAFTED,
        help_text=_(
            "Workers see a short note until a native speaker has checked the translation. "
            "Changing the English wording sets it back to 'check again'."
        ),
    )
    reviewer = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("Name of the native speaker who checked it."),
    )
    reviewed_on = models.DateField(
        null=True, blank=True, help_text=_("The day the translation was checked.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["content_type", "object_id", "language"]
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_review_per_language"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values), name="review_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.REVIEWED)
                | (~Q(reviewer="") & Q(reviewed_on__isnull=False)),
                name="reviewed_has_reviewer_and_day",
                violation_error_message=_(
                    "A checked translation needs the reviewer's name and the day."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} [{self.language}]: {self.status}"


class StepText(models.Model):
    """The words of one next step; the rules in screening.guidance choose steps by code."""

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
    in the same transaction (screening/content_version.py), so every app server sees a change
    on its next request, whatever cache it holds.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=Q(id=1), name="content_version_one_row")]

    def __str__(self) -> str:
        return str(self.value)


class AccountSession(AbstractBaseSession):
    """A session, with the signed-in account beside its data.

    Django's documented way to extend the database session engine (a model of its own and a
    store that fills the extra column). With the account id in a column, one query reads the
    session, its user and the content version (screening/session_backends), where Django
    reads the session and then the user. Deleting an account deletes its sessions.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta(AbstractBaseSession.Meta):  # Django's names for it, with their translations
        pass

    @classmethod
    def get_session_store_class(cls):
        from screening.session_backends.db import SessionStore

        return SessionStore
