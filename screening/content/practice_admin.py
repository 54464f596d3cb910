"""The practice cases' admin: written like the rest of the content, in every language, with
history and the translation review."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from screening.content.admin import ContentAdmin
from screening.models import PracticeCase


@admin.register(PracticeCase)
class PracticeCaseAdmin(ContentAdmin):
    list_display = ("title", "slug", "setting", "age_band", "in_danger", "position", "active")
    list_editable = ("position", "active")
    list_filter = ("active", "in_danger", "setting")
    search_fields = ("slug", "source", "title_en", "story_en", "notes_en")
    filter_horizontal = ("signs",)
    readonly_fields = ("worker_view",)
    fieldsets = (
        (
            None,
            {
                "fields": ("title", "slug", "story"),
                "description": _(
                    "A practice case is invented: never a real child, person or place. Workers "
                    "read it, fill in the checklist and see the result; nothing they answer is "
                    "recorded."
                ),
            },
        ),
        (
            _("What the case shows"),
            {"fields": ("setting", "age_band", "in_danger", "signs")},
        ),
        (
            _("What an experienced worker would note"),
            {"fields": ("notes", "source")},
        ),
        (_("Order and visibility"), {"fields": ("position", "active", "worker_view")}),
    )

    @admin.display(description=_("worker's view"))
    def worker_view(self, obj: PracticeCase) -> str:
        if obj.pk is None:
            return "-"
        if not obj.active:
            # An inactive case has no page, for anyone.
            return _("inactive: workers do not see it")
        url = reverse("screening:practice_case", args=[obj.slug])
        return format_html('<a href="{}">{}</a>', url, _("View as a worker"))
