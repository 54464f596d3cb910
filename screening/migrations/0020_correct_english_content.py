"""Correct the shipped English content before it is translated (issue #8, first part).

- Each claim is cited to a source that makes it. Rafferty (2016), whose abstract names the
  harm of wrongful arrest for prostitution-related offences and illegal border crossing, is no
  longer cited for signs it does not contain; ECPAT International (2001) and the Luxembourg
  Guidelines are no longer cited for claims they do not make. Where none of the available
  sources makes a claim, the source says that it is the app's own summary. Basson, ECPAT UK
  and Greenbaum are cited with author, year (where the source has one) and title.
- Two phrasings that made the child the actor are rewritten in victim-centred words.
- Three signs merged into others become their own indicators: out at night with adults;
  poverty apart from being out of school; substance use apart from health.
- Every section introduction is one or two sentences.

Only rows that still hold the wording 0003 shipped are changed, so an editor's own wording on
a deployment is left alone; the reverse likewise restores only fields that still hold this
migration's wording. An indicator whose English text changes gets a new version the way
Indicator.save() does it (the historical models here have no custom save), and each changed or
created row gets a history entry, as 0004 gave the shipped rows their first one.
"""

import importlib

from django.db import migrations
from django.utils import timezone

SHIPPED = importlib.import_module("screening.migrations.0003_default_content")

RAFFERTY = SHIPPED.RAFFERTY
ECPAT_2001 = SHIPPED.ECPAT_2001
PROTOCOL = SHIPPED.PROTOCOL
PRINCIPLES = SHIPPED.PRINCIPLES
COE = SHIPPED.COE
UNICEF = SHIPPED.UNICEF
LUXEMBOURG = SHIPPED.LUXEMBOURG
HEADING_NOTE = SHIPPED.HEADING_NOTE
BASSON = (
    "Basson, D. (2018). Validation of the Commercial Sexual Exploitation-Identification Tool "
    "(CSE-IT). Society for Social Work and Research conference paper; WestCoast Children's "
    "Clinic"
)
RIGBY = (
    "Rigby, P. (2011). Separated and trafficked children: the challenges for child "
    "protection professionals. Child Abuse Review, 20(5), 324–340"
)
ECPAT_UK_IDENTIFIED = (
    "ECPAT UK (web page, no date given), 'How are children identified as trafficked in the UK?'"
)
ECPAT_UK_AGE = (
    "ECPAT UK (web page, no date given), 'What challenges do child victims face once "
    "identified?', on age assessment"
)
GREENBAUM_FIRST = (
    "Greenbaum, V. J., Dodd, M., & McCracken, C. (2018). A short screening tool to identify "
    "victims of child sex trafficking in the health care setting. Pediatric Emergency Care"
)
GREENBAUM_MULTISITE = (
    "Greenbaum, V. J., Livings, M. S., Lai, B. S., et al. (2018). Evaluation of a tool to "
    "identify child sex trafficking victims in multiple healthcare settings. Journal of "
    "Adolescent Health, 63(6), 745–752"
)
OWN = "app's own summary of common practice guidance; not from the cited studies"
OWN_ONLY = "App's own summary of common practice guidance; not from the cited studies."

REASON = "Corrected English before translation (issue #8)"

