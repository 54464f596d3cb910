"""The frontline pages: start, checklist, result, leave, guidance, contacts."""

import json
import logging
import secrets

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from screening.choices import Answer
from screening.content import reviews
from screening.frontline import drafts
from screening.frontline.forms import ChecklistForm, checklist_items
from screening.frontline.recording import record_usage
from screening.frontline.regions import (
    RESULT_KEY,
    Place,
    active_countries,
    active_regions,
    chosen_place,
    frontline,
    place_context,
    region_page,
    remember_region,
    remembered_place,
    saved_place,
)
from screening.frontline.result import (
    contacts_serving,
    emergency_contacts,
    encounter_labels,
    first_emergency_by_region,
    noted_by_section,
    plan,
    result_context,
)
from screening.models import (
    Guidance,
    Indicator,
    Section,
)
from screening.web.rendered import (
    cached_content,
    cached_page,
    cached_regions,
    lazy_list,
    request_content_version,
)

logger = logging.getLogger(__name__)

TOKEN_KEY = "checklist_token"
# The practice pages' session keys (screening/frontline/practice.py, which imports this module).
PRACTICE_KEYS = ("practice_result", "practice_token")


def unchecked_translation(*groups) -> bool:
    """Say whether the page shows content translated but not yet checked by a native speaker.

    A group may be a callable that loads it, so an English page (nothing to check) reads no
    content that a cache already holds.
    """
    language = get_language()
    if language not in reviews.TRANSLATION_LANGUAGES:
        return False
    objects = [obj for group in groups for obj in (group() if callable(group) else group)]
    return reviews.page_needs_note(objects, language=language)


def shown_content() -> list:
    """The sections and indicators of the checklist, for the translation note."""
    sections = checklist_sections()
    return [*sections, *(i for section in sections for i in section.indicators.all())]


def content_context(request: HttpRequest) -> dict:
    """What a `{% cache %}` block of content is keyed on (screening/web/rendered.py)."""
    return {"content_version": request_content_version(request)}


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    regions = cached_regions(request, active_regions)
    chosen, place = place_context(request, regions)

    def context(marks: dict) -> dict:
        emergency = lazy_list(lambda: emergency_contacts(place.region, country=place.country))
        return {
            **chosen,
            "emergency_contacts": emergency,
            "translation_unchecked": unchecked_translation(emergency),
            **content_context(request),
        }

    return region_page(request, "screening/start.html", page="start", context=context, place=place)


def checklist_sections():
    indicators = (
        Indicator.objects.active().filter(current_version__isnull=False).order_by("position", "id")
    )
    return Section.objects.active().prefetch_related(Prefetch("indicators", queryset=indicators))


def new_token(request: HttpRequest) -> str:
    token = secrets.token_urlsafe(24)
    request.session[TOKEN_KEY] = token
    return token


