"""Cambodia, Lao PDR, Myanmar and Vietnam: every first-level division and the numbers found.

- Countries (ISO 3166-1 alpha-2 in small letters): kh, la, mm, vn.
- Regions, every current first-level division, coded '<country>-<name>' like the others:
  Cambodia's 24 provinces and the capital Phnom Penh (25); Lao PDR's 17 provinces and
  Vientiane Capital (18); Myanmar's 7 regions, 7 states and the Nay Pyi Taw Union Territory
  (15); Vietnam's 34 provincial-level units (28 provinces, 6 centrally-run cities) in force
  since 1 July 2025 under National Assembly Resolution 202/2025/QH15 of 12 June 2025, which
  merged the 63 earlier units (Lao Dong, 'Thoi diem ket thuc hoat dong bo may 52 tinh thanh
  cu', https://news.laodong.vn/thoi-su/thoi-diem-ket-thuc-hoat-dong-bo-may-52-tinh-thanh-cu-
  1522769.ldo; Viet Nam News, 14 April 2025, https://vietnamnews.vn/politics-laws/1695765/
  provisional-list-of-new-names-for-34-provinces-cities-in-viet-nam.html).
- Contacts, each with its public source (research pass of 2026-12-07). Nobody has called
  them: a number whose source is the service's own website is "taken from an official
  source", every other one "not checked". A contact serves its whole country unless its
  source says it serves less (Vientiane's 1195; Myanmar's 192). Numbers looked for and not
  found in any public source are left out (README, "Countries, regions and numbers").

English only: the translations are in the translation files (load_translations). Regions are
saved as offered to workers, as Region.save() would. Every row added gets a history entry with
this migration's reason; the reverse removes exactly those rows, except a region a usage
record or a remaining contact refers to and a country something still refers to, and leaves
an editor's own rows alone. Frozen literals, never read from a file.
"""

import datetime

from django.db import migrations
from django.db.models import F, Q
from django.utils import timezone

REASON = "Cambodia, Lao PDR, Myanmar and Vietnam 2026-12-07"
REVIEW = datetime.date(2026, 12, 7)
CHECKER = "Recognise & Refer research"

COUNTRIES = [
    ("kh", "Cambodia", 60),
    ("la", "Lao PDR", 70),
    ("mm", "Myanmar", 80),
    ("vn", "Vietnam", 90),
]