SECTIONS = {
    "hidden": {
        "source": (
            f"Framing (a situational challenge to identification): {RAFFERTY}. {HEADING_NOTE} "
            f"Demand for sexual services linked to tourism: {ECPAT_2001}. The places and "
            f"moves described: {OWN}."
        ),
    },
    "seen-as-offender": {
        "intro": (
            "Many frontline staff have no tools, training or clear steps for spotting these "
            "children, so the signs are missed. The child is then treated as an offender, or "
            "as someone who broke immigration law, instead of as a victim."
        ),
        "source": (
            f"Framing, and the harm done to children wrongly arrested for prostitution-related "
            f"offences or illegal border crossing: {RAFFERTY}. {HEADING_NOTE} "
            f"Professionals lack tools and training; agencies lack consistent data: {BASSON}. "
            f"Non-punishment: {PRINCIPLES}; {COE}, article 26."
        ),
    },
    "control-and-fear": {
        "source": (
            f"Framing (a situational challenge): {RAFFERTY}. {HEADING_NOTE} "
            f"The child's fear, and ongoing contact with traffickers, make identification "
            f"hard: {RIGBY}. Officials and others around the child taking part: {OWN}."
        ),
    },
    "disclosure": {
        "intro": (
            "Most children do not say what is happening to them, and many do not see "
            "themselves as victims. They may be afraid, ashamed, in debt, attached to an "
            "exploiter or told what to say."
        ),
        "source": (
            f"Framing (a child-related challenge): {RAFFERTY}. {HEADING_NOTE} "
            f"Most trafficked young people do not recognise their own exploitation: {BASSON}. "
            f"Accounts are often confused or contradictory because the child is scared or "
            f"coached: {ECPAT_UK_IDENTIFIED}."
        ),
    },
    "age": {
        "source": (
            f"Framing (a child-related challenge): {RAFFERTY}. {HEADING_NOTE} "
            f"Missing or false documents, and children told to say they are adults: "
            f"{ECPAT_UK_AGE}. Presumption of age: {COE}, article 10(3); {UNICEF}."
        ),
    },
    "exploitation": {
        "intro": (
            "Exploitation usually happens behind closed doors, and money or gifts can make it "
            "look like the child's choice. A child cannot consent to being exploited."
        ),
        "source": (
            f"Exploitation as an element of trafficking: {ECPAT_2001}. A child cannot "
            f"consent: {PROTOCOL}(c)–(d). Words: {LUXEMBOURG}. Money or gifts making it look "
            f"like a choice: {OWN}."
        ),
    },
    "vulnerability": {
        "intro": (
            "Poverty, violence, family break-up and discrimination push children to leave "
            "home, and the hope of work pulls them to cities and tourist areas. These signs "
            "are common and easy to overlook, but they show who is most at risk."
        ),
    },
}