@never_cache
@frontline
# No HEAD: a GET may make the one-time token, and a HEAD must not spend the open form's.
@require_http_methods(["GET", "POST"])
def checklist(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        regions = cached_regions(request, active_regions)
        countries = cached_content(request, "countries", active_countries)
        # A country or region chosen on this page (the question before the form) is kept.
        _form, place = chosen_place(request, regions, countries)
        draft = request.session.get(drafts.DRAFT_KEY)
        if draft:
            # Answers kept from before a detour or an ended session: this worker's page only.
            token = request.session.get(TOKEN_KEY) or new_token(request)
            form = ChecklistForm(
                initial={**draft, "token": token},
                sections=cached_content(
                    request, "checklist", lambda: checklist_items(checklist_sections())
                ),
                regions=regions,
                emergency=emergency_contacts(place.region, country=place.country),
                emergency_by_region=first_emergency_by_region(regions),
            )
            return render(
                request,
                "screening/checklist.html",
                {
                    "form": form,
                    "place": place,
                    "countries": countries,
                    "kept": True,
                    "translation_unchecked": unchecked_translation(shown_content),
                },
            )

        def context(marks: dict) -> dict:
            # The blank form, rendered with placeholders for the tokens (screening/web/rendered.py).
            form = ChecklistForm(
                initial={
                    "token": marks["token"],
                    "region": place.region.code if place.region and not place.default else "",
                },
                sections=checklist_items(checklist_sections()),
                regions=regions,
                emergency=emergency_contacts(place.region, country=place.country),
                emergency_by_region=first_emergency_by_region(regions),
            )
            return {
                "form": form,
                "place": place,
                "countries": countries,
                "translation_unchecked": unchecked_translation(shown_content),
            }

        return cached_page(
            request,
            "screening/checklist.html",
            page="checklist",
            vary=(place.code,),
            context=context,
            tokens={"token": request.session.get(TOKEN_KEY) or new_token(request)},
        )
    # What the form is built from is content, read once per content version.
    regions = cached_regions(request, active_regions)
    countries = cached_content(request, "countries", active_countries)
    sections = cached_content(request, "checklist", lambda: checklist_items(checklist_sections()))
    by_code = {region.code: region for region in regions}
    region = by_code.get(request.POST.get("region", ""))
    acting = (
        Place(region, region.country) if region else remembered_place(request, regions, countries)
    )
    form = ChecklistForm(
        request.POST,
        sections=sections,
        regions=regions,
        emergency=cached_content(
            request,
            f"emergency:{acting.code}",
            lambda: (
                emergency_contacts(acting.region, country=acting.country) if acting.known else []
            ),
        ),
        emergency_by_region=cached_content(
            request, "first-emergency", lambda: first_emergency_by_region(regions)
        ),
    )
    form.acting = acting
    if form.is_valid():
        outcome = submit_checklist(request, form)
        if outcome is not None:
            return outcome
    # A rejected form keeps its answers but gets a fresh token for the next try.
    data = request.POST.copy()
    data["token"] = request.session.get(TOKEN_KEY) or new_token(request)
    form.data = data
    return render(
        request,
        "screening/checklist.html",
        {
            "form": form,
            "place": acting,
            "countries": countries,
            "translation_unchecked": unchecked_translation(shown_content),
        },
    )


def submit_checklist(request: HttpRequest, form: ChecklistForm) -> HttpResponse | None:
    """Save the record and remember the result in the session; None means show the form again."""
    data = form.cleaned_data
    token = data["token"]
    previous = request.session.get(RESULT_KEY)
    if previous and previous.get("token") == token:
        # The same form sent twice (double click, back and resend): one record only.
        return redirect("screening:result")
    if token != request.session.get(TOKEN_KEY):
        form.add_error(
            None,
            _(
                "Your session ended or the form was sent from an old page. "
                "Check your answers and send again."
            ),
        )
        return None
    region = data["region"]
    immediate_danger = data["immediate_danger"]
    answers = form.answers()
    slugs = form.slugs_by_version()
    acting = form.acting
    chosen = plan(
        region=acting.region,
        country=acting.country,
        immediate_danger=immediate_danger,
        age_band=data["age_band"],
        setting=data["setting"],
        yes=[slugs[vid] for vid, answer in answers.items() if answer == Answer.YES],
        not_sure=[slugs[vid] for vid, answer in answers.items() if answer == Answer.NOT_SURE],
        available=cached_content(
            request,
            f"serving:{acting.code}",
            lambda: contacts_serving(acting.region, country=acting.country),
        ),
    )
    record_usage(
        token=token,
        answers=answers,
        region_id=region.pk if region else None,
        setting=data["setting"],
        age_band=data["age_band"],
        immediate_danger=immediate_danger == Answer.YES,
        contact_kinds=chosen.kinds_shown,
    )
    # Stored even when record_usage found the token spent: a racing twin request must not
    # leave the session without the result it already saved.
    request.session[RESULT_KEY] = {
        "token": token,
        "immediate_danger": immediate_danger,
        "region": region.code if region else "",
        "country": acting.country.code if acting.country and not acting.default else "",
        "setting": data["setting"],
        "age_band": data["age_band"],
        "answered": len(answers),
        "noted": {str(vid): answer for vid, answer in answers.items() if answer != Answer.NO},
    }
    remember_region(request, region)
    request.session.pop(TOKEN_KEY, None)
    drafts.forget_draft(request)
    return redirect("screening:result")


def result_page_context(saved: dict, place: Place, countries: list, *also_shown) -> dict:
    """What the result page shows for a saved checklist, real or practice, at a place.

    also_shown: more content on the page (a practice case), for the translation note.
    """
    groups = noted_by_section(saved["noted"])
    context = result_context(
        saved=saved,
        region=place.region,
        country=place.country,
        default=place.default,
        groups=groups,
    )
    context.update(countries=countries, place=place)
    context.update(encounter_labels(saved["setting"], saved["age_band"]))
    context["translation_unchecked"] = unchecked_translation(
        *also_shown,
        [group["section"] for group in groups],
        [item["indicator"] for group in groups for item in group["items"]],
        context["danger_contacts"],
        context["contacts"],
    )
    return context


# A rendered result is kept only briefly: long enough for a worker who goes back to it, not
# a day like the rest of the content.
RESULT_CACHE_SECONDS = 10 * 60


def result_key(saved: dict) -> str:
    """What a result page shows, as a keyed hash: the same answers give the same page.

    Keyed with SECRET_KEY, so the cache key says nothing about the answers; the submission
    token is left out, since the page does not show it.
    """
    shown = {name: value for name, value in saved.items() if name != "token"}
    text = json.dumps(shown, sort_keys=True, separators=(",", ":"))
    return salted_hmac("screening.views.result_key", text, algorithm="sha256").hexdigest()


@never_cache
@frontline
# GET only: a HEAD without a result would leave "There is no result to show" waiting for the
# worker's next page.
@require_GET
def result(request: HttpRequest) -> HttpResponse:
    saved = request.session.get(RESULT_KEY)
    if not saved:
        messages.info(request, _("There is no result to show. Start a new checklist."))
        return redirect("screening:checklist")
    regions = cached_regions(request, active_regions)
    countries = cached_content(request, "countries", active_countries)
    # The place the checklist was sent from, or the one chosen on the result itself (in
    # place: choose_place updates the saved result), else the remembered one.
    place = saved_place(saved, regions, countries) or remembered_place(request, regions, countries)

    def context(marks: dict) -> dict:
        return result_page_context(saved, place, countries)

    return cached_page(
        request,
        "screening/result.html",
        page="result",
        vary=(result_key(saved), place.code),
        context=context,
        timeout=RESULT_CACHE_SECONDS,
    )


@never_cache
@require_POST
def finish(request: HttpRequest) -> HttpResponse:
    if request.POST.get("practice"):
        # A practice result is cleared alone: a real checklist open elsewhere keeps its own.
        for key in PRACTICE_KEYS:
            request.session.pop(key, None)
        messages.success(request, _("The practice result has been cleared."))
        return redirect("screening:practice")
    request.session.pop(RESULT_KEY, None)
    request.session.pop(TOKEN_KEY, None)
    drafts.forget_draft(request)
    for key in PRACTICE_KEYS:
        request.session.pop(key, None)
    messages.success(request, _("The result has been cleared from this device."))
    return redirect("screening:start")


@never_cache
@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    """Clear the answers and the result at once and show a page that says nothing about them."""
    request.session.pop(RESULT_KEY, None)
    request.session.pop(TOKEN_KEY, None)
    drafts.forget_draft(request)
    for key in PRACTICE_KEYS:
        request.session.pop(key, None)
    return redirect("screening:neutral")


@require_safe
def neutral(request: HttpRequest) -> HttpResponse:
    """A plain search page with nothing of this app on it, for whoever looks at the screen."""
    return render(request, "screening/neutral.html", {"query": request.GET.get("q", "")[:100]})


@frontline
@require_safe
def guidance(request: HttpRequest) -> HttpResponse:
    def context(marks: dict) -> dict:
        guidance_list = lazy_list(Guidance.objects.active)
        return {
            "guidance": guidance_list,
            "translation_unchecked": unchecked_translation(guidance_list),
            **content_context(request),
        }

    return cached_page(request, "screening/guidance.html", page="guidance", context=context)