REGIONS = {
    # The capital, then the 24 provinces.
    "kh": [
        ("kh-phnom-penh", "Phnom Penh"),
        ("kh-banteay-meanchey", "Banteay Meanchey"),
        ("kh-battambang", "Battambang"),
        ("kh-kampong-cham", "Kampong Cham"),
        ("kh-kampong-chhnang", "Kampong Chhnang"),
        ("kh-kampong-speu", "Kampong Speu"),
        ("kh-kampong-thom", "Kampong Thom"),
        ("kh-kampot", "Kampot"),
        ("kh-kandal", "Kandal"),
        ("kh-kep", "Kep"),
        ("kh-koh-kong", "Koh Kong"),
        ("kh-kratie", "Kratie"),
        ("kh-mondulkiri", "Mondulkiri"),
        ("kh-oddar-meanchey", "Oddar Meanchey"),
        ("kh-pailin", "Pailin"),
        ("kh-preah-sihanouk", "Preah Sihanouk"),
        ("kh-preah-vihear", "Preah Vihear"),
        ("kh-prey-veng", "Prey Veng"),
        ("kh-pursat", "Pursat"),
        ("kh-ratanakiri", "Ratanakiri"),
        ("kh-siem-reap", "Siem Reap"),
        ("kh-stung-treng", "Stung Treng"),
        ("kh-svay-rieng", "Svay Rieng"),
        ("kh-takeo", "Takeo"),
        ("kh-tbong-khmum", "Tbong Khmum"),
    ],
    # The capital, then the 17 provinces.
    "la": [
        ("la-vientiane-capital", "Vientiane Capital"),
        ("la-attapeu", "Attapeu"),
        ("la-bokeo", "Bokeo"),
        ("la-bolikhamxay", "Bolikhamxay"),
        ("la-champasak", "Champasak"),
        ("la-houaphanh", "Houaphanh"),
        ("la-khammouane", "Khammouane"),
        ("la-luang-namtha", "Luang Namtha"),
        ("la-luang-prabang", "Luang Prabang"),
        ("la-oudomxay", "Oudomxay"),
        ("la-phongsaly", "Phongsaly"),
        ("la-salavan", "Salavan"),
        ("la-savannakhet", "Savannakhet"),
        ("la-sainyabuli", "Sainyabuli"),
        ("la-sekong", "Sekong"),
        ("la-vientiane-province", "Vientiane Province"),
        ("la-xaisomboun", "Xaisomboun"),
        ("la-xiangkhouang", "Xiangkhouang"),
    ],
    # The 7 regions, the 7 states, then the union territory.
    "mm": [
        ("mm-ayeyarwady", "Ayeyarwady Region"),
        ("mm-bago", "Bago Region"),
        ("mm-magway", "Magway Region"),
        ("mm-mandalay", "Mandalay Region"),
        ("mm-sagaing", "Sagaing Region"),
        ("mm-tanintharyi", "Tanintharyi Region"),
        ("mm-yangon", "Yangon Region"),
        ("mm-chin", "Chin State"),
        ("mm-kachin", "Kachin State"),
        ("mm-kayah", "Kayah State"),
        ("mm-kayin", "Kayin State"),
        ("mm-mon", "Mon State"),
        ("mm-rakhine", "Rakhine State"),
        ("mm-shan", "Shan State"),
        ("mm-naypyidaw", "Nay Pyi Taw Union Territory"),
    ],
    # The 6 centrally-run cities, then the 28 provinces (Resolution 202/2025/QH15).
    "vn": [
        ("vn-hanoi", "Hanoi"),
        ("vn-hue", "Hue"),
        ("vn-hai-phong", "Hai Phong"),
        ("vn-da-nang", "Da Nang"),
        ("vn-ho-chi-minh-city", "Ho Chi Minh City"),
        ("vn-can-tho", "Can Tho"),
        ("vn-an-giang", "An Giang"),
        ("vn-bac-ninh", "Bac Ninh"),
        ("vn-ca-mau", "Ca Mau"),
        ("vn-cao-bang", "Cao Bang"),
        ("vn-dak-lak", "Dak Lak"),
        ("vn-dien-bien", "Dien Bien"),
        ("vn-dong-nai", "Dong Nai"),
        ("vn-dong-thap", "Dong Thap"),
        ("vn-gia-lai", "Gia Lai"),
        ("vn-ha-tinh", "Ha Tinh"),
        ("vn-hung-yen", "Hung Yen"),
        ("vn-khanh-hoa", "Khanh Hoa"),
        ("vn-lai-chau", "Lai Chau"),
        ("vn-lam-dong", "Lam Dong"),
        ("vn-lang-son", "Lang Son"),
        ("vn-lao-cai", "Lao Cai"),
        ("vn-nghe-an", "Nghe An"),
        ("vn-ninh-binh", "Ninh Binh"),
        ("vn-phu-tho", "Phu Tho"),
        ("vn-quang-ngai", "Quang Ngai"),
        ("vn-quang-ninh", "Quang Ninh"),
        ("vn-quang-tri", "Quang Tri"),
        ("vn-son-la", "Son La"),
        ("vn-tay-ninh", "Tay Ninh"),
        ("vn-thai-nguyen", "Thai Nguyen"),
        ("vn-thanh-hoa", "Thanh Hoa"),
        ("vn-tuyen-quang", "Tuyen Quang"),
        ("vn-vinh-long", "Vinh Long"),
    ],
}

# Android's emergency number database, the only source found for some emergency numbers.
AOSP = (
    "Android Open Source Project, Telephony emergency number database ecc/input/eccdata.txt "
    "(read in the LineageOS mirror), https://github.com/LineageOS/android_packages_services_"
    "Telephony/blob/06dddd81155d6652d3d42495b9f8088dbe8b9ae2/ecc/input/eccdata.txt"
)

