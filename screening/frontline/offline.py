"""Reading without signal, and paper: the service worker, the app manifest, the printable checklist.

The service worker keeps only the pages listed in OFFLINE_PAGES (and the static files they
use); everything else, above all the result and anything sent, goes to the network untouched
and is never stored on the phone.
"""

import hashlib
import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, quote_etag
from django.utils.translation import get_language, get_language_bidi, gettext, pgettext
from django.views.decorators.http import require_safe

from screening.choices import AgeBand, ContactKind, Setting
from screening.content.steps import DANGER_STEPS
from screening.frontline.forms import (
    ANSWER_CHOICES,
    RegionChoiceForm,
    checklist_items,
    version_field_name,
)
from screening.frontline.regions import (
    COUNTRY_KEY,
    REGION_KEY,
    Place,
    active_regions,
    default_place,
    frontline,
)
from screening.frontline.result import contacts_serving, emergency_contacts
from screening.frontline.rules import exported_rules, order_contacts
from screening.frontline.views import checklist_sections
from screening.models import Country, PracticeCase, StepText, current_content_version
from screening.web.rendered import cached_content

THEME_COLOUR = "#0b4f6c"

# URL names of the pages kept for offline reading, and those of them that do not show the
# emergency numbers themselves, so the worker adds them when it serves a saved copy.
OFFLINE_PAGES = (
    "screening:start",
    "screening:guidance",
    "screening:contacts",
    "screening:checklist",
    "screening:checklist_print",
)
NEEDS_EMERGENCY_NUMBERS = ("screening:guidance", "screening:checklist")

# Files every saved page may need; the worker also keeps what each saved page links to.
OFFLINE_STATIC = (
    "screening/site.css",
    "screening/print.css",
    "screening/print.js",
    "screening/paper.css",
    "screening/sw-register.js",
    "screening/icons/icon.svg",
    "screening/icons/icon-192.png",
    "screening/icons/icon-512.png",
    "screening/icons/apple-touch-icon.png",
)


def offline_steps(place: Place) -> dict:
    """What the phone needs to work out the next steps of a checklist it cannot send."""
    signs = {
        version_field_name(item.version_id): [item.slug, section.slug]
        for section in checklist_items(checklist_sections())
        for item in section.indicators
    }
    texts = {step.code: {"title": step.title, "body": step.body} for step in StepText.objects.all()}
    contacts: dict[str, list[dict]] = {}
    for contact in contacts_serving(place.region, country=place.country, with_regions=False):
        if contact.phone_list:
            contacts.setdefault(contact.kind, []).append(
                {"name": contact.name, "phones": contact.phone_list[:2]}
            )
    return {
        "signs": signs,
        "stepTexts": texts,
        "contactsByKind": {kind: found[:2] for kind, found in contacts.items()},
        "dangerSteps": sorted(DANGER_STEPS),
    }


def paper_sections() -> dict:
    """The paper checklist in the phone's order: the core set first, then each section's rest."""
    sections = list(checklist_sections())
    for section in sections:
        section.more = [i for i in section.indicators.all() if not i.core]
    core = [i for section in sections for i in section.indicators.all() if i.core]
    return {"core": core, "sections": sections}


def kept_place(request: HttpRequest) -> Place:
    """The place kept in the session (or the default), without writing anything."""
    regions = active_regions()
    code = request.session.get(REGION_KEY, "")
    region = next((r for r in regions if r.code == code), None) if code else None
    if region is not None:
        return Place(region, region.country)
    country = Country.objects.active().filter(code=request.session.get(COUNTRY_KEY, "")).first()
    return Place(None, country) if country is not None else default_place(regions)


def can_read_pages(request: HttpRequest) -> bool:
    return settings.SCREENING_ALLOW_ANONYMOUS or request.user.is_authenticated


def offline_text() -> dict[str, str]:
    """Return the worker's sentences, in the active language; {date} is filled in on the phone."""
    return {
        "offline": gettext("You are offline."),
        "unavailable": gettext("The service is not answering right now."),
        "slow": gettext("The connection is too slow right now."),
        "saved": gettext("This is the copy saved on this phone on %(date)s.") % {"date": "{date}"},
        "notSaved": gettext("You are offline and this page was not saved on this phone yet."),
        "notSentTitle": gettext("Your checklist could not be sent"),
        "practice": gettext("Practice"),
        "practiceBanner": gettext(
            "An invented case, not a real child. Nothing you answer here is recorded."
        ),
        "practiceNotSent": gettext(
            "There is no connection, so this practice case could not be sent. Nothing was "
            "kept. You can read the case and the guidance, and send it when you have a "
            "connection."
        ),
        "reportNotSent": gettext(
            "There is no connection, so your report that this number did not work was not "
            "sent, and nothing was kept. Try another number for the same kind of help."
        ),
        "offlineStepsBody": gettext(
            "There is no connection, so nothing was sent and nothing was kept, on this phone or "
            "anywhere. These next steps were worked out on this phone from what it saved."
        ),
        "nextSteps": gettext("What to do next"),
        "whoToContact": gettext("Who to contact"),
        "call": gettext("Call"),
        "notDiagnosis": gettext(
            "This is not a diagnosis: signs raise concern, and no checklist can rule "
            "trafficking out."
        ),
        "notSentBody": gettext(
            "There is no connection, so the checklist was not sent. Your answers were not "
            "kept on this phone and nothing will be sent later. Fill it in again when you "
            "have a connection, or use the paper checklist."
        ),
        "guidance": gettext("Read the guidance"),
        "start": gettext("Back to the start page"),
    }


