"""Every first-level division of the five countries, and the shipped numbers made trustworthy.

A review against public sources (research pass of 2026-12-07, README "Countries, regions and
numbers") found shipped numbers wrong or doubtful. This migration:

- adds every province, division, state and territory of Nepal, Bangladesh, India and Pakistan
  (Thailand: Bangkok), each under its country;
- makes the national contacts serve their whole country instead of a list of regions;
- moves each shipped contact's research note to the editors' notes and its source to the
  source field, so workers read a number, not a researcher's note;
- records how each shipped number was checked: "taken from an official source" where the
  source is the service's own or its government's website, "not checked" otherwise; nobody
  has called any of them, so no worker sees "checked by phone";
- corrects or retires the numbers the review found wrong, and adds the missing ones, each
  with its public source.

Only rows still as shipped are touched (never verified, the shipped research note still in
their notes): an editor's own edits stay. Frozen literals, never read from a file.
"""

import datetime
import importlib
import re
from urllib.parse import urlsplit

from django.db import migrations
from django.db.models import F, Q
from django.utils import timezone

RESEARCHED = importlib.import_module("screening.migrations.0012_researched_contacts")

REASON = "Countries, regions and checked numbers 2026-12-07"
OLD_REVIEW = datetime.date(2026, 11, 25)  # the research pass behind 0012
NEW_REVIEW = datetime.date(2026, 12, 7)  # this one
LANGUAGES = ("en", "ne", "bn", "hi", "th", "ur")

COUNTRIES = [
    ("np", "Nepal"),
    ("bd", "Bangladesh"),
    ("in", "India"),
    ("pk", "Pakistan"),
    ("th", "Thailand"),
]
REGIONS = {
    "np": [
        ("np-koshi", "Koshi Province"),
        ("np-madhesh", "Madhesh Province"),
        ("np-bagmati", "Bagmati Province"),
        ("np-gandaki", "Gandaki Province"),
        ("np-lumbini", "Lumbini Province"),
        ("np-karnali", "Karnali Province"),
        ("np-sudurpashchim", "Sudurpashchim Province"),
    ],
    "bd": [
        ("bd-barishal", "Barishal Division"),
        ("bd-chattogram", "Chattogram Division"),
        ("bd-dhaka", "Dhaka Division"),
        ("bd-khulna", "Khulna Division"),
        ("bd-mymensingh", "Mymensingh Division"),
        ("bd-rajshahi", "Rajshahi Division"),
        ("bd-rangpur", "Rangpur Division"),
        ("bd-sylhet", "Sylhet Division"),
    ],
    "in": [
        ("in-andhra-pradesh", "Andhra Pradesh"),
        ("in-arunachal-pradesh", "Arunachal Pradesh"),
        ("in-assam", "Assam"),
        ("in-bihar", "Bihar"),
        ("in-chhattisgarh", "Chhattisgarh"),
        ("in-goa", "Goa"),
        ("in-gujarat", "Gujarat"),
        ("in-haryana", "Haryana"),
        ("in-himachal-pradesh", "Himachal Pradesh"),
        ("in-jharkhand", "Jharkhand"),
        ("in-karnataka", "Karnataka"),
        ("in-kerala", "Kerala"),
        ("in-madhya-pradesh", "Madhya Pradesh"),
        ("in-maharashtra", "Maharashtra"),
        ("in-manipur", "Manipur"),
        ("in-meghalaya", "Meghalaya"),
        ("in-mizoram", "Mizoram"),
        ("in-nagaland", "Nagaland"),
        ("in-odisha", "Odisha"),
        ("in-punjab", "Punjab"),
        ("in-rajasthan", "Rajasthan"),
        ("in-sikkim", "Sikkim"),
        ("in-tamil-nadu", "Tamil Nadu"),
        ("in-telangana", "Telangana"),
        ("in-tripura", "Tripura"),
        ("in-uttar-pradesh", "Uttar Pradesh"),
        ("in-uttarakhand", "Uttarakhand"),
        ("in-west-bengal", "West Bengal"),
        ("in-andaman-and-nicobar-islands", "Andaman and Nicobar Islands"),
        ("in-chandigarh", "Chandigarh"),
        ("in-dadra-nagar-haveli-daman-diu", "Dadra and Nagar Haveli and Daman and Diu"),
        ("in-delhi", "Delhi"),
        ("in-jammu-and-kashmir", "Jammu and Kashmir"),
        ("in-ladakh", "Ladakh"),
        ("in-lakshadweep", "Lakshadweep"),
        ("in-puducherry", "Puducherry"),
    ],
    "pk": [
        ("pk-punjab", "Punjab"),
        ("pk-sindh", "Sindh"),
        ("pk-khyber-pakhtunkhwa", "Khyber Pakhtunkhwa"),
        ("pk-balochistan", "Balochistan"),
        ("pk-islamabad", "Islamabad Capital Territory"),
        ("pk-gilgit-baltistan", "Gilgit-Baltistan"),
        ("pk-azad-jammu-and-kashmir", "Azad Jammu and Kashmir"),
    ],
    "th": [
        ("th-bangkok", "Bangkok"),
    ],
}