# Each contact: country, region codes ([] for the whole country), kind, English name,
# phones, website, open 24/7, official source?, source, editors' notes, worker's note.
CONTACTS = [
    {
        "country": "kh",
        "regions": [],
        "kind": "emergency",
        "name": "Police 117 (Cambodia)",
        "phones": "117",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": "VietnamPlus (Vietnam News Agency), 'Cambodia sets up hotline to report "
        "illegal detention' (31 August 2022): hotline 117 at the command centre of the "
        "National Police, free even with no credit, https://en.vietnamplus.vn/cambodia-sets-"
        "up-hotline-to-report-illegal-detention/236589.vnp ; " + AOSP + " (KH: police 117)",
        "editor_notes": "117 also takes reports of trafficking and illegal detention, in "
        "English, Chinese and Vietnamese as well as Khmer (Star of Cambodia, from Khmer Times, "
        "2022). Hours are not stated.",
        "notes": "The National Police. Calls are free, even with no credit.",
    },
    {
        "country": "kh",
        "regions": [],
        "kind": "emergency",
        "name": "Ambulance 119 (Cambodia)",
        "phones": "119",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": AOSP + " (KH: ambulance 119, fire 118)",
        "editor_notes": "No Cambodian government or news source giving 119 was found in this "
        "research, only Android's emergency number database. Check by calling.",
        "notes": "",
    },
    {
        "country": "kh",
        "regions": [],
        "kind": "child_helpline",
        "name": "Child Helpline Cambodia 1280",
        "phones": "1280",
        "website": "https://childhelplinecambodia.org",
        "open_24_7": True,
        "official": True,
        "source": "Child Helpline Cambodia, 'Organisational Overview' (its own website): free "
        "24-hour phone counselling, information, referral and follow-up for children and young "
        "people up to 25 on 1280, also by text message, https://childhelplinecambodia.org/page/8",
        "editor_notes": "Extended to 24 hours on 2 March 2013 (Child Safe Tourism, 11 March "
        "2013). The Phnom Penh Post reported budget strains (undated in the copy read).",
        "notes": "Free. For children and young people up to 25; it refers them to shelter, "
        "medical care or legal advice.",
    },
    {
        "country": "la",
        "regions": [],
        "kind": "emergency",
        "name": "Police 1191 (Lao PDR)",
        "phones": "1191",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": "Xinhua via China.org.cn, 'Lao capital police opens gov't hotline with help "
        "from China' (27 August 2016): the Ministry of Public Security's reporting system on "
        "the emergency number 1191, http://en.chinagate.cn/2016-08/27/content_39174962.htm ; "
        + AOSP
        + " (LA: police 1191)",
        "editor_notes": "The 2016 article describes the command centre in Vientiane; Android's "
        "database lists 1191 as the police number for the whole country. Hours are not stated.",
        "notes": "",
    },
    {
        "country": "la",
        "regions": ["la-vientiane-capital"],
        "kind": "emergency",
        "name": "Ambulance 1195 (Vientiane Capital)",
        "phones": "1195",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": "University of Tsukuba Hospital, SAFER Lao project, 'On October 16, the EMS "
        "Command & Control Centre of Vientiane Capital commenced operations at Mittaphab "
        "Hospital' (27 October 2023): the government emergency call number 1195 is open, "
        "https://www.hosp.tsukuba.ac.jp/saferlao/2023/10/27/on-october-16-the-ems-command-"
        "control-centre-of-vientiane-capital-commenced-operations-at-mittaphab-hospital-"
        "ministry-of-health-lao-p-d-r/",
        "editor_notes": "The source describes 1195 for Vientiane Capital only (dispatching five "
        "rescue groups); Android's database lists 1195 for the whole country, but no source "
        "says it reaches an ambulance in the provinces. Add regions when one does.",
        "notes": "Ambulances of Vientiane Capital, dispatched from Mittaphab Hospital.",
    },
    {
        "country": "la",
        "regions": [],
        "kind": "child_helpline",
        "name": "Lao Youth Union helpline 1554",
        "phones": "1554",
        "website": "",
        "open_24_7": True,
        "official": False,
        "source": "UNICEF Lao PDR, 'Counselling Helpline Lends an Ear to Teens in Need' (30 "
        "June 2022): the Lao Youth Union's toll-free helpline 1554 for children and young "
        "people, open 24/7, also in Hmong, https://www.unicef.org/laos/stories/counselling-"
        "helpline-lends-ear-teens-need",
        "editor_notes": "No other national child helpline in Lao PDR was found. UNICEF and the "
        "Youth Union launched a counselling manual for its volunteers on 7 June 2022.",
        "notes": "For children and young people. Free; also answers in Hmong.",
    },
    {
        "country": "la",
        "regions": [],
        "kind": "anti_trafficking",
        "name": "Lao Women's Union counselling and protection hotline 1362",
        "phones": "1362",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": "Vientiane Times, 'Medics get lessons in ways to support human trafficking "
        "victims' (undated; cites figures for 2019): about 60 people a month call the 1362 "
        "Counselling and Protection Hotline for women and children in Vientiane, which "
        "counsels and supports victims of domestic violence and human trafficking, "
        "http://vientianetimes.org.la/freeContent/FreeConten_Medics_195.php",
        "editor_notes": "Hours not stated. The source says the hotline is 'in Vientiane'; "
        "listed for the whole country as a short national number: check by calling from a "
        "province. The Lao Women's Union's Counselling and Protection Centre for Women and "
        "Children also shelters women and children (UNICEF, 16 January 2006).",
        "notes": "Counselling and support for women and children who have suffered violence "
        "or trafficking. Run by the Lao Women's Union in Vientiane.",
    },
    {
        "country": "mm",
        "regions": [],
        "kind": "emergency",
        "name": "Police 199 (Myanmar)",
        "phones": "199",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": AOSP + " (MM: police 199, ambulance 192, fire 191)",
        "editor_notes": "No Myanmar government or news source giving 199 was found in this "
        "research, only Android's emergency number database (whose fire number, 191, the Global "
        "New Light of Myanmar confirms). Check by calling.",
        "notes": "",
    },
    {
        "country": "mm",
        "regions": ["mm-naypyidaw", "mm-yangon", "mm-mandalay"],
        "kind": "emergency",
        "name": "Ambulance 192 (Myanmar)",
        "phones": "192",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": "Myanmar Japon news digest, 'Myanmar's first ambulance number 192 starts with "
        "the SEA Games' (27 December 2013, in Japanese): limited to Nay Pyi Taw, Yangon, "
        "Mandalay, Ngwe Saung and the expressway, https://pre.myanmarjapon.com/newsdigest/2013/"
        "12/27-000200.php ; " + AOSP + " (MM: ambulance 192)",
        "editor_notes": "The 2013 source also names Ngwe Saung (Ayeyarwady) and the expressway, "
        "not whole regions. Myanmar Now later reported that most ambulances are run by "
        "charities with their own local numbers. No later source on where 192 answers.",
        "notes": "Government ambulances; started in 2013 in Nay Pyi Taw, Yangon and Mandalay.",
    },
    {
        "country": "mm",
        "regions": [],
        "kind": "child_helpline",
        "name": "Department of Social Welfare helpline (Myanmar)",
        "phones": "067 404666",
        "website": "",
        "open_24_7": True,
        "official": False,
        "source": "The Irrawaddy, 'Dr San San Aye: We Want a Law to Prevent Gender-based "
        "Violence' (4 November 2016): the Department of Social Welfare's round-the-clock "
        "helplines 067-404666 and 067-404777, https://www.irrawaddy.com/in-person/dr-san-san-"
        "aye-we-want-a-law-to-prevent-gender-based-violence.html ; The Irrawaddy, 'Ministry "
        "Expands Efforts to Combat Domestic, Sexual Violence' (21 June 2017): 24-hour hotline "
        "067-404666, https://www.irrawaddy.com/news/burma/ministry-expands-efforts-to-combat-"
        "domestic-sexual-violence.html",
        "editor_notes": "Myanmar has no national child helpline in any public source found; "
        "this is the nearest national line a child's case can go to, as Pakistan's 1099. The "
        "second number is 067-404777 in 2016 but 067-40477 in 2017: left out until checked. "
        "Both sources predate February 2021; whether the line still answers is not known. "
        "Check by calling before deployment.",
        "notes": "Not a child helpline: Myanmar has none in the sources found. The Department "
        "of Social Welfare's 24-hour line for social welfare problems and violence (2016).",
    },
    {
        "country": "vn",
        "regions": [],
        "kind": "emergency",
        "name": "Police 113 (Vietnam)",
        "phones": "113",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": "Vietnam News Agency, 'New emergency hotline launched to receive "
        "disaster-related information' (on Decision 2023/QD-TTg of 15 September 2025): 113 for "
        "police, 114 for fire and rescue, 115 for medical emergencies, https://vietnam.vnanet."
        "vn/english/tin-van/new-emergency-hotline-launched-to-receive-disaster-related-"
        "information-409029.html",
        "editor_notes": "Android's emergency number database agrees (VN: police 113, "
        "ambulance 115, fire 114).",
        "notes": "",
    },
    {
        "country": "vn",
        "regions": [],
        "kind": "emergency",
        "name": "Ambulance 115 (Vietnam)",
        "phones": "115",
        "website": "",
        "open_24_7": False,
        "official": False,
        "source": "Vietnam News Agency, 'New emergency hotline launched to receive "
        "disaster-related information' (on Decision 2023/QD-TTg of 15 September 2025): 113 for "
        "police, 114 for fire and rescue, 115 for medical emergencies, https://vietnam.vnanet."
        "vn/english/tin-van/new-emergency-hotline-launched-to-receive-disaster-related-"
        "information-409029.html",
        "editor_notes": "Android's emergency number database agrees (VN: ambulance 115).",
        "notes": "",
    },
    {
        "country": "vn",
        "regions": [],
        "kind": "child_helpline",
        "name": "National Child Protection Hotline 111 (Vietnam)",
        "phones": "111",
        "website": "",
        "open_24_7": True,
        "official": False,
        "source": "VietnamPlus, 'MOLISA launches new children protection hotline at 111' (6 "
        "December 2017), https://en.vietnamplus.vn/molisa-launches-new-children-protection-"
        "hotline-at-111/122925.vnp ; SGGP, 'Vietnam launches national hotline 111 to combat "
        "human trafficking' (20 September 2025): free, 24 hours a day, https://en.sggp.org.vn/"
        "vietnam-launches-national-hotline-111-to-combat-human-trafficking-post120410.html ; "
        "VnEconomy, 'A national telephone hotline for human trafficking prevention launched' "
        "(September 2025): 111 also serves as the national child protection hotline, "
        "https://en.vneconomy.vn/a-national-telephone-hotline-for-human-trafficking-"
        "prevention-launched.htm",
        "editor_notes": "Decree 162/2025/ND-CP makes 111 the national hotline for reports of "
        "human trafficking as well (Bao Nghe An). It replaced 1800 1567 in December 2017. "
        "Listed once, as a child helpline.",
        "notes": "Free, day and night. Since September 2025 also the national hotline for "
        "reports of human trafficking.",
    },
]

