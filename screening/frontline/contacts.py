"""The contacts a worker calls: by place, every country's emergency numbers, and the report
that a number did not work."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from screening.choices import ContactKind, ContactScope
from screening.frontline.forms import NumberReportForm
from screening.frontline.regions import (
    Place,
    active_countries,
    active_regions,
    frontline,
    place_context,
    region_page,
)
from screening.frontline.result import serves
from screening.frontline.rules import order_contacts
from screening.frontline.views import content_context, unchecked_translation
from screening.models import ContactReport, SupportContact
from screening.web.rendered import cached_content, cached_page, cached_regions, lazy_list

# Contacts this session has reported, so a report counts once per contact per session.
REPORTED_KEY = "reported_numbers"


@frontline
@require_safe
def contacts(request: HttpRequest) -> HttpResponse:
    regions = cached_regions(request, active_regions)
    chosen, place = place_context(request, regions)

    def context(marks: dict) -> dict:
        groups = lazy_list(lambda: contact_groups(place, chosen["countries"]))
        return {
            **chosen,
            "groups": groups,
            "translation_unchecked": unchecked_translation(
                lambda: [c for group in groups for c in group["contacts"]]
            ),
            **content_context(request),
        }

    return region_page(
        request, "screening/contacts.html", page="contacts", context=context, place=place
    )


def contact_groups(place: Place, countries: list) -> list[dict]:
    """Contacts grouped by country, the worker's place first, then the ones for everyone.

    With a place: its own contacts (its region's and its country's), then for every other
    country only its national emergency numbers and child helplines, so a worker near a
    border finds the next country's numbers without a long page; last, the contacts that
    serve everyone (online reporting). Without a place, the same less the first group.
    """
    contacts = list(
        SupportContact.objects.active().select_related("country").prefetch_related("regions")
    )
    groups = []
    everyone = [c for c in contacts if c.country_id is None and not c.regions.all()]
    if place.known:
        own = [c for c in contacts if serves_place(c, place) and c not in everyone]
        groups.append(
            {
                "country": place.country,
                "region": place.region,
                "contacts": order_contacts(own, emergency_first=True),
                "own": True,
            }
        )
    essential = {ContactKind.EMERGENCY, ContactKind.CHILD_HELPLINE}
    for country in countries:
        if place.known and country.pk == place.country.pk:
            continue
        # Numbers for the whole country (112 lists the states it runs in), not one province's.
        listed = [
            c
            for c in contacts
            if c.kind in essential
            and c.country_id == country.pk
            and (c.scope == ContactScope.NATIONAL or not c.regions.all())
        ]
        if listed:
            groups.append(
                {
                    "country": country,
                    "region": None,
                    "contacts": order_contacts(listed, emergency_first=True),
                    "own": False,
                }
            )
    if everyone:
        groups.append(
            {
                "country": None,
                "region": None,
                "contacts": order_contacts(everyone, emergency_first=True),
                "own": False,
            }
        )
    return groups


def serves_place(contact: SupportContact, place: Place) -> bool:
    if place.region is not None:
        return serves(contact, place.region)
    return not contact.regions.all() and contact.country_id in (None, place.country.pk)


@require_safe
def numbers(request: HttpRequest) -> HttpResponse:
    """Every country's emergency numbers and child helplines, signed in or not: one tap from
    the start page for a worker who has not signed in, or whose place is not known."""

    def context(marks: dict) -> dict:
        countries = cached_content(request, "countries", active_countries)
        groups = lazy_list(lambda: contact_groups(Place(), countries))
        return {
            "groups": groups,
            "translation_unchecked": unchecked_translation(
                lambda: [c for group in groups for c in group["contacts"]]
            ),
        }

    return cached_page(request, "screening/numbers.html", page="numbers", context=context)


@never_cache
@require_POST
def report_number(request: HttpRequest) -> HttpResponse:
    """ "This number did not work": keeps the contact, the day and the reason, nothing else.

    One report per contact per session; the worker is told it was received either way.
    """
    form = NumberReportForm(request.POST)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("screening:contacts")
    if not form.is_valid():
        messages.error(request, _("The report could not be sent. Choose one of the reasons."))
        return redirect(back)
    contact = form.cleaned_data["contact"]
    reported = request.session.get(REPORTED_KEY, [])
    if contact.pk not in reported:
        ContactReport.objects.create(
            contact=contact, day=timezone.localdate(), reason=form.cleaned_data["reason"]
        )
        request.session[REPORTED_KEY] = [*reported, contact.pk][-200:]
    messages.success(
        request,
        _(
            "Thank you. The editors will check this number. Until they do, it stays listed: "
            "try another number for the same kind of help."
        ),
    )
    return redirect(back)