# A source on one of these is the government's own word.
GOVERNMENT = (".gov.np", ".gov.bd", ".gov.in", ".gov.pk", ".go.th")
SHIPPED_NOTE = re.compile(
    r"^(?P<note>.*?)\s*Source: (?P<source>.*?)\.\s*Example shipped with the app"
    r"(?: \(source confidence: (?P<confidence>\w+)\))?\.\s*$",
    re.S,
)

# Shipped contacts the review retires, by English name: why, for the editors.
RETIRE = {
    "Child Helpline International": "Not a helpline: a network of national child helplines. "
    "Each country's own child helpline is listed instead.",
    "Nepal Police anti-trafficking hotline 1177 (Metropolitan Police, Kathmandu)": "Only sources "
    "of 2016-2017 (Himalayan Times; nepalmonitor.org); no current source. Police anti-trafficking "
    "work now sits with the Human Trafficking Investigation Bureau, for which no public number "
    "was found.",
    "Police Cyber Support for Women (Bangladesh Police Headquarters)": "A police cyber unit for "
    "women only: it does not serve children.",
    "Emergency Response Support System 112 (West Bengal)": "Reports of 14-15 January 2026 "
    "(Anandabazar; Biswa Bangla Sangbad) say 112 is 'soon to be launched' in West Bengal; "
    "India's national 112 and 100 contacts replace it (West Bengal gets 100).",
    "Emergency Response Support System 112 (Maharashtra / Mumbai)": "Replaced by India's "
    "national 112 contact, which serves every state where 112 runs.",
    "Child Protection & Welfare Bureau Punjab (CPWB)": "The same number, 1121, as the CPWB child "
    "helpline: listed once.",
    "CPWB child protection centres (residential care)": "Reached through the same number, 1121, "
    "as the CPWB child helpline, which now says so: listed once.",
    "1300 hotline – human trafficking reports (OSCC)": "The same number, 1300, as the Prachabodi "
    "Centre, which takes trafficking reports: listed once.",
    "Madadgaar National Helpline 1098": "Its Lahore, Peshawar and Quetta offices are reported "
    "defunct and no source shows the line running.",
    "Violence Against Women Centre (Punjab Women Protection Authority), Multan – helpline 1043": "",
}
# 1043 is the Punjab Women Helpline of the Punjab Commission on the Status of Women (legal
# advice for women; The Nation, 12 September 2023): not a health service, not for children.
NOT_FOR_CHILDREN = (
    "1043 is the Punjab Women Helpline of the Punjab Commission on the Status of Women (24/7 "
    "legal advice for women; The Nation, 12 Sep 2023), not a health service and not for "
    "children. Punjab has no sourced health contact for a child."
)

