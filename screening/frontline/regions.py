"""Who may use the frontline pages, and where the worker is: chosen, remembered, read back.

A worker's place is a region (which belongs to a country), or a country alone when they have
not chosen a region, or nothing yet. It comes from, in order: what they choose now (?region=
or ?country=), their region (this session, else their account), the country they chose in
this session, the deployment's default region (SCREENING_DEFAULT_REGION). With none of those,
the pages ask for the country first, so that no page is without an emergency number.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from screening.frontline import drafts
from screening.frontline.forms import RegionChoiceForm
from screening.models import AccountPreference, Country, Region
from screening.web.rendered import cached_content, cached_page

REGION_KEY = "region"
COUNTRY_KEY = "country"
# The result of the checklist just sent, kept in the session until Finish or Leave.
RESULT_KEY = "checklist_result"


def frontline(view):
    """Require a signed-in user of any role, unless the deployment allows anonymous use."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (settings.SCREENING_ALLOW_ANONYMOUS or request.user.is_authenticated):
            if request.method == "POST" and request.resolver_match.url_name == "checklist":
                return drafts.expired_send(request)
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def active_regions() -> list[Region]:
    """Regions a worker can choose, with their country: those of active countries."""
    return list(
        Region.objects.active()
        .filter(country__active=True)
        .select_related("country")
        .order_by("country__position", "country__name", "position", "name")
    )


def active_countries() -> list[Country]:
    return list(Country.objects.active())


@dataclass(frozen=True)
class Place:
    """Where the worker is, as far as they told: a region, or only a country, or nothing."""

    region: Region | None = None
    country: Country | None = None
    # True when it is the deployment's default, not the worker's own choice.
    default: bool = False

    @property
    def code(self) -> str:
        """What pages and content are cached on: the region, else the country."""
        if self.region is not None:
            return self.region.code
        return f"country:{self.country.code}" if self.country is not None else ""

    @property
    def known(self) -> bool:
        return self.country is not None


def default_place(regions: list[Region]) -> Place:
    code = settings.SCREENING_DEFAULT_REGION
    region = next((each for each in regions if each.code == code), None) if code else None
    return Place(region, region.country, default=True) if region else Place()


def place_from_address(
    request: HttpRequest, regions: list[Region], countries: list[Country]
) -> Place | None:
    """A place named in the address (?region= or ?country=), for this page only.

    Nothing is written: a link from elsewhere must not change where the worker is. Choosing
    is a POST (choose_place).
    """
    if request.GET.get("region"):
        region = next((r for r in regions if r.code == request.GET["region"]), None)
        if region is not None:
            return Place(region, region.country)
    if request.GET.get("country"):
        country = next((c for c in countries if c.code == request.GET["country"]), None)
        if country is not None:
            return Place(None, country)
    return None


def place_form(place: Place, regions: list[Region]) -> RegionChoiceForm:
    data = {"region": place.region.code if place.region else ""}
    form = RegionChoiceForm(data, regions=regions, country=place.country)
    form.is_valid()
    return form


def chosen_place(
    request: HttpRequest, regions: list[Region], countries: list[Country]
) -> tuple[RegionChoiceForm, Place]:
    """The worker's place: the one the address names for this page, else the remembered one."""
    place = place_from_address(request, regions, countries) or remembered_place(
        request, regions, countries
    )
    return place_form(place, regions), place


def remembered_place(
    request: HttpRequest, regions: list[Region], countries: list[Country]
) -> Place:
    """The place remembered for this worker, without reading a choice from the address."""
    region = next((r for r in regions if r.code == remembered_region_code(request)), None)
    if region is not None:
        return Place(region, region.country)
    code = request.session.get(COUNTRY_KEY, "")
    country = next((c for c in countries if c.code == code), None) if code else None
    if country is not None:
        return Place(None, country)
    return default_place(regions)


def remember_country(request: HttpRequest, country: Country) -> None:
    """Keep the country chosen without a region, for this session only."""
    if request.session.get(COUNTRY_KEY) != country.code:
        request.session[COUNTRY_KEY] = country.code


def remembered_region_code(request: HttpRequest) -> str:
    """The region this worker chose last: in this session, else on their account."""
    if REGION_KEY in request.session or not request.user.is_authenticated:
        return request.session.get(REGION_KEY, "")
    preference = (
        AccountPreference.objects.filter(user=request.user).select_related("region").first()
    )
    code = preference.region.code if preference and preference.region else ""
    request.session[REGION_KEY] = code
    return code


def remember_region(request: HttpRequest, region: Region | None) -> None:
    """Keep the worker's region for this session and, when signed in, on their account."""
    code = region.code if region else ""
    # Only a change is written, so an anonymous visit to / creates no session row.
    if request.session.get(REGION_KEY, "") == code and REGION_KEY in request.session:
        return
    if not code and REGION_KEY not in request.session and not request.user.is_authenticated:
        return
    request.session[REGION_KEY] = code
    if region is not None:
        request.session[COUNTRY_KEY] = region.country.code
    if request.user.is_authenticated:
        AccountPreference.objects.update_or_create(user=request.user, defaults={"region": region})


def region_page(
    request: HttpRequest, template: str, *, page: str, context, place: Place
) -> HttpResponse:
    """A page showing one place's contacts, cached per place (screening/web/rendered.py).

    A place named in the address (?region= or ?country=) is shown on this page only, rendered
    whole; otherwise the remembered place picks the cached page.
    """
    if request.GET.get("region") or request.GET.get("country"):
        return render(request, template, context({}))
    return cached_page(request, template, page=page, vary=(place.code,), context=context)


def place_context(request: HttpRequest, regions: list[Region]) -> tuple[dict, Place]:
    """The place form and what the page knows of the worker's place, for the templates."""
    countries = cached_content(request, "countries", active_countries)
    region_form, place = chosen_place(request, regions, countries)
    return {
        "region_form": region_form,
        "place": place,
        "countries": countries,
        "region": None if place.default else place.region,
        "acting_region": place.region,
        "acting_country": place.country,
    }, place


def saved_place(saved: dict, regions: list[Region], countries: list) -> Place | None:
    """The place the checklist was sent from, if the worker had chosen one."""
    region = next((r for r in regions if r.code == saved.get("region")), None)
    if region is not None:
        return Place(region, region.country)
    country = next((c for c in countries if c.code == saved.get("country")), None)
    return Place(None, country) if country is not None else None


@require_POST
def choose_place(request: HttpRequest) -> HttpResponse:
    """Choose the country or the region, kept for this session (and a region on the account),
    then back to the page it was chosen on. A POST, so no link from elsewhere can change it."""
    regions = active_regions()
    countries = active_countries()
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("screening:start")
    code = request.POST.get("region", "")
    region = next((r for r in regions if r.code == code), None) if code else None
    country = next((c for c in countries if c.code == request.POST.get("country", "")), None)
    if region is not None:
        remember_region(request, region)
    elif country is not None:
        current = next((r for r in regions if r.code == remembered_region_code(request)), None)
        if current is not None and current.country_id != country.pk:
            remember_region(request, None)  # a region of another country no longer applies
        remember_country(request, country)
    elif "region" in request.POST and not code:
        remember_region(request, None)  # "All of" the country: the country stays
    else:
        messages.error(request, _("Choose a country or a region from the list."))
        return redirect(back)
    saved = request.session.get(RESULT_KEY)
    if saved:
        # A result being read follows the choice, in place: the result stays.
        chosen = region.code if region else ""
        where = region.country.code if region else (country.code if country else "")
        request.session[RESULT_KEY] = {**saved, "region": chosen, "country": where}
    return redirect(back)