# Translated columns of a contact (modeltranslation): English here, the rest from the files.
CONTACT_TEXTS = ("name", "notes")


def bump_content_version(apps) -> None:
    # Pages cached under the old version (in Redis too) must not outlive the change.
    ContentVersion = apps.get_model("screening", "ContentVersion")
    if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
        ContentVersion.objects.create(pk=1, value=1)


def record(apps, name: str, obj, now) -> None:
    """A '+' history entry with this migration's reason, as simple-history would write it."""
    model = apps.get_model("screening", name)
    historical = apps.get_model("screening", f"Historical{name}")
    entry = historical.objects.create(
        **{f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields},
        history_date=now,
        history_type="+",
        history_change_reason=REASON,
    )
    if name == "SupportContact":
        through = apps.get_model("screening", "HistoricalSupportContact_regions")
        links = model.regions.through.objects.filter(supportcontact_id=obj.pk)
        through.objects.bulk_create(
            through(id=link_id, history=entry, supportcontact_id=obj.pk, region_id=region_id)
            for link_id, region_id in links.values_list("id", "region_id")
        )


def add_places(apps, now) -> dict:
    Country = apps.get_model("screening", "Country")
    Region = apps.get_model("screening", "Region")
    countries = {}
    for index, (code, name, position) in enumerate(COUNTRIES, start=6):
        country = Country.objects.filter(code=code).first()
        if country is None:
            country = Country.objects.create(
                code=code, name=name, name_en=name, position=position, active=True
            )
            record(apps, "Country", country, now)
        countries[code] = country
        for offset, (region_code, region_name) in enumerate(REGIONS[code], start=1):
            if Region.objects.filter(code=region_code).exists():
                continue  # an editor's own region of that code stays as it is
            region = Region.objects.create(
                code=region_code,
                name=region_name,
                name_en=region_name,
                country=country,
                position=index * 100 + offset,
                active=True,
                # Region.save() marks an active region offered; a migration must do it itself.
                offered_to_workers=True,
            )
            record(apps, "Region", region, now)
    return countries


