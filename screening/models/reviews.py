"""Whether a translation of a content item was checked by a native speaker."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