# Changes to indicators that 0003 shipped: only the fields named here change.
INDICATORS = {
    "hidden-venue": {
        "help": (
            "For example a brothel, massage parlour, karaoke or dance bar, guest house or "
            "hotel. Or the child is seen going in and out of such places with adults."
        ),
        "source": (
            f"Children exploited in prostitution and sold to local clients and to travellers: "
            f"{ECPAT_2001}. The places listed: {OWN}."
        ),
    },
    "hidden-lives-at-work": {"source": OWN_ONLY, "position": 3},
    "hidden-no-address": {"source": OWN_ONLY, "position": 4},
    "hidden-moved-often": {
        "source": (
            f"Moving a child from their usual place is one element of trafficking: "
            f"{ECPAT_2001}. Being moved often: {OWN}."
        ),
        "position": 5,
    },
    "hidden-online": {
        "source": f"Words: {LUXEMBOURG}. The sign: {OWN}.",
        "position": 6,
    },
    "encounter-prostitution-offence": {
        "help": (
            "For example during a raid on a brothel, hotel or massage parlour, or on the "
            "street. Whatever the charge says, the child may be a victim of exploitation."
        ),
    },
    "encounter-illegal-entry-or-papers": {
        "source": (
            f"Children wrongly arrested for illegal border crossing: {RAFFERTY}. Children "
            f"with false documents: {ECPAT_UK_AGE}. Non-punishment: {PRINCIPLES}; {COE}, "
            f"article 26."
        ),
    },
    "encounter-street-begging-theft": {
        "source": (
            f"Not punishing a child for acts they were made to commit: {PRINCIPLES}. "
            f"The sign: {OWN}."
        ),
    },
    "control-adult-speaks": {
        "source": (
            f"The sign and the advice: {OWN}. The child's fear makes identification hard: {RIGBY}."
        ),
    },
    "control-holds-papers-money": {
        "help": (
            "The child cannot show their own papers because an agent, a boss or another "
            "adult keeps them. Money paid for what the child is made to do goes to someone "
            "else."
        ),
        "source": OWN_ONLY,
    },
    "control-unproven-relative": {"source": OWN_ONLY},
    "control-fear-authorities": {
        "source": (
            f"The child's fear makes identification hard: {RIGBY}. Fear of police, officials "
            f"or being sent away in particular: {OWN}."
        ),
    },
    "control-paid-to-look-away": {"source": OWN_ONLY},
    "disclose-story-does-not-add-up": {
        "source": (
            f"Accounts are often confused or contradictory because the child is scared, "
            f"traumatised or coached: {ECPAT_UK_IDENTIFIED}."
        ),
    },
    "disclose-fearful": {
        "source": (
            f"Children may be traumatised and scared: {ECPAT_UK_IDENTIFIED}; {RIGBY}. The "
            f"signs listed: {OWN}."
        ),
    },
    "disclose-debt-or-threats": {"source": OWN_ONLY},
    "disclose-loyal-to-exploiter": {
        "source": (
            f"Ongoing contact with traffickers: {RIGBY}. Loyalty to an older 'boyfriend' or "
            f"'employer': {OWN}."
        ),
    },
    "disclose-health": {
        "help": (
            "Bruises, burns or cuts. A sexually transmitted infection or a pregnancy. Untreated "
            "illness, great tiredness or hunger."
        ),
        "source": (
            f"Sexually transmitted infections, reproductive history and past violence set "
            f"victims apart from other young people in one study: {GREENBAUM_FIRST}. The "
            f"signs listed: {OWN}."
        ),
    },
    "disclose-ownership-marks": {"source": OWN_ONLY, "position": 7},
    "disclose-not-a-victim": {
        "source": (
            f"Most trafficked young people do not recognise their own exploitation: {BASSON}. "
            f"A child cannot consent: {PROTOCOL}(c)–(d)."
        ),
        "position": 8,
    },
    "age-no-document": {
        "source": (
            f"Many trafficked children have no documents or false ones: {ECPAT_UK_AGE}. "
            f"Presumption of age: {COE}, article 10(3); {UNICEF}."
        ),
    },
    "age-looks-younger": {
        "source": (
            f"Judging age by appearance is unreliable: {ECPAT_UK_AGE}. Presumption of age: "
            f"{COE}, article 10(3)."
        ),
    },
    "age-story-does-not-fit": {
        "source": (
            f"Children are told to say they are adults and keep to the story they were given: "
            f"{ECPAT_UK_AGE}. Presumption of age: {UNICEF}."
        ),
    },
    "move-recent-arrival": {
        "source": (
            f"Movement from the child's usual place to a new one is one element of "
            f"trafficking: {ECPAT_2001}. The signs listed: {OWN}."
        ),
    },
    "move-brought-by-other": {
        "source": (
            f"Moving or receiving a child for exploitation is trafficking: {PROTOCOL}; "
            f"{ECPAT_2001}. The sign: {OWN}."
        ),
    },
    "move-promise": {
        "source": (
            f"Deception as a means of trafficking: {PROTOCOL}(a). The hope of a livelihood "
            f"elsewhere as a pull factor: {ECPAT_2001}. Promises of marriage or school: {OWN}."
        ),
    },
    "move-travel-paid": {"source": OWN_ONLY},
    "move-hidden-travel": {
        "source": (
            f"Children wrongly arrested for illegal border crossing: {RAFFERTY}. Movement as "
            f"one element of trafficking: {ECPAT_2001}. The signs listed: {OWN}."
        ),
    },
    "exploit-unexplained-money": {"source": OWN_ONLY},
    "exploit-sex-for-needs": {
        "text": (
            "The child is sexually exploited in exchange for money, food, a place to sleep, "
            "drugs or protection."
        ),
        "help": (
            "The child or others mention 'clients', 'guests' or 'dates'. Adults are known to "
            "pay for time with the child. Adults give a child on the street food, money or a "
            "place to sleep and sexually exploit the child in return. Each of these is sexual "
            "exploitation of a child."
        ),
        "source": (
            f"Exploiting a child sexually is trafficking whatever the means: {PROTOCOL}(c)–(d). "
            f"Exploitation of children in prostitution: {ECPAT_2001}. Words: {LUXEMBOURG}."
        ),
    },
    "exploit-long-hours": {
        "source": f"Demand for cheap and malleable labour: {ECPAT_2001}. The signs listed: {OWN}.",
    },
    "exploit-images": {
        "source": (
            f"Exploitation of children in pornography: {ECPAT_2001}. Words ('child sexual abuse "
            f"material'): {LUXEMBOURG}. The advice: {OWN}."
        ),
    },
    "vuln-poverty-school": {
        "text": "The child's family is very poor, or the child must earn money for the family.",
        "help": (
            "The family often goes without food or a safe place to live. The child sends money "
            "home, or was sent away to earn."
        ),
        "source": f"Poverty as a push factor: {ECPAT_2001}.",
    },
    "vuln-family-breakup": {
        "source": f"Family break-up as a push factor: {ECPAT_2001}. Loss of a carer: {OWN}.",
        "position": 3,
    },
    "vuln-violence-home": {
        "source": f"Violence as a push factor: {ECPAT_2001}.",
        "position": 4,
    },
    "vuln-street-runaway": {"source": OWN_ONLY, "position": 5},
    "vuln-discrimination": {
        "source": f"Discrimination as a push factor: {ECPAT_2001}. The groups listed: {OWN}.",
        "position": 6,
    },
    "vuln-child-marriage": {"source": OWN_ONLY, "position": 7},
}

