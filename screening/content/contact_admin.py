"""The support contacts' admin: verification, and the regions each contact serves."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from screening.choices import ReportReason, Verification
from screening.content.admin import (
    ContentAdmin,
    in_every_language,
    warn_of_missing_kinds,
    worker_link,
)
from screening.models import SupportContact, clean_phone_numbers


class VerificationFilter(admin.SimpleListFilter):
    """The lists an editor works through: due, never checked, reported by workers."""

    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return (
            ("due", _("Due: never checked, or past the day to check again")),
            ("never", _("Never checked")),
            ("reported", _("Reported by workers as not working")),
            ("current", _("Checked and not yet due")),
        )

    def queryset(self, request, queryset):
        today = timezone.localdate()
        never = Q(verification=Verification.NOT_CHECKED) | Q(last_verified__isnull=True)
        match self.value():
            case "due":
                return queryset.filter(never | Q(recheck_due__lte=today))
            case "never":
                return queryset.filter(never)
            case "reported":
                return queryset.filter(reports__isnull=False).distinct()
            case "current":
                return queryset.exclude(never).exclude(recheck_due__lte=today)
        return queryset


class SupportContactForm(forms.ModelForm):
    def clean_phones(self) -> str:
        return "\n".join(clean_phone_numbers(self.cleaned_data["phones"].splitlines()))

    def clean_last_verified(self):
        day = self.cleaned_data["last_verified"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(
                _("The day it was checked cannot be in the future. Enter the day you checked.")
            )
        return day

    def clean(self):
        cleaned = super().clean()
        checked = cleaned.get("verification") not in (None, Verification.NOT_CHECKED)
        if checked and not cleaned.get("last_verified") and "last_verified" not in self.errors:
            self.add_error("last_verified", _("Enter the day it was checked."))
        return cleaned


@admin.register(SupportContact)
class SupportContactAdmin(ContentAdmin):
    form = SupportContactForm
    list_display = (
        "name",
        "kind",
        "scope",
        "phone_numbers",
        "checked",
        "report_count",
        "position",
        "active",
    )
    list_editable = ("position", "active")
    list_filter = (VerificationFilter, "verification", "kind", "scope", "country", "active")
    search_fields = (
        "phones",
        "email",
        "website",
        "languages",
        "source",
        "editor_notes",
        *in_every_language("name", "notes"),
    )
    filter_horizontal = ("regions",)
    actions = ["mark_verified_today"]
    readonly_fields = ("worker_view", "reports_summary")
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
            {"fields": ("hours", "open_24_7", "languages", "country", "regions", "notes")},
        ),
        (
            _("Verification"),
            {
                "fields": (
                    "verification",
                    "last_verified",
                    "verified_by",
                    "recheck_due",
                    "source",
                    "editor_notes",
                    "reports_summary",
                ),
                "description": _(
                    "Call the number or check it against an official source, then record how, "
                    "when and by whom. Workers see 'checked' with the day, or 'not checked by "
                    "phone', beside the number. It is due again 6 months later unless you set "
                    "another day."
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

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(reported=Count("reports", distinct=True))

    @admin.display(description=_("checked"), ordering="last_verified")
    def checked(self, obj: SupportContact) -> str:
        if not obj.checked:
            return format_html("<strong>{}</strong>", _("Not checked"))
        due = obj.recheck_due and obj.recheck_due <= timezone.localdate()
        text = _("%(how)s, %(day)s") % {
            "how": obj.get_verification_display(),
            "day": obj.last_verified,
        }
        return (
            format_html("<strong>{}</strong>", _("Due: %(text)s") % {"text": text}) if due else text
        )

    @admin.display(description=_("reports"), ordering="reported")
    def report_count(self, obj: SupportContact) -> int:
        return obj.reported

    @admin.display(description=_("reports from workers"))
    def reports_summary(self, obj: SupportContact) -> str:
        if obj.pk is None:
            return "-"
        counts = obj.reports.values("reason").annotate(total=Count("id")).order_by("reason")
        labels = dict(ReportReason.choices)
        rows = [(labels.get(row["reason"], row["reason"]), row["total"]) for row in counts]
        if not rows:
            return _("None")
        return format_html_join(", ", "{}: {}", rows)

    @admin.display(description=_("worker's view"))
    def worker_view(self, obj: SupportContact) -> str:
        if obj.pk is None:
            return "-"
        return worker_link("", shown=obj.active, page="screening:contacts")

    @admin.action(
        description=_("Record that my organisation called the selected contacts today"),
        permissions=["change"],
    )
    def mark_verified_today(self, request, queryset):
        today = timezone.localdate()
        for contact in queryset:
            contact.verification = Verification.CALLED
            contact.last_verified = today
            contact.recheck_due = None  # counted again from today
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