# Corrections to shipped contacts, by English name.
CORRECT = {
    "National Legal Aid Services Organisation (NLASO) helpline 16430": {
        "name": "National Legal Aid Services Organisation (NLASO) helpline 16699",
        "phones": "16699",
        "source": "Amader Shomoy, NLASO notice: helpline number changed from 16430 to toll-free "
        "16699 (after September 2025), https://www.amadershomoy.com/national/article/165696/",
        "editor_notes": "16430 was still cited in September 2025 (jagonews24); whether it "
        "forwards to 16699 is not stated. Check by calling.",
    },
    "West Bengal Commission for Protection of Child Rights": {
        "phones": "9830056006\n9836078780",
        "notes": "Messages on WhatsApp: 9836300300.",
        "source": "PTI via LatestLY, 'West Bengal: Child Marriages, Trafficking Continue Amid "
        "Crises; Helpline Launched' (2 June 2020): complaints to 9830056006 or 9836078780; a "
        "WhatsApp helpline 9836300300, https://www.latestly.com/agency-news/india-news-west-"
        "bengal-child-marriages-trafficking-continue-amid-crises-helpline-launched-1796605.html",
        "editor_notes": "9836300300 was shipped as a voice number; it is the WhatsApp line. The "
        "only source is of 2020: confirm on wbcpcr.org.",
    },
    "National Legal Services Authority (NALSA) – free legal aid": {
        "phones": "15100",
        "source": "The New Indian Express, 'India's first NALSA legal aid helpline launched in "
        "Chhattisgarh' (29 February 2020), https://www.newindianexpress.com/nation/2020/feb/29/"
        "indias-first-nalsa-legal-aid-helpline-launched-in-chhattisgarh-2110319.html",
        "editor_notes": "A district legal services notice calls 15100 NALSA's national toll-free "
        "number; hours not stated.",
    },
    "Punjab Police emergency 15": {
        "name": "Police emergency 15 (Pakistan)",
        "scope": "national",
        "country": "pk",
        "regions": [],
        "source": "The News, 'Revamped Madadgar 15 giving significant results' (23 June 2020), "
        "https://www.thenews.com.pk/print/676329-revamped-madadgar-15-giving-significant-"
        "results-says-dig-maqsood-memon",
        "editor_notes": "15 is the police emergency number in every province (Sindh Madadgar-15, "
        "Punjab Safe Cities, Islamabad Pucar-15, UrduPoint 2 December 2024).",
    },
    "Child Helpline 1121 (Child Protection & Welfare Bureau Punjab)": {
        "notes": "The Bureau also runs child protection centres where a child it takes in can "
        "stay.",
    },
    "1300 Prachabodi Social Assistance Centre (Ministry of Social Development and Human "
    "Security)": {
        "notes": "Also takes reports of suspected human trafficking.",
    },
}