NEW_INDICATORS = [
    {
        "section": "hidden",
        "slug": "hidden-out-at-night",
        "position": 2,
        "text": "The child is out late at night with adults who are not family.",
        "help": (
            "In bars, hotels, guest houses, cars or on the street, at hours when a child would "
            "usually be at home. The adults are much older, or are different people on "
            "different nights."
        ),
        "guidance": (
            "Do not confront the adults. Note where and when you saw the child, and with whom, "
            "and tell the police unit or child protection service that deals with trafficking."
        ),
        "source": OWN_ONLY,
    },
    {
        "section": "disclosure",
        "slug": "disclose-substance-use",
        "position": 6,
        "text": "The child seems to use drugs or alcohol.",
        "help": (
            "They seem drunk, high or very sleepy at odd times, or smell of alcohol or glue. "
            "They may say that adults give them drugs or alcohol."
        ),
        "guidance": (
            "Do not punish or lecture the child. Drugs and alcohol can be used to control a "
            "child. Get the child health care, and tell the service you refer to."
        ),
        "source": OWN_ONLY,
    },
    {
        "section": "vulnerability",
        "slug": "vuln-out-of-school",
        "position": 2,
        "text": "The child is out of school, or left school early.",
        "help": (
            "The child never went to school, or stopped going. This can be so even when the "
            "family is not poor."
        ),
        "guidance": "",
        "source": f"Low education as a push factor: {ECPAT_2001}.",
    },
]

GUIDANCE = {
    "images": {
        "body": (
            "Sexual photos or videos of a child are child sexual abuse material. Each time "
            "they are copied or shown, the child is harmed again. Do not keep them as evidence "
            "yourself: the police unit or hotline will tell you what to do.\n\n"
            "- Never copy, forward, download, screenshot or show the images to anyone.\n"
            "- Do not ask the child to show them to you.\n"
            "- Write down where you saw them: which phone, website or app, and when.\n"
            "- Report them to the police unit or the hotline that deals with child sexual abuse "
            "material."
        ),
        "source": (
            f"Words ('child sexual abuse material'): {LUXEMBOURG}. The advice, and the harm of "
            f"copying or showing the images: {OWN}."
        ),
    },
    "safety-first": {
        "source": (
            f"Protecting child victims from the moment they are identified: {UNICEF}. The "
            f"steps listed: {OWN}."
        ),
    },
    "presume-child": {
        "source": (
            f"Presumption of age: {COE}, article 10(3); {UNICEF}. Missing or false documents, "
            f"and children told to say they are adults: {ECPAT_UK_AGE}."
        ),
    },
    "not-a-diagnosis": {
        "source": (
            f"Greenbaum's six-item Short Screen for Child Sex Trafficking. Sensitivity 92%, "
            f"specificity 73% and positive predictive value 51% in a first study of 108 young "
            f"people: {GREENBAUM_FIRST}. Sensitivity 84% and specificity 58% in a 16-site study "
            f"of 810 young people, where 11% were victims, so about 20 of every 100 flagged "
            f"were victims: {GREENBAUM_MULTISITE}."
        ),
    },
}

TRANSLATED = {
    "Section": ("title", "intro"),
    "Indicator": ("text", "help", "guidance"),
    "Guidance": ("title", "body"),
}


def _shipped(model_name: str) -> dict:
    """Return what 0003 wrote for each slug, positions included."""
    if model_name == "Section":
        groups = [SHIPPED.SECTIONS]
    elif model_name == "Guidance":
        groups = [SHIPPED.GUIDANCE]
    else:
        groups = SHIPPED.INDICATORS.values()  # positions count within each section
    shipped = {}
    for group in groups:
        for position, data in enumerate(group, start=1):
            shipped[data["slug"]] = {**data, "position": position}
    return shipped


def _current(obj, model_name: str, field: str):
    # The English column is the one translators and versions follow.
    if field in TRANSLATED[model_name]:
        return getattr(obj, f"{field}_en")
    return getattr(obj, field)


def _assign(obj, model_name: str, field: str, value) -> None:
    setattr(obj, field, value)
    if field in TRANSLATED[model_name]:
        setattr(obj, f"{field}_en", value)


