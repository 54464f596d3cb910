"""Admin for translation reviews: who checked what, and a filter on every content list."""

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from screening.content import reviews
from screening.models import ReviewStatus, TranslationReview

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class UncheckedTranslationFilter(admin.SimpleListFilter):
    title = _("translation check")
    parameter_name = "unchecked"

    def lookups(self, request, model_admin):
        return [
            (lang, _("Not yet checked: %(language)s") % {"language": LANGUAGE_NAMES[lang]})
            for lang in reviews.TRANSLATION_LANGUAGES
        ]

    def queryset(self, request, queryset):
        if self.value() in reviews.TRANSLATION_LANGUAGES:
            return reviews.unchecked(queryset, language=self.value())
        return queryset


class ReviewedContentMixin:
    """Adds the translation filter, and sends stale translations back to review on save."""

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), UncheckedTranslationFilter)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Here, where editors change wording, rather than in save() or a signal (style.md).
        reviews.record_edit(obj, changed=form.changed_data)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        for inline_form in formset.forms:
            if inline_form.instance.pk and inline_form.has_changed():
                reviews.record_edit(inline_form.instance, changed=inline_form.changed_data)


@admin.register(TranslationReview)
class TranslationReviewAdmin(SimpleHistoryAdmin):
    list_display = (
        "translated_item",
        "content_type",
        "language",
        "status",
        "reviewer",
        "reviewed_on",
    )
    list_filter = ("status", "language", "content_type")
    fields = ("translated_item", "language", "status", "reviewer", "reviewed_on")
    readonly_fields = ("translated_item", "language")
    actions = ["mark_reviewed_by_me_today"]

    def get_queryset(self, request):
        # One query per kind of content for the whole page, not one per row.
        return super().get_queryset(request).select_related("content_type").prefetch_related("item")

    @admin.display(description=_("item"))
    def translated_item(self, obj: TranslationReview) -> str:
        return str(obj.item) if obj.item is not None else "—"

    def has_add_permission(self, request):
        # Rows are made when a translation is written; a reviewer only changes their status.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Mark as checked by me today"))
    def mark_reviewed_by_me_today(self, request, queryset):
        name = request.user.get_full_name() or request.user.get_username()
        for review in queryset:
            review.status = ReviewStatus.REVIEWED
            review.reviewer = name
            review.reviewed_on = timezone.localdate()
            review.save()