# Contacts the review adds: (country, regions or [] for the whole country, kind, English
# name, phones, open 24/7, official source?, source, editors' notes, worker's note).
ADD = [
    (
        "in",
        "not:in-west-bengal",
        "emergency",
        "Emergency Response Support System 112 (India)",
        "112",
        True,
        False,
        "PTI via Business Today, 'Himachal Pradesh becomes first state to implement ERSS' (28 "
        "November 2018), https://www.businesstoday.in/pti-feed/story/himachal-pradesh-becomes-"
        "first-state-to-implement-erss-115121-2018-11-28",
        "Police, fire and ambulance on one number. Serves every state but West Bengal, where "
        "reports of January 2026 say 112 is still to be launched; 100 works there.",
        "",
    ),
    (
        "in",
        "",
        "emergency",
        "Police 100 (India)",
        "100",
        True,
        False,
        "Hindustan Times Bangla, emergency numbers for police, fire and health (April 2022), "
        "https://bangla.hindustantimes.com/bengal/kolkata/emergency-help-line-number-for-the-"
        "assistance-from-police-fire-brigade-and-health-31650202013950.html",
        "100 keeps working for the police where 112 has come in.",
        "",
    ),
    (
        "pk",
        "",
        "child_helpline",
        "Ministry of Human Rights helpline 1099 (Pakistan)",
        "1099",
        True,
        False,
        "The News, 'MoHR helpline receives 1,460,460 calls' (19 April 2024), "
        "https://www.thenews.com.pk/print/1179906-mohr-helpline-receives-1-460-460-calls",
        "Pakistan has no national child helpline in any public source found; 1099 is the "
        "national human-rights helpline, round the clock, and takes missing-child complaints "
        "for the Zainab Alert agency (UrduPoint, 25 February 2025). Provinces with a child "
        "helpline (1121) list it as well.",
        "The national human-rights helpline. It takes reports of child abuse and of missing "
        "children.",
    ),
    (
        "pk",
        "pk-sindh",
        "child_helpline",
        "Sindh Child Protection Authority – Child Helpline 1121",
        "1121",
        False,
        True,
        "Sindh Child Protection Authority, official site, https://scpa.sindh.gov.pk/",
        "A 2019 visit report (naeemsadiq.org) said the line had no budget; current quality "
        "unknown.",
        "",
    ),
    (
        "pk",
        "pk-khyber-pakhtunkhwa",
        "child_helpline",
        "Khyber Pakhtunkhwa Child Protection & Welfare Commission – Child Helpline 1121",
        "1121",
        True,
        False,
        "State of Children, 'KP Launches Dedicated Child Protection Helpline' (29 June 2025), "
        "https://stateofchildren.com/kp-launches-dedicated-child-protection-helpline",
        "Launched 29 June 2025; Business Recorder (13 October 2025) again names it.",
        "",
    ),
    (
        "pk",
        "pk-sindh",
        "emergency",
        "Rescue 1122 (Sindh Emergency Service)",
        "1122",
        True,
        False,
        "UrduPoint/APP, 'Rescue 1122 provides service to 17 districts' (16 May 2023), "
        "https://www.urdupoint.com/en/pakistan/rescue-1122-provides-service-to-17-districts-"
        "1692693.html",
        "Ambulance, fire and rescue, not police; 17 districts including Karachi and Hyderabad "
        "by May 2023, not all of Sindh.",
        "Ambulance, fire and rescue. Not yet in every district.",
    ),
    (
        "pk",
        "pk-khyber-pakhtunkhwa",
        "emergency",
        "Rescue 1122 (Khyber Pakhtunkhwa)",
        "1122",
        False,
        False,
        "UrduPoint/APP, 'KP govt decides to extend Rescue 1122 service' (28 June 2019), "
        "https://www.urdupoint.com/en/pakistan/kp-govt-decides-to-extend-rescue-1122-service-"
        "656440.html",
        "Ambulance, fire and rescue, not police; in many districts (2019), not confirmed "
        "province-wide.",
        "Ambulance, fire and rescue. Not yet in every district.",
    ),
]


def as_shipped(contact) -> bool:
    """Still as a migration shipped it: never verified, the shipped note still in place."""
    return contact.last_verified is None and "Example shipped with the app" in (
        contact.notes_en or ""
    )


def official(source: str, website: str) -> bool:
    """The source is a government site, or the service's own website."""
    found = re.search(r"https?://\S+", source)
    if not found:
        return False
    host = urlsplit(found.group(0).rstrip(".,;)")).hostname or ""
    own = urlsplit(website).hostname or ""
    own = own.removeprefix("www.")
    return host.endswith(GOVERNMENT) or bool(own) and host.removeprefix("www.") == own


def clear_notes(contact, text: str = "") -> None:
    for language in LANGUAGES:
        setattr(contact, f"notes_{language}", text if language == "en" else "")
    contact.notes = text


def record(apps, contact, history_type: str, now) -> None:
    model = apps.get_model("screening", "SupportContact")
    historical = apps.get_model("screening", "HistoricalSupportContact")
    entry = historical.objects.create(
        **{f.attname: getattr(contact, f.attname) for f in model._meta.concrete_fields},
        history_date=now,
        history_type=history_type,
        history_change_reason=REASON,
    )
    through = apps.get_model("screening", "HistoricalSupportContact_regions")
    links = model.regions.through.objects.filter(supportcontact_id=contact.pk)
    through.objects.bulk_create(
        # The historical link keeps the id of the link it copies, as simple-history does.
        through(id=link_id, history=entry, supportcontact_id=contact.pk, region_id=region_id)
        for link_id, region_id in links.values_list("id", "region_id")
    )


