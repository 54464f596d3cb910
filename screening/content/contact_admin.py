"""The support contacts' admin: verification, and the regions each contact serves."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from screening.content.admin import (
    ContentAdmin,
    in_every_language,
    warn_of_missing_kinds,
    worker_link,
)
from screening.models import (
    SupportContact,
    clean_phone_numbers,
)

# --- support contacts ---------------------------------------------------------------------


def a_year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


class VerificationFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return (
            ("due", _("Due: never verified or not in the last 12 months")),
            ("never", _("Never verified")),
            ("old", _("Verified more than 12 months ago")),
            ("recent", _("Verified in the last 12 months")),
        )

    def queryset(self, request, queryset):
        cutoff = a_year_before(timezone.localdate())
        match self.value():
            case "due":
                return queryset.filter(Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff))
            case "never":
                return queryset.filter(last_verified__isnull=True)
            case "old":
                return queryset.filter(last_verified__lt=cutoff)
            case "recent":
                return queryset.filter(last_verified__gte=cutoff)
        return queryset


class SupportContactForm(forms.ModelForm):
    def clean_phones(self) -> str:
        return "\n".join(clean_phone_numbers(self.cleaned_data["phones"].splitlines()))

    def clean_last_verified(self):
        day = self.cleaned_data["last_verified"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(
                _("The verification date cannot be in the future. Enter the day you checked.")
            )
        return day


@admin.register(SupportContact)
class SupportContactAdmin(ContentAdmin):
    form = SupportContactForm
    list_display = (
        "name",
        "kind",
        "scope",
        "phone_numbers",
        "verification",
        "position",
        "active",
    )
    list_editable = ("position", "active")
    list_filter = (VerificationFilter, "is_example", "kind", "scope", "active", "regions")
    search_fields = (
        "phones",
        "email",
        "website",
        "languages",
        *in_every_language("name", "notes"),
    )
    filter_horizontal = ("regions",)
    actions = ["mark_verified_today"]
    readonly_fields = ("worker_view",)
    fieldsets = (
        (
            None,
            {
                "fields": ("name", "kind", "scope", "phones", "email", "website"),
                "description": _(
                    "Real numbers save lives and wrong ones cost them. Give at least one way "
                    "to reach the service, exactly as a worker would dial or type it."
                ),
            },
        ),
        (
            _("When, where and in which languages"),
            {"fields": ("hours", "open_24_7", "languages", "regions", "notes")},
        ),
        (
            _("Verification"),
            {
                "fields": ("is_example", "last_verified"),
                "description": _(
                    "Call or check the contact, then record the day here. Example contacts "
                    "are shown to workers as 'example: verify before use' until a "
                    "verification date is recorded. Check every contact at least once a year."
                ),
            },
        ),
        (_("Order and visibility"), {"fields": ("position", "active", "worker_view")}),
    )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history builds the revert form from the contact as it is now, so the regions
        # would stay as they are; start the form from the regions that version had.
        version = self.model.history.filter(id=object_id, history_id=version_id).first()
        if version is not None:
            request.reverted_regions = [row.region_id for row in version.regions.all()]
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        regions = getattr(request, "reverted_regions", None)
        if regions is None:
            return form

        class RevertForm(form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, **form_kwargs)
                self.initial["regions"] = regions

        return RevertForm

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "website":
            kwargs["assume_scheme"] = "https"
            kwargs["error_messages"] = {
                "invalid": _(
                    "Enter the full web address, for example https://www.example.org/help."
                )
            }
        elif db_field.name == "email":
            kwargs["error_messages"] = {
                "invalid": _("Enter an email address such as help@example.org, or leave it empty.")
            }
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            warn_of_missing_kinds(request)
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("phones"))
    def phone_numbers(self, obj: SupportContact) -> str:
        return ", ".join(obj.phone_list) or "-"

    @admin.display(description=_("verification"), ordering="last_verified")
    def verification(self, obj: SupportContact) -> str:
        if obj.needs_verification:
            return format_html("<strong>{}</strong>", _("Example: verify before use"))
        if obj.last_verified is None:
            return _("Never verified")
        if obj.last_verified < a_year_before(timezone.localdate()):
            return format_html(
                "<strong>{}</strong>",
                _("Verified %(day)s: over 12 months ago") % {"day": obj.last_verified},
            )
        return _("Verified %(day)s") % {"day": obj.last_verified}

    @admin.display(description=_("worker's view"))
    def worker_view(self, obj: SupportContact) -> str:
        if obj.pk is None:
            return "-"
        return worker_link("", shown=obj.active, page="screening:contacts")

    @admin.action(
        description=_("Record that I verified the selected contacts today"),
        permissions=["change"],
    )
    def mark_verified_today(self, request, queryset):
        today = timezone.localdate()
        for contact in queryset:
            contact.last_verified = today
            contact._change_reason = "Verified"
            contact.save()
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d contact marked as verified today.",
                "%(count)d contacts marked as verified today.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