def practice_pages() -> list[str]:
    slugs = PracticeCase.objects.active().values_list("slug", flat=True)
    return [
        reverse("screening:practice"),
        *(reverse("screening:practice_case", args=[slug]) for slug in slugs),
    ]


def worker_config(request: HttpRequest) -> dict:
    """Everything the service worker script needs, for this worker's language and region."""
    place = kept_place(request)
    readable = can_read_pages(request)
    # The cache name changes with the content, the language, the region and sign-in, so a
    # change to any of them makes the phone fetch a fresh set and delete the old one.
    key = ".".join(
        [
            str(current_content_version()),
            get_language(),
            place.code or "-",
            "in" if readable else "out",
        ]
    )
    # Signed out, every page but the start page answers with the sign-in page: asking for them
    # would only spend the worker's data. They are saved when the signed-in worker comes back.
    pages = [reverse(name) for name in OFFLINE_PAGES] if readable else [reverse("screening:start")]
    if readable:
        # Practice cases too, for training where there is no signal; sending one still needs
        # a connection (the worker says so), and nothing of it is ever kept on the phone.
        pages += cached_content(request, "practice-pages", practice_pages)
    emergency_html = render_to_string(
        "screening/includes/offline_emergency.html",
        {
            "emergency_contacts": emergency_contacts(place.region, country=place.country),
            "region": place.region,
        },
    )
    shell = render_to_string(
        "screening/offline_shell.html",
        {"site_css": static("screening/site.css")},
    )
    return {
        "cache": f"rr-{key}",
        "networkWaitMs": settings.SCREENING_OFFLINE_WAIT_SECONDS * 1000,
        "lang": get_language(),
        "pages": pages,
        "emergencyOn": [reverse(name) for name in NEEDS_EMERGENCY_NUMBERS],
        "checklist": reverse("screening:checklist"),
        "report": reverse("screening:report_number"),
        "practice": reverse("screening:practice"),
        "notSentPage": reverse("screening:guidance"),
        "start": reverse("screening:start"),
        # Only the site's own files; the admin's never.
        "staticPrefix": f"{settings.STATIC_URL}screening/",
        "static": [reverse("screening:manifest"), *(static(path) for path in OFFLINE_STATIC)],
        "emergencyHtml": emergency_html,
        # For a checklist sent without signal: the rules (the server's own, as data), what each
        # answer field means to them, and the words and contacts they may pick.
        "rulesScript": static("screening/rules.js"),
        "rules": exported_rules() if readable else None,
        # Content, the same for every worker of this place: read once per content version and
        # language, not on each visit (every page asks for /sw.js again).
        **(
            cached_content(request, f"offline-steps:{place.code}", lambda: offline_steps(place))
            if readable
            else {}
        ),
        "shell": shell,
        "text": offline_text(),
    }


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    config = json.dumps(worker_config(request), ensure_ascii=False, sort_keys=True)
    body = render_to_string("screening/sw.js", {"config": config})
    # The browser checks this script on each visit; unchanged bytes answer 304, and changed
    # bytes (a new content version, say) install the new worker.
    etag = quote_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    icons = [
        {"src": static("screening/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("screening/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("screening/icons/icon-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
        {"src": static("screening/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    data = {
        "name": gettext("Recognise & Refer"),
        "short_name": pgettext("home screen label, at most 12 letters", "R&R"),
        "description": gettext(
            "Notice the signs that a child may have been trafficked, and refer them."
        ),
        "lang": get_language(),
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": reverse("screening:start"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    response = JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


@frontline
@require_safe
def checklist_print(request: HttpRequest) -> HttpResponse:
    """The blank checklist on paper; it reads the region but keeps nothing, not even that."""
    place = kept_place(request)
    data = request.GET if "region" in request.GET else {"region": ""}
    region_form = RegionChoiceForm(data, regions=active_regions())
    region = region_form.cleaned_data["region"] if region_form.is_valid() else None
    if region is not None:
        place = Place(region, region.country)
    contacts = order_contacts(
        contacts_serving(place.region, country=place.country), emergency_first=True
    )
    context = {
        "region_form": region_form,
        "region": region,
        **paper_sections(),
        "answers": [label for _value, label in ANSWER_CHOICES],
        "settings": Setting.choices,
        "age_bands": AgeBand.choices,
        "emergency_contacts": [c for c in contacts if c.kind == ContactKind.EMERGENCY],
        "other_contacts": [c for c in contacts if c.kind != ContactKind.EMERGENCY],
    }
    return render(request, "screening/checklist_print.html", context)