def add_regions(apps) -> dict:
    Country = apps.get_model("screening", "Country")
    Region = apps.get_model("screening", "Region")
    countries = {}
    for index, (code, name) in enumerate(COUNTRIES, start=1):
        country, created = Country.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name, "position": index * 10}
        )
        if not created and country.name_en == name:
            country.position = index * 10
            country.save(update_fields=["position"])
        countries[code] = country
    shipped_positions = set(range(1, 7))
    for index, (code, _name) in enumerate(COUNTRIES, start=1):
        for offset, (region_code, name) in enumerate(REGIONS[code], start=1):
            position = index * 100 + offset
            region = Region.objects.filter(code=region_code).first()
            if region is None:
                Region.objects.create(
                    code=region_code,
                    name=name,
                    name_en=name,
                    country=countries[code],
                    position=position,
                )
            elif region.position in shipped_positions:
                region.position = position
                region.save(update_fields=["position"])
    return countries


def fix_contacts(apps, countries: dict, now) -> None:
    Region = apps.get_model("screening", "Region")
    SupportContact = apps.get_model("screening", "SupportContact")
    regions = {region.code: region for region in Region.objects.all()}
    researched = {data["name"]: data for data in RESEARCHED.CONTACTS}
    for contact in SupportContact.objects.prefetch_related("regions").order_by("pk"):
        if not as_shipped(contact):
            continue
        name = contact.name_en
        served = list(contact.regions.all())
        match = SHIPPED_NOTE.match(contact.notes_en)
        note = match.group("note").strip() if match else contact.notes_en.strip()
        source = match.group("source").strip() if match else ""
        data = researched.get(name)
        if data and data["source_date"]:
            source = f"{source} ({data['source_date']})"
        confidence = match.group("confidence") if match else None
        contact.source = source
        contact.editor_notes = (
            f"{note} (Research pass of {OLD_REVIEW:%Y-%m-%d}"
            + (f", source confidence: {confidence}" if confidence else "")
            + ".)"
        ).strip()
        clear_notes(contact)
        if served:
            contact.country_id = served[0].country_id
        if contact.scope == "national" and contact.country_id:
            contact.regions.clear()
        if name in RETIRE:
            contact.active = False
            why = RETIRE[name] or NOT_FOR_CHILDREN
            contact.editor_notes = f"Retired {NEW_REVIEW:%Y-%m-%d}: {why} {contact.editor_notes}"
        for field, value in CORRECT.get(name, {}).items():
            if field == "name":
                for language in LANGUAGES:
                    setattr(contact, f"name_{language}", value if language == "en" else "")
                contact.name = value
            elif field == "notes":
                clear_notes(contact, value)
            elif field == "country":
                contact.country_id = countries[value].pk
            elif field == "regions":
                contact.regions.set([regions[code] for code in value])
            elif field == "editor_notes":
                contact.editor_notes = f"{value} {contact.editor_notes}"
            else:
                setattr(contact, field, value)
        if contact.source and official(contact.source, contact.website):
            contact.verification = "official"
            contact.last_verified = NEW_REVIEW if name in CORRECT else OLD_REVIEW
            contact.verified_by = "Recognise & Refer research"
            contact.recheck_due = contact.last_verified + datetime.timedelta(days=182)
        contact.save()
        record(apps, contact, "~", now)


def add_contacts(apps, countries: dict, now) -> None:
    Region = apps.get_model("screening", "Region")
    SupportContact = apps.get_model("screening", "SupportContact")
    existing = set(SupportContact.objects.values_list("name_en", "kind"))
    for position, row in enumerate(ADD, start=100):
        country, where, kind, name, phones, all_day, is_official, source, editors, note = row
        if (name, kind) in existing:
            continue  # an editor's own contact of that name stays as it is
        contact = SupportContact(
            kind=kind,
            scope="national" if not where or where.startswith("not:") else "local",
            phones=phones,
            open_24_7=all_day,
            country=countries[country],
            source=source,
            editor_notes=f"{editors} (Research pass of {NEW_REVIEW:%Y-%m-%d}.)",
            position=position,
            active=True,
        )
        for language in LANGUAGES:
            setattr(contact, f"name_{language}", name if language == "en" else "")
        contact.name = name
        clear_notes(contact, note)
        if is_official:
            contact.verification = "official"
            contact.last_verified = NEW_REVIEW
            contact.verified_by = "Recognise & Refer research"
            contact.recheck_due = NEW_REVIEW + datetime.timedelta(days=182)
        contact.save()
        if where.startswith("not:"):
            left_out = where.removeprefix("not:")
            contact.regions.set(
                Region.objects.filter(country=countries[country]).exclude(code=left_out)
            )
        elif where:
            contact.regions.set(Region.objects.filter(code=where))
        record(apps, contact, "+", now)


