"""The editors' admin: content with per-language fields and history.

The content transfer page lives in transfer_admin, the support contacts' admin in
contact_admin; the sections' admin gives the transfer page its URLs.

Usage records are deliberately not registered: nobody reads a single checklist, not even here.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, ProtectedError, RestrictedError
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from screening.choices import ContactKind
from screening.content import transfer_admin as admin_transfer
from screening.content.admin_widgets import TranslatedTextMixin
from screening.content.checks import regions_lacking_kinds
from screening.content.review_admin import ReviewedContentMixin
from screening.models import (
    Country,
    Guidance,
    Indicator,
    IndicatorVersion,
    Region,
    Section,
    StepText,
    UsageAnswer,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def in_every_language(*fields: str) -> tuple[str, ...]:
    """Name each field's per-language columns, so search finds any language's wording."""
    return tuple(f"{field}_{lang}" for field in fields for lang in LANGUAGES)


def worker_link(anchor: str, *, shown: bool, page: str = "screening:checklist") -> SafeString:
    """Link to where a worker sees this item, saying so when it is hidden from them."""
    url = reverse(page) + anchor
    if shown:
        return format_html('<a href="{}">{}</a>', url, _("View as a worker"))
    return format_html(
        '<a href="{}">{}</a> ({})', url, _("View page"), _("inactive: workers do not see it")
    )


class ContentAdmin(TranslatedTextMixin, ReviewedContentMixin, SimpleHistoryAdmin, TranslationAdmin):
    """History, per-language fields, translation review, and no delete of what records use."""

    # What keeps an item from being deleted: (the model whose rows refer to it, the lookup
    # from that model to the item, the refusal). Checked by protected_reasons, one query.
    kept_by: tuple[type, str, str] | None = None

    def protected_reasons(self, objs) -> list[str]:
        """Say why each of objs must be retired rather than deleted; empty if none must.

        The refusal names no count: a live count of checklists, current quarter included and
        unsuppressed, would let an editor watch single submissions arrive.
        """
        if self.kept_by is None:
            return []
        model, lookup, message = self.kept_by
        if hasattr(self.model, "offered_to_workers"):
            # Regions and indicators: refused once workers may have chosen them, used or not,
            # so the page does not change when the first checklist naming one is saved. The
            # records are still asked (same words), for rows written past save().
            offered = {obj.pk for obj in objs if obj.active or obj.offered_to_workers}
        else:
            offered = set()
        rest = [obj.pk for obj in objs if obj.pk not in offered]
        kept = offered | set(
            model.objects.filter(**{f"{lookup}__in": rest})
            .order_by()
            .values_list(lookup, flat=True)
            .distinct()
            if rest
            else ()
        )
        return [str(message).format(item=obj) for obj in objs if obj.pk in kept]

    def get_deleted_objects(self, objs, request):
        # Checked with one counting query instead of Django's walk over every protected row,
        # which would list (and load) every usage answer behind a popular indicator.
        reasons = self.protected_reasons(objs)
        if reasons:
            return [], {}, set(), reasons
        return super().get_deleted_objects(objs, request)

    def refuse_late_delete(self, request) -> HttpResponseRedirect:
        self.message_user(
            request,
            _(
                "Nothing was deleted: a checklist came to refer to this content while you "
                "were deleting it. Untick “Active” instead, so it stays in past records."
            ),
            messages.ERROR,
        )
        return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        # The check above runs before the delete; a record saved in between makes the
        # database's PROTECT refuse, and the editor gets the same advice, not an error page.
        try:
            with transaction.atomic():
                return super().delete_view(request, object_id, extra_context)
        except (ProtectedError, RestrictedError):
            return self.refuse_late_delete(request)

    def response_action(self, request, queryset):
        try:
            with transaction.atomic():
                return super().response_action(request, queryset)
        except (ProtectedError, RestrictedError):
            return self.refuse_late_delete(request)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # Codes link deployments and files together; they are fixed once created.
        code = "code" if self.model in (Country, Region) else "slug"
        if obj is not None and hasattr(self.model, code):
            return (*fields, code)
        return fields


# --- sections and indicators --------------------------------------------------------------


class IndicatorInline(TranslationTabularInline):
    model = Indicator
    fields = ("text", "position", "active")
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = _(
        "Indicators in this section (edit help, guidance and source with the change link)"
    )

    def has_add_permission(self, request, obj=None):
        # An indicator needs help and a source too; they are added on the indicator's own page.
        return False


@admin.register(Section)
class SectionAdmin(ContentAdmin):
    kept_by = (Indicator, "section", _("{item}: still holds indicators"))
    inlines = [IndicatorInline]
    list_display = ("title", "slug", "position", "active", "indicator_count", "worker_view")
    list_editable = ("position", "active")
    list_filter = ("active",)
    search_fields = ("slug", "source", *in_every_language("title", "intro"))
    readonly_fields = ("worker_view",)
    fieldsets = (
        (
            None,
            {
                "fields": ("title", "slug", "intro"),
                "description": _(
                    "A section groups indicators under one reason why trafficked children are "
                    "hard to recognise. Write for a reading age of about 12: short sentences, "
                    "no jargon. Say 'child subjected to sexual exploitation', never words that "
                    "suggest a child consented."
                ),
            },
        ),
        (
            _("Source, order and visibility"),
            {
                "fields": ("source", "position", "active", "worker_view"),
                "description": _(
                    "Unticking 'active' removes the section and all its indicators from new "
                    "checklists at once; past records and statistics keep them."
                ),
            },
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(indicator_total=Count("indicators"))

    @admin.display(description=_("indicators"), ordering="indicator_total")
    def indicator_count(self, obj: Section) -> int:
        return obj.indicator_total

    @admin.display(description=_("worker's view"))
    def worker_view(self, obj: Section) -> str:
        if obj.pk is None:
            return "-"
        return worker_link(f"#section-{obj.slug}", shown=obj.active)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "content-transfer/",
                view(admin_transfer.content_transfer_view),
                {"model_admin": self},
                name="screening_content_transfer",
            ),
            path(
                "content-transfer/export.json",
                view(admin_transfer.content_export_view),
                name="screening_content_export",
            ),
            *super().get_urls(),
        ]


@admin.register(Indicator)
class IndicatorAdmin(ContentAdmin):
    kept_by = (
        UsageAnswer,
        "indicator_version__indicator",
        _("{item}: offered to workers, so past checklists may use it"),
    )
    list_display = (
        "text",
        "section",
        "core",
        "position",
        "active",
        "wording_version",
        "worker_view",
    )
    list_editable = ("core", "position", "active")
    list_filter = ("active", "core", "section")
    list_select_related = ("section", "current_version")
    search_fields = ("slug", "source", *in_every_language("text", "help", "guidance"))
    readonly_fields = ("worker_view", "wording_versions")
    fieldsets = (
        (
            None,
            {
                "fields": ("section", "text", "slug", "help", "guidance"),
                "description": _(
                    "One thing a worker can see or learn without questioning the child, in one "
                    "plain sentence. Changing the English wording makes a new version: past "
                    "records keep the wording that was answered, and statistics show both. "
                    "To fix a typo in another language, no new version is made."
                ),
            },
        ),
        (
            _("Source, order and visibility"),
            {
                "fields": (
                    "source",
                    "core",
                    "position",
                    "active",
                    "worker_view",
                    "wording_versions",
                ),
                "description": _(
                    "Unticking 'active' removes the indicator from new checklists at once. "
                    "It stays in history and statistics. Indicators that past checklists "
                    "answered cannot be deleted."
                ),
            },
        ),
    )

    @admin.display(description=_("version"), ordering="current_version__number")
    def wording_version(self, obj: Indicator) -> str:
        return f"v{obj.current_version.number}" if obj.current_version else "-"

    @admin.display(description=_("worker's view"))
    def worker_view(self, obj: Indicator) -> str:
        if obj.pk is None:
            return "-"
        return worker_link(f"#indicator-{obj.slug}", shown=obj.active and obj.section.active)

    @admin.display(description=_("wordings answered so far"))
    def wording_versions(self, obj: Indicator) -> str:
        if obj.pk is None:
            return "-"
        versions = obj.versions.order_by("-number")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>v{}: {} ({})</li>",
                ((v.number, v.text, v.created_at.date()) for v in versions),
            ),
        )

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Wordings nobody answered go with their indicator; editors may not delete them alone.
        perms_needed.discard(str(IndicatorVersion._meta.verbose_name))
        return deleted, counts, perms_needed, protected


@admin.register(IndicatorVersion)
class IndicatorVersionAdmin(admin.ModelAdmin):
    """Every wording an indicator has had; made by saving the indicator, never edited here."""

    list_display = ("text", "number", "indicator_slug", "is_current", "created_at")
    list_filter = ("indicator__section",)
    list_select_related = ("indicator",)
    search_fields = ("text", "indicator__slug")
    readonly_fields = ("indicator", "number", "text", "created_at")

    @admin.display(description=_("indicator"), ordering="indicator__slug")
    def indicator_slug(self, obj: IndicatorVersion) -> str:
        return obj.indicator.slug

    @admin.display(description=_("current wording"), boolean=True)
    def is_current(self, obj: IndicatorVersion) -> bool:
        return obj.indicator.current_version_id == obj.pk

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- guidance -----------------------------------------------------------------------------


@admin.register(Guidance)
class GuidanceAdmin(ContentAdmin):
    list_display = ("title", "slug", "position", "on_result", "active", "worker_view")
    list_editable = ("position", "on_result", "active")
    list_filter = ("active", "on_result")
    search_fields = ("slug", "source", *in_every_language("title", "body"))
    readonly_fields = ("worker_view",)
    fieldsets = (
        (
            None,
            {
                "fields": ("title", "slug", "body"),
                "description": _(
                    "What a worker should do, and why: the child is a victim, never an "
                    "offender. Plain words, short sentences, one idea per paragraph."
                ),
            },
        ),
        (
            _("Source, order and visibility"),
            {"fields": ("source", "position", "on_result", "active", "worker_view")},
        ),
    )

    @admin.display(description=_("worker's view"))
    def worker_view(self, obj: Guidance) -> str:
        if obj.pk is None:
            return "-"
        return worker_link(f"#guidance-{obj.slug}", shown=obj.active, page="screening:guidance")


@admin.register(StepText)
class StepTextAdmin(ContentAdmin):
    """The words of the next steps; the rules pick them by code, so none is added or deleted."""

    list_display = ("title", "code", "guidance")
    search_fields = ("code", *in_every_language("title", "body"))
    readonly_fields = ("code",)
    fieldsets = (
        (
            None,
            {
                "fields": ("code", "title", "body", "guidance"),
                "description": _(
                    "What the result tells a worker to do. The next-step rules choose which "
                    "steps fit the case by code; you choose the words. Keep it to two or "
                    "three short sentences, and say each thing once: a step's guidance is "
                    "linked from it, not repeated on the result."
                ),
            },
        ),
    )

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def warn_of_missing_kinds(request) -> None:
    """Tell editors which regions lack a kind of contact that the next steps send workers to."""
    lacking = regions_lacking_kinds()
    if lacking:
        labels = dict(ContactKind.choices)
        messages.warning(
            request,
            format_html(
                "{} {}",
                _("Some regions lack a kind of contact the next steps name:"),
                format_html_join(
                    "; ",
                    "{}: {}",
                    (
                        (region, ", ".join(str(labels[kind]) for kind in kinds))
                        for region, kinds in lacking
                    ),
                ),
            ),
        )
