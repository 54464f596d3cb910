"""Who may use the frontline pages, and the worker's region: chosen, remembered, read back."""

import functools

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from screening.frontline.forms import RegionChoiceForm
from screening.models import AccountPreference, Region

REGION_KEY = "region"


def frontline(view):
    """Require a signed-in user of any role, unless the deployment allows anonymous use."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (settings.SCREENING_ALLOW_ANONYMOUS or request.user.is_authenticated):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def active_regions() -> list[Region]:
    return list(Region.objects.active())


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
    if request.user.is_authenticated:
        AccountPreference.objects.update_or_create(user=request.user, defaults={"region": region})


def chosen_region(
    request: HttpRequest, regions: list[Region]
) -> tuple[RegionChoiceForm, Region | None]:
    """Read the region from ?region=, falling back to the one remembered for this worker."""
    asked = "region" in request.GET
    data = request.GET if asked else {"region": remembered_region_code(request)}
    form = RegionChoiceForm(data, regions=regions)
    if form.is_valid():
        region = form.cleaned_data["region"]
        if asked:
            remember_region(request, region)
        return form, region
    return form, None
