"""Practice: the checklist and the result on an invented case, with nothing recorded.

A worker reads a case, fills in the same checklist and sees the same result page, with a
panel saying what an experienced worker would have noted and why. Nothing of it is stored
but the practice result in the worker's own session, until Finish, Leave or the next case:
no usage record, no contact kinds, no dashboard count, no one-time token spent, no region
remembered, no draft kept.
"""

import secrets

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from screening.choices import Answer
from screening.frontline.forms import ChecklistForm, checklist_items
from screening.frontline.regions import (
    Place,
    active_countries,
    active_regions,
    chosen_place,
    frontline,
    place_from_address,
    remembered_place,
    saved_place,
)
from screening.frontline.result import (
    emergency_contacts,
    encounter_labels,
    first_emergency_by_region,
)
from screening.frontline.views import (
    PRACTICE_KEYS,
    checklist_sections,
    result_page_context,
    unchecked_translation,
)
from screening.models import Indicator, PracticeCase
from screening.web.rendered import cached_content, cached_regions

# The practice result and the practice form's token: never the real checklist's keys, so a
# real checklist open in another tab keeps its answers, its token and its result.
PRACTICE_RESULT_KEY, PRACTICE_TOKEN_KEY = PRACTICE_KEYS


def active_cases() -> list[PracticeCase]:
    return list(PracticeCase.objects.active())


def case_or_404(slug: str) -> PracticeCase:
    # Only signs a worker can answer: an active indicator, in an active section, with a wording.
    answerable = Indicator.objects.active().filter(
        section__active=True, current_version__isnull=False
    )
    signs = Prefetch("signs", queryset=answerable.select_related("section"))
    case = PracticeCase.objects.active().filter(slug=slug).prefetch_related(signs).first()
    if case is None:
        raise Http404("No such practice case")
    return case


def practice_token(request: HttpRequest) -> str:
    token = request.session.get(PRACTICE_TOKEN_KEY)
    if not token:
        token = request.session[PRACTICE_TOKEN_KEY] = secrets.token_urlsafe(24)
    return token


@frontline
@require_safe
def practice_list(request: HttpRequest) -> HttpResponse:
    cases = cached_content(request, "practice-cases", active_cases)
    return render(
        request,
        "screening/practice_list.html",
        {
            "practice": True,
            "cases": cases,
            "translation_unchecked": unchecked_translation(cases),
        },
    )


def practice_form(request: HttpRequest, case: PracticeCase, place: Place, data=None):
    regions = cached_regions(request, active_regions)
    form = ChecklistForm(
        data,
        initial={
            "token": practice_token(request),
            "region": place.region.code if place.region and not place.default else "",
        },
        sections=cached_content(
            request, "checklist", lambda: checklist_items(checklist_sections())
        ),
        regions=regions,
        emergency=emergency_contacts(place.region, country=place.country),
        emergency_by_region=first_emergency_by_region(regions),
        practice=case,
        # Sent back to this address, so a country chosen on the page (?country=) holds.
        action=request.get_full_path(),
    )
    return form


def render_case(request, case, form, place, countries, status=200) -> HttpResponse:
    return render(
        request,
        "screening/checklist.html",
        {
            "form": form,
            "place": place,
            "countries": countries,
            "practice": True,
            "case": case,
            **encounter_labels(case.setting, case.age_band),
            "translation_unchecked": unchecked_translation([case]),
        },
        status=status,
    )


@never_cache
@frontline
@require_http_methods(["GET", "POST"])
def practice_case(request: HttpRequest, slug: str) -> HttpResponse:
    case = case_or_404(slug)
    regions = cached_regions(request, active_regions)
    countries = cached_content(request, "countries", active_countries)
    if request.method == "GET":
        _form, place = chosen_place(request, regions, countries)
        return render_case(request, case, practice_form(request, case, place), place, countries)
    by_code = {region.code: region for region in regions}
    region = by_code.get(request.POST.get("region", ""))
    place = (
        Place(region, region.country)
        if region
        else place_from_address(request, regions, countries)
        or remembered_place(request, regions, countries)
    )
    form = practice_form(request, case, place, data=request.POST)
    if not form.is_valid():
        data = request.POST.copy()
        data["token"] = practice_token(request)
        form.data = data
        return render_case(request, case, form, place, countries)
    answers = form.answers()
    slugs = form.slugs_by_version()
    # Only in this worker's session, and only until the practice result is cleared.
    request.session[PRACTICE_RESULT_KEY] = {
        "case": case.slug,
        "immediate_danger": form.cleaned_data["immediate_danger"],
        "region": region.code if region else "",
        "country": place.country.code if place.country and not place.default else "",
        "setting": form.cleaned_data["setting"],
        "age_band": form.cleaned_data["age_band"],
        "answered": len(answers),
        "noted": {str(vid): answer for vid, answer in answers.items() if answer != Answer.NO},
        "by_slug": {slugs[vid][0]: answer for vid, answer in answers.items()},
    }
    return redirect("screening:practice_result", slug=case.slug)


def comparison(case: PracticeCase, saved: dict) -> dict:
    """What an experienced worker would have noted, beside what the worker noted."""
    by_slug = saved.get("by_slug", {})
    expected = sorted(case.signs.all(), key=lambda i: (i.section.position, i.position, i.pk))
    signs = [
        {
            "text": indicator.text,
            "answer": by_slug.get(indicator.slug, ""),
            "noted": by_slug.get(indicator.slug) in (Answer.YES, Answer.NOT_SURE),
        }
        for indicator in expected
    ]
    danger_answer = saved.get("immediate_danger", "")
    flagged = danger_answer in (Answer.YES, Answer.NOT_SURE)
    return {
        "signs": signs,
        "noted_count": sum(1 for sign in signs if sign["noted"]),
        "in_danger": case.in_danger,
        "danger_matches": flagged == case.in_danger,
        "flagged": flagged,
    }


@never_cache
@frontline
@require_GET
def practice_result(request: HttpRequest, slug: str) -> HttpResponse:
    case = case_or_404(slug)
    saved = request.session.get(PRACTICE_RESULT_KEY)
    if not saved or saved.get("case") != case.slug:
        messages.info(request, _("There is no practice result to show. Try the case first."))
        return redirect("screening:practice_case", slug=case.slug)
    regions = cached_regions(request, active_regions)
    countries = cached_content(request, "countries", active_countries)
    # A place chosen on this page is in its address only: practice remembers nothing.
    place = (
        place_from_address(request, regions, countries)
        or saved_place(saved, regions, countries)
        or remembered_place(request, regions, countries)
    )
    context = result_page_context(saved, place, countries, [case])
    context.update(practice=True, case=case, comparison=comparison(case, saved))
    return render(request, "screening/result.html", context)
