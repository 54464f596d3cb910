"""What the result page shows for one checklist: steps, the contacts they name, what was noted.

The rules themselves are in screening.frontline.rules; this module fetches the content they pick
(step texts, contacts) for the worker's region and shapes it for the page.
"""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from screening.choices import AgeBand, Answer, ContactKind, Setting
from screening.content.steps import DANGER_STEPS, STEP_KINDS
from screening.frontline.rules import (
    contacts_for_steps,
    kinds_needed,
    missing_kinds,
    next_steps,
    order_contacts,
    what_was_noted,
)
from screening.models import (
    Country,
    Guidance,
    IndicatorVersion,
    Region,
    StepText,
    SupportContact,
    serving,
)

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def default_region() -> Region | None:
    """The deployment's default region (SCREENING_DEFAULT_REGION), if it names an active one."""
    code = settings.SCREENING_DEFAULT_REGION
    return Region.objects.active().filter(code=code).first() if code else None


def contacts_serving(
    region: Region | None, *, country: Country | None = None, with_regions: bool = True
) -> list[SupportContact]:
    """Active contacts for a page a worker acts from: never several countries' at once.

    With a region, its own contacts, its country's and those that serve everyone; with only a
    country, the country's and everyone's; with neither, only those that serve everyone.
    """
    contacts = SupportContact.objects.active().filter(serving(region, country)).distinct()
    if with_regions:
        contacts = contacts.prefetch_related("regions")
    return order_contacts(contacts, emergency_first=True)


def emergency_contacts(
    region: Region | None, *, country: Country | None = None
) -> list[SupportContact]:
    """The emergency numbers for the region or country, best checked first."""
    contacts = contacts_serving(region, country=country, with_regions=False)
    return [c for c in contacts if c.kind == ContactKind.EMERGENCY]


def serves(contact: SupportContact, region: Region) -> bool:
    """serving() for one contact whose regions are already loaded."""
    served = contact.regions.all()
    if served:
        return region in served
    return contact.country_id is None or contact.country_id == region.country_id


def first_emergency_by_region(regions: Iterable[Region]) -> dict[str, SupportContact]:
    """Each region's first emergency contact with a phone: the best-checked one serving it.

    Two queries whatever the number of regions; the checklist's Call button switches to the
    region the worker picks.
    """
    contacts = order_contacts(
        SupportContact.objects.active()
        .filter(kind=ContactKind.EMERGENCY)
        .exclude(phones="")
        .prefetch_related("regions"),
        emergency_first=True,
    )
    first: dict[str, SupportContact] = {}
    for region in regions:
        for contact in contacts:
            if serves(contact, region):
                first[region.code] = contact
                break
    return first


@dataclass
class Plan:
    """The steps chosen for one case and the contacts they name, for one region."""

    codes: list[str]
    contacts: list[SupportContact]
    missing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def kinds_shown(self) -> list[str]:
        return sorted({contact.kind for contact in self.contacts})


def plan(
    *,
    region: Region | None,
    country: Country | None = None,
    immediate_danger: str,
    age_band: str,
    setting: str,
    yes: Collection[tuple[str, str]],
    not_sure: Collection[tuple[str, str]],
    available: list[SupportContact] | None = None,
) -> Plan:
    """Choose the steps for the case and the contacts of every kind they name.

    available: contacts_serving(region), when the caller holds it already (from a cache).
    """
    noted = what_was_noted(yes=yes, not_sure=not_sure)
    codes = next_steps(
        immediate_danger=immediate_danger,
        age_band=age_band,
        setting=setting,
        noted_yes=len(yes),
        noted_not_sure=len(not_sure),
        adult_noted=noted.adult,
        images_noted=noted.images,
        movement_noted=noted.movement,
        offence_noted=noted.offence,
        sexual_exploitation_noted=noted.sexual_exploitation,
    )
    if available is None:
        available = contacts_serving(region, country=country)
    contacts = contacts_for_steps(available, kinds=kinds_needed(codes))
    # A kind the region lacks is said once, at the first step that names it.
    missing: dict[str, list[str]] = {}
    said: set[str] = set()
    for code in codes:
        named = STEP_KINDS.get(code, ())
        lacking = [kind for kind in missing_kinds(available, kinds=named) if kind not in said]
        if lacking:
            missing[code] = lacking
            said.update(lacking)
    return Plan(codes=codes, contacts=contacts, missing=missing)


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text or "") if part.strip()]


def without_seen(text: str, seen: set[str]) -> str:
    """Drop the sentences of text already shown on the page; remember the rest as shown."""
    kept = []
    for sentence in sentences(text):
        key = " ".join(sentence.lower().split())
        if key not in seen:
            seen.add(key)
            kept.append(sentence)
    return " ".join(kept)