def add_contacts(apps, countries: dict, now) -> None:
    Region = apps.get_model("screening", "Region")
    SupportContact = apps.get_model("screening", "SupportContact")
    existing = set(SupportContact.objects.values_list("name_en", "kind"))
    for position, data in enumerate(CONTACTS, start=200):
        if (data["name"], data["kind"]) in existing:
            continue  # an editor's own contact of that name stays as it is
        contact = SupportContact(
            kind=data["kind"],
            scope="local" if data["regions"] else "national",
            phones=data["phones"],
            website=data["website"],
            open_24_7=data["open_24_7"],
            country=countries[data["country"]],
            source=data["source"],
            editor_notes=f"{data['editor_notes']} (Research pass of {REVIEW:%Y-%m-%d}.)",
            position=position,
            active=True,
        )
        for field in CONTACT_TEXTS:
            text = data[field]
            setattr(contact, field, text)
            setattr(contact, f"{field}_en", text)
        if data["official"]:
            # The service's own website: taken from an official source, never called.
            contact.verification = "official"
            contact.last_verified = REVIEW
            contact.verified_by = CHECKER
            contact.recheck_due = REVIEW + datetime.timedelta(days=182)
        else:
            contact.verification = "not_checked"
        contact.save()
        if data["regions"]:
            contact.regions.set(Region.objects.filter(code__in=data["regions"]))
        record(apps, "SupportContact", contact, now)