def _record_history(apps, model_name: str, obj, history_type: str, now) -> None:
    model = apps.get_model("screening", model_name)
    historical = apps.get_model("screening", f"Historical{model_name}")
    fields = [f.attname for f in model._meta.concrete_fields]
    historical.objects.create(
        **{field: getattr(obj, field) for field in fields},
        history_date=now,
        history_type=history_type,
        history_change_reason=REASON,
    )


def _point_at_version(IndicatorVersion, indicator) -> None:
    """Do what Indicator.save() does: the current version carries the English text."""
    wording = indicator.text_en or ""
    current = indicator.current_version
    if current is not None and current.text == wording:
        return
    versions = IndicatorVersion.objects.filter(indicator=indicator)
    version = versions.filter(text=wording).order_by("-number").first()
    if version is None:
        last = versions.order_by("-number").values_list("number", flat=True).first()
        version = IndicatorVersion.objects.create(
            indicator=indicator, number=(last or 0) + 1, text=wording
        )
    indicator.current_version = version
    indicator.save(update_fields=["current_version"])


def _apply(apps, changes: dict, model_name: str, *, forward: bool, now) -> list:
    """Move each listed field between its shipped value and its corrected value.

    A field moves only while it still holds the value it is moving from, so an editor's own
    wording is never overwritten in either direction. Returns the rows that changed.
    """
    model = apps.get_model("screening", model_name)
    shipped = _shipped(model_name)
    changed = []
    for obj in model.objects.filter(slug__in=changes):
        moved = False
        for field, corrected in changes[obj.slug].items():
            old, new = shipped[obj.slug][field], corrected
            if not forward:
                old, new = new, old
            if _current(obj, model_name, field) == old and old != new:
                _assign(obj, model_name, field, new)
                moved = True
        if moved:
            obj.save()
            changed.append(obj)
    for obj in changed:
        _record_history(apps, model_name, obj, "~", now)
    return changed


def correct_english(apps, schema_editor):
    Section = apps.get_model("screening", "Section")
    Indicator = apps.get_model("screening", "Indicator")
    IndicatorVersion = apps.get_model("screening", "IndicatorVersion")
    now = timezone.now()

    _apply(apps, SECTIONS, "Section", forward=True, now=now)
    _apply(apps, GUIDANCE, "Guidance", forward=True, now=now)
    for indicator in _apply(apps, INDICATORS, "Indicator", forward=True, now=now):
        _point_at_version(IndicatorVersion, indicator)

    for data in NEW_INDICATORS:
        section = Section.objects.filter(slug=data["section"]).first()
        if section is None or Indicator.objects.filter(slug=data["slug"]).exists():
            continue  # An editor removed the section or already made this sign.
        indicator = Indicator.objects.create(
            section=section,
            slug=data["slug"],
            source=data["source"],
            position=data["position"],
            active=True,
            **SHIPPED._translated(text=data["text"], help=data["help"], guidance=data["guidance"]),
        )
        _point_at_version(IndicatorVersion, indicator)
        _record_history(apps, "Indicator", indicator, "+", now)


def restore_english(apps, schema_editor):
    Indicator = apps.get_model("screening", "Indicator")
    IndicatorVersion = apps.get_model("screening", "IndicatorVersion")
    UsageAnswer = apps.get_model("screening", "UsageAnswer")
    now = timezone.now()

    for data in NEW_INDICATORS:
        indicator = Indicator.objects.filter(slug=data["slug"]).first()
        if indicator is None:
            continue
        if UsageAnswer.objects.filter(indicator_version__indicator=indicator).exists():
            # Answered on a record, so it must stay; hide it from new checklists instead.
            indicator.active = False
            indicator.save(update_fields=["active"])
        else:
            indicator.delete()

    _apply(apps, SECTIONS, "Section", forward=False, now=now)
    _apply(apps, GUIDANCE, "Guidance", forward=False, now=now)
    for indicator in _apply(apps, INDICATORS, "Indicator", forward=False, now=now):
        _point_at_version(IndicatorVersion, indicator)
        # A version this migration made and no record answered goes with the wording.
        IndicatorVersion.objects.filter(
            indicator=indicator, text=INDICATORS[indicator.slug].get("text")
        ).exclude(pk=indicator.current_version_id).filter(answers__isnull=True).delete()

    for model_name in ("Section", "Indicator", "Guidance"):
        historical = apps.get_model("screening", f"Historical{model_name}")
        historical.objects.filter(history_change_reason=REASON).delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0012_researched_contacts")]

    operations = [migrations.RunPython(correct_english, restore_english)]