def bump_content_version(apps) -> None:
    # Pages cached under the old version (in Redis too) must not outlive the change.
    ContentVersion = apps.get_model("screening", "ContentVersion")
    if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
        ContentVersion.objects.create(pk=1, value=1)


def forward(apps, schema_editor):
    now = timezone.now()
    countries = add_regions(apps)
    fix_contacts(apps, countries, now)
    # India's 112 serves the states where it runs: the regions exist only from add_regions.
    add_contacts(apps, countries, now)
    bump_content_version(apps)


# What a shipped contact's own history gives back on the reverse.
RESTORED = (
    "name",
    *(f"name_{language}" for language in LANGUAGES),
    "notes",
    *(f"notes_{language}" for language in LANGUAGES),
    "phones",
    "scope",
    "active",
    "last_verified",
)


def restore_contacts(apps) -> None:
    SupportContact = apps.get_model("screening", "SupportContact")
    Historical = apps.get_model("screening", "HistoricalSupportContact")
    HistoricalRegions = apps.get_model("screening", "HistoricalSupportContact_regions")
    for contact in SupportContact.objects.all():
        ours = Historical.objects.filter(id=contact.pk, history_change_reason=REASON)
        first = ours.order_by("history_date", "history_id").first()
        if first is None:
            continue
        before = (
            Historical.objects.filter(id=contact.pk, history_date__lt=first.history_date)
            .order_by("-history_date", "-history_id")
            .first()
        )
        if before is None:
            continue
        for field in RESTORED:
            setattr(contact, field, getattr(before, field))
        contact.verification = "not_checked" if before.last_verified is None else "called"
        contact.verified_by = contact.source = contact.editor_notes = ""
        contact.recheck_due = None
        contact.country = None
        contact.save()
        regions = HistoricalRegions.objects.filter(history=before).values_list("region", flat=True)
        contact.regions.set(list(regions))
        ours.delete()


def backward(apps, schema_editor):
    """Put each contact this migration changed back as its history says it was before, and
    remove the regions and contacts it added while nothing refers to them."""
    Region = apps.get_model("screening", "Region")
    SupportContact = apps.get_model("screening", "SupportContact")
    UsageRecord = apps.get_model("screening", "UsageRecord")
    restore_contacts(apps)
    added = [row[3] for row in ADD]
    unchecked = Q(last_verified__isnull=True) | Q(last_verified=NEW_REVIEW)
    SupportContact.objects.filter(unchecked, name_en__in=added).delete()
    shipped = {
        "np-bagmati",
        "bd-dhaka",
        "in-west-bengal",
        "in-maharashtra",
        "th-bangkok",
        "pk-punjab",
    }
    codes = [code for regions in REGIONS.values() for code, _name in regions if code not in shipped]
    used = set(
        UsageRecord.objects.filter(region__code__in=codes).values_list("region__code", flat=True)
    )
    ids = list(Region.objects.filter(code__in=set(codes) - used).values_list("id", flat=True))
    # Rows that point at those regions, by id: the frozen models of a reverse may not share
    # one Region class, so Django's own cascade cannot be asked to find them.
    apps.get_model("screening", "AccountPreference").objects.filter(region_id__in=ids).update(
        region=None
    )
    apps.get_model("screening", "UsageSummary").objects.filter(region_id__in=ids).delete()
    for model in ("SupportContact", "SupervisorScope"):
        through = apps.get_model("screening", model).regions.through
        through.objects.filter(region_id__in=ids).delete()
    Region.objects.filter(id__in=ids)._raw_delete(schema_editor.connection.alias)
    bump_content_version(apps)


class Migration(migrations.Migration):
    dependencies = [("screening", "0070_countries_verification_reports")]

    operations = [migrations.RunPython(forward, backward)]