def counts_line(*, yes: int, not_sure: int) -> str:
    """Say how many signs were noted and how many were not sure, with plurals: '3 signs noted'."""
    if yes == 0 and not_sure == 0:
        return _("No sign noted.")
    signs = ngettext("%(count)d sign noted", "%(count)d signs noted", yes) % {"count": yes}
    if not not_sure:
        return _("%(signs)s.") % {"signs": signs}
    unsure = ngettext("%(count)d not sure", "%(count)d not sure", not_sure) % {"count": not_sure}
    return _("%(signs)s, %(unsure)s.") % {"signs": signs, "unsure": unsure}


def result_context(
    *,
    saved: dict,
    region: Region | None,
    groups: list[dict],
    country: Country | None = None,
    default: bool = False,
) -> dict:
    """Everything the result page shows, in the order it shows it.

    region and country: the worker's place (default: it is the deployment's default region).
    """
    acting_region = region
    items = [item for group in groups for item in group["items"]]
    yes = [item for item in items if item["answer"] == Answer.YES]
    not_sure = [item for item in items if item["answer"] != Answer.YES]
    chosen = plan(
        region=acting_region,
        country=country,
        immediate_danger=saved["immediate_danger"],
        age_band=saved["age_band"],
        setting=saved["setting"],
        yes=[(i["slug"], i["section_slug"]) for i in yes],
        not_sure=[(i["slug"], i["section_slug"]) for i in not_sure],
    )
    texts = {
        step.code: step
        for step in StepText.objects.select_related("guidance").filter(code__in=chosen.codes)
    }
    kinds = dict(ContactKind.choices)
    seen: set[str] = set()
    danger = None
    steps = []
    linked: set[int] = set()
    for code in chosen.codes:
        text = texts.get(code)
        if text is None:
            continue
        guidance = text.guidance if text.guidance and text.guidance.active else None
        step = {
            "code": code,
            "title": text.title,
            "body": without_seen(text.body, seen),
            "missing": [kinds[kind] for kind in chosen.missing.get(code, [])],
            "guidance": guidance if guidance and guidance.pk not in linked else None,
        }
        if guidance:
            linked.add(guidance.pk)
        if code in DANGER_STEPS:
            danger = step
        else:
            steps.append(step)
    # The Call button: the best-checked emergency number, in the editors' order.
    danger_contacts = order_contacts(
        [c for c in chosen.contacts if c.kind == ContactKind.EMERGENCY], emergency_first=True
    )
    for item in items:
        item["guidance"] = without_seen(item["guidance"], seen)
    more = [g for g in Guidance.objects.active().filter(on_result=True) if g.pk not in linked]
    return {
        "danger": danger,
        "danger_is_sure": saved["immediate_danger"] == Answer.YES,
        "danger_contacts": danger_contacts[:1],
        "steps": steps,
        "contacts": [c for c in chosen.contacts if c not in danger_contacts[:1]],
        # Without danger, the first number the steps name, near the top: a long result still
        # has a number to call on its first screens.
        "first_call": None if danger else next((c for c in chosen.contacts if c.phone_list), None),
        "region": acting_region,
        "acting_country": country,
        "region_is_default": default,
        "counts": counts_line(yes=len(yes), not_sure=len(not_sure)),
        "yes_items": yes,
        "not_sure_items": not_sure,
        "more_guidance": more,
    }


def encounter_labels(setting: str, age_band: str) -> dict[str, str]:
    """The words for where the child was met and how old they seem, or "" when unknown."""
    return {
        "setting_label": Setting(setting).label if setting in Setting.values else "",
        "age_label": AgeBand(age_band).label if age_band in AgeBand.values else "",
    }


def noted_by_section(noted: dict[str, str]) -> list[dict]:
    """Group the noted indicator versions under their sections, in checklist order."""
    ids = [int(vid) for vid in noted if vid.isdigit()]
    versions = IndicatorVersion.objects.filter(id__in=ids).select_related("indicator__section")
    ordered = sorted(
        versions,
        key=lambda v: (
            v.indicator.section.position,
            v.indicator.section_id,
            v.indicator.position,
            v.indicator_id,
        ),
    )
    groups: list[dict] = []
    for version in ordered:
        indicator = version.indicator
        # Show the wording that was answered, even if an editor has changed it since.
        text = indicator.text if indicator.current_version_id == version.id else version.text
        item = {
            "text": text,
            "answer": noted[str(version.id)],
            "guidance": indicator.guidance,
            "indicator": indicator,
            "slug": indicator.slug,
            "section_slug": indicator.section.slug,
        }
        if groups and groups[-1]["section"].pk == indicator.section_id:
            groups[-1]["items"].append(item)
        else:
            groups.append({"section": indicator.section, "items": [item]})
    return groups