def forward(apps, schema_editor):
    now = timezone.now()
    countries = add_places(apps, now)
    add_contacts(apps, countries, now)
    bump_content_version(apps)


def added(apps, name: str) -> set:
    historical = apps.get_model("screening", f"Historical{name}")
    return set(
        historical.objects.filter(history_type="+", history_change_reason=REASON).values_list(
            "id", flat=True
        )
    )


def backward(apps, schema_editor):
    """Remove the contacts, regions and countries this migration added (by their history)."""
    Country = apps.get_model("screening", "Country")
    Region = apps.get_model("screening", "Region")
    SupportContact = apps.get_model("screening", "SupportContact")
    UsageRecord = apps.get_model("screening", "UsageRecord")

    # Contacts: ours, unless an editor has since called the number (their check stays).
    untouched = Q(verification="not_checked") | Q(verification="official", last_verified=REVIEW)
    contacts = list(
        SupportContact.objects.filter(untouched, pk__in=added(apps, "SupportContact")).values_list(
            "pk", flat=True
        )
    )
    # By id, for the same reason as the regions below: reports, region links, then the rows.
    apps.get_model("screening", "ContactReport").objects.filter(contact_id__in=contacts).delete()
    SupportContact.regions.through.objects.filter(supportcontact_id__in=contacts).delete()
    SupportContact.objects.filter(pk__in=contacts)._raw_delete(schema_editor.connection.alias)
    Historical = apps.get_model("screening", "HistoricalSupportContact")
    stale = Historical.objects.filter(id__in=contacts, history_change_reason=REASON)
    entries = list(stale.values_list("history_id", flat=True))
    apps.get_model("screening", "HistoricalSupportContact_regions").objects.filter(
        history_id__in=entries
    )._raw_delete(schema_editor.connection.alias)
    Historical.objects.filter(history_id__in=entries)._raw_delete(schema_editor.connection.alias)

    # Regions: ours, unless a usage record or a remaining contact refers to one.
    ours = added(apps, "Region")
    used = set(UsageRecord.objects.filter(region_id__in=ours).values_list("region_id", flat=True))
    listed = set(
        SupportContact.regions.through.objects.filter(region_id__in=ours).values_list(
            "region_id", flat=True
        )
    )
    ids = sorted(ours - used - listed)
    # Rows that point at those regions, by id: the frozen models of a reverse may not share
    # one Region class, so Django's own cascade cannot be asked to find them (as in 0071).
    apps.get_model("screening", "AccountPreference").objects.filter(region_id__in=ids).update(
        region=None
    )
    apps.get_model("screening", "UsageSummary").objects.filter(region_id__in=ids).delete()
    apps.get_model("screening", "SupervisorScope").regions.through.objects.filter(
        region_id__in=ids
    ).delete()
    Region.objects.filter(id__in=ids)._raw_delete(schema_editor.connection.alias)
    apps.get_model("screening", "HistoricalRegion").objects.filter(
        id__in=ids, history_change_reason=REASON
    ).delete()

    # Countries: ours, unless a region or a contact still refers to one.
    for country in Country.objects.filter(pk__in=added(apps, "Country")):
        if Region.objects.filter(country=country).exists():
            continue
        if SupportContact.objects.filter(country=country).exists():
            continue
        apps.get_model("screening", "HistoricalCountry").objects.filter(
            id=country.pk, history_change_reason=REASON
        ).delete()
        country.delete()
    bump_content_version(apps)


class Migration(migrations.Migration):
    dependencies = [("screening", "0091_mekong_languages")]

    operations = [migrations.RunPython(forward, backward)]
