"""The admin of where workers are: countries and their regions."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from screening.content.admin import ContentAdmin, in_every_language, warn_of_missing_kinds
from screening.models import (
    Country,
    Region,
    UsageRecord,
)


@admin.register(Country)
class CountryAdmin(ContentAdmin):
    kept_by = (Region, "country", _("{item}: has regions"))
    list_display = ("name", "code", "position", "active")
    list_editable = ("position", "active")
    list_filter = ("active",)
    search_fields = ("code", *in_every_language("name"))
    fieldsets = (
        (
            None,
            {
                "fields": ("name", "code"),
                "description": _(
                    "A worker chooses the country first, then, if they want, the region. "
                    "Contacts that list no region serve the whole country."
                ),
            },
        ),
        (_("Order and visibility"), {"fields": ("position", "active")}),
    )


@admin.register(Region)
class RegionAdmin(ContentAdmin):
    kept_by = (
        UsageRecord,
        "region",
        _("{item}: offered to workers, so past checklists may use it"),
    )
    list_display = ("name", "code", "country", "position", "active")
    list_select_related = ("country",)

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            warn_of_missing_kinds(request)
        return super().changelist_view(request, extra_context)

    list_editable = ("position", "active")
    list_filter = ("active", "country")
    search_fields = ("code", *in_every_language("name"))
    fieldsets = (
        (
            None,
            {
                "fields": ("name", "code", "country"),
                "description": _(
                    "Regions let a worker see the local contacts first. Give the name in "
                    "every language workers use; English is shown where a translation is missing."
                ),
            },
        ),
        (_("Order and visibility"), {"fields": ("position", "active")}),
    )
