"""What a checklist leaves behind: anonymised usage records and their quarterly summaries.

Nothing here can identify a child or a worker.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from screening.choices import AgeBand, Answer, ContactKind, Setting
from screening.models.content import IndicatorVersion, Region


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


class UsageSummary(models.Model):
    """Usage records of one ended quarter, counted for the dashboard; rebuilt when they change.

    Each row belongs to one shape, the grouping it was counted in; the dashboard only ever
    sums these rows, so its cost does not grow with the number of records.
    """

    RECORDS = "records"  # region, setting, age band, week: records, danger, noted
    # The same without the week: ten times fewer rows, read by every view and by the trends.
    CUBE = "cube"  # region, setting, age band: records, danger, noted
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
