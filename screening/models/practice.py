"""Practice cases: short worked cases a worker can try the checklist on, with no real child.

A case is content like the guidance: editors write it in every language, with history. What
a worker answers on a case is never stored anywhere but their own session, and only until the
practice result is shown and cleared (screening/frontline/practice.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from screening.choices import AgeBand, Setting
from screening.models.content import ActiveQuerySet, Indicator


class PracticeCase(models.Model):
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text=_("Short fixed name used in the page address. Never change it."),
    )
    title = models.CharField(
        max_length=150, help_text=_("A few words naming the case, without any real name.")
    )
    story = models.TextField(
        help_text=_(
            "What the worker sees and hears, in four to six short sentences. Invented: no real "
            "child, place or person. Say 'child subjected to sexual exploitation', never words "
            "that suggest a child consented."
        )
    )
    setting = models.CharField(
        max_length=20,
        choices=Setting.choices,
        help_text=_("Where the worker meets the child in the case."),
    )
    age_band = models.CharField(
        max_length=20,
        choices=AgeBand.choices,
        help_text=_("How old the child in the case seems."),
    )
    in_danger = models.BooleanField(
        default=False,
        help_text=_("Tick if an experienced worker would call emergency services at once."),
    )
    signs = models.ManyToManyField(
        Indicator,
        related_name="practice_cases",
        blank=True,
        help_text=_("The signs an experienced worker would note in this case."),
    )
    notes = models.TextField(
        help_text=_(
            "What an experienced worker would notice and do, and why. Shown after the worker "
            "sees the result. One idea per paragraph."
        )
    )
    source = models.CharField(
        max_length=500, help_text=_("The published sources the case and the notes are built on.")
    )
    position = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("practice case")
        verbose_name_plural = _("practice cases")

    def __str__(self) -> str:
        return self.title
