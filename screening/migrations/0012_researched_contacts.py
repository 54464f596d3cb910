"""Ship researched example contacts for every region, add Punjab (Pakistan), retire ECPAT.

The contacts were found in public sources by a research pass on 2026-11-25 (the list and its
gaps: contacts-sources.md in that pass). Each is copied here as a frozen literal, never read
from a file, and each stays an example to verify (no verification date) with its source in
its notes. No number was invented: contacts without a published number have a website.

The examples of 0003 that these replace are removed if still unverified (the reverse puts
them back), and ECPAT International, which says itself that it is a network and not a
service, is retired (inactive).
"""

import contextlib
import importlib

from django.db import migrations
from django.db.models import ProtectedError
from django.utils import timezone

DEFAULT_CONTENT = importlib.import_module("screening.migrations.0003_default_content")

PUNJAB = {"code": "pk-punjab", "name": "Punjab", "country": "Pakistan"}

# Shipped by 0003 and replaced by researched entries below: removed while still unverified.
SUPERSEDED = [
    "Nepal Police emergency",
    "Child Helpline 1098 (Nepal)",
    "National Emergency Service 999 (Bangladesh)",
    "Child Helpline 1098 (Bangladesh)",
    "Emergency Response Support System 112 (India)",
    "Child Helpline 1098 (India)",
    "Royal Thai Police emergency 191",
    "Saidek Child Helpline 1387 (Thailand)",
    "Prachabodi Center 1300 (Thailand)",
]
# It says itself that it is a network, not a service: kept for history, no longer shown.
RETIRED = "ECPAT International"
REASON = "Researched examples 2026-11-25"

CONTACTS = [
    {
        "name": "Nepal Police (police control room)",
        "kind": "emergency",
        "scope": "national",
        "phones": "100",
        "email": "",
        "website": "https://www.nepalpolice.gov.np",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Nepali",
        "regions": ["np-bagmati"],
        "source_title": "Nepal Police – Cyber Bureau introduction page (site header: police control "
        "100, toll-free 16600141516)",
        "source_url": "https://www.nepalpolice.gov.np/other_links/detail/cyber-bureau/",
        "source_date": "",
        "note": "Call 100 if a child is in danger now. The shipped example (Nepal Police 100) is "
        "correct; the Kathmandu Post (Oct 2025) also describes 100 as the police emergency "
        "line answered day and night.",
        "confidence": "high",
    },
    {
        "name": "Child Helpline Nepal 1098 (CWIN)",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1098",
        "email": "",
        "website": "https://cwin.org.np/programs/child-protection-and-helpline/",
        "hours": "",
        "open_24_7": False,
        "languages": "Nepali",
        "regions": ["np-bagmati"],
        "source_title": "CWIN Nepal – Child Protection and Helpline",
        "source_url": "https://cwin.org.np/programs/child-protection-and-helpline/",
        "source_date": "",
        "note": "Toll-free helpline for children at risk: rescue, counselling and referral. CWIN runs "
        "the Kathmandu and Makawanpur offices among others; the page does not state opening "
        "hours. The shipped example (1098) is correct.",
        "confidence": "high",
    },
    {
        "name": "National Child Rights Council – Missing Child Response 104",
        "kind": "child_protection",
        "scope": "national",
        "phones": "104",
        "email": "",
        "website": "https://ncrc.gov.np/en/about-us/topic/48",
        "hours": "",
        "open_24_7": False,
        "languages": "Nepali",
        "regions": ["np-bagmati"],
        "source_title": "National Child Rights Council (Government of Nepal) – About us",
        "source_url": "https://ncrc.gov.np/en/about-us/topic/48",
        "source_date": "",
        "note": "Government child protection body (Ministry of Women, Children and Senior Citizens), "
        "Pulchowk, Lalitpur. It operates the 104 service for missing children (with Nepal "
        "Police) and Child Helpline 1098 services.",
        "confidence": "high",
    },
    {
        "name": "Nepal Police anti-trafficking hotline 1177 (Metropolitan Police, Kathmandu)",
        "kind": "anti_trafficking",
        "scope": "local",
        "phones": "1177",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Nepali",
        "regions": ["np-bagmati"],
        "source_title": "The Himalayan Times – Measures taken against human trafficking",
        "source_url": "https://thehimalayantimes.com/kathmandu/measures-taken-against-human-trafficking",
        "source_date": "",
        "note": "Hotline set up by the Metropolitan Police Crime Division in Kathmandu to report human "
        "trafficking; from abroad dial 9771177. The article is old (about 2016) and Nepal "
        "Police now has an Anti Human Trafficking Bureau, so confirm the number before use.",
        "confidence": "low",
    },
    {
        "name": "Nepal Police Cyber Bureau",
        "kind": "csam_reporting",
        "scope": "national",
        "phones": "",
        "email": "",
        "website": "https://www.nepalpolice.gov.np/other_links/detail/cyber-bureau/",
        "hours": "",
        "open_24_7": False,
        "languages": "Nepali",
        "regions": ["np-bagmati"],
        "source_title": "Nepal Police – Cyber Bureau introduction",
        "source_url": "https://www.nepalpolice.gov.np/other_links/detail/cyber-bureau/",
        "source_date": "",
        "note": "Police unit (Bhotahiti, Kathmandu) that investigates online crimes, including sexual "
        "images of children. Report where you saw the material; never copy, forward or "
        "download it. The page gives no direct number for the bureau; use police 100 if a "
        "child is in danger.",
        "confidence": "high",
    },
    {
        "name": "IWF reporting portal for Nepal",
        "kind": "csam_reporting",
        "scope": "national",
        "phones": "",
        "email": "",
        "website": "https://report.iwf.org.uk/np",
        "hours": "Online, any time",
        "open_24_7": True,
        "languages": "Nepali; English",
        "regions": ["np-bagmati"],
        "source_title": "ChildSafeNet – Safer Internet Day celebrated in Nepal (IWF Nepal portal)",
        "source_url": "https://www.childsafenet.org/sid-2020",
        "source_date": "2020-02-11",
        "note": "Anonymous online form, run with the Internet Watch Foundation, to report sexual "
        "images or videos of children found online. Give only the web link; never download or "
        "forward the material.",
        "confidence": "medium",
    },
    {
        "name": "Forum for Women, Law and Development (FWLD) – Legal Helpline",
        "kind": "legal_aid",
        "scope": "national",
        "phones": "",
        "email": "",
        "website": "https://fwld.org/works/legal-helpline/",
        "hours": "",
        "open_24_7": False,
        "languages": "Nepali",
        "regions": ["np-bagmati"],
        "source_title": "FWLD – Legal Helpline",
        "source_url": "https://fwld.org/works/legal-helpline/",
        "source_date": "",
        "note": "NGO lawyers give free legal information, advice and referral to survivors of "
        "gender-based and sexual violence. The page gives no phone number; contact through the "
        "website.",
        "confidence": "high",
    },
    {
        "name": "National Emergency Service 999",
        "kind": "emergency",
        "scope": "national",
        "phones": "999",
        "email": "",
        "website": "",
        "hours": "24 hours, 7 days",
        "open_24_7": True,
        "languages": "Bangla; English (press 2)",
        "regions": ["bd-dhaka"],
        "source_title": "BSS – 999 national emergency service",
        "source_url": "https://www.bssnews.net/news/338638",
        "source_date": "2025-12-04",
        "note": "Toll-free police, fire and ambulance line run by Bangladesh Police; works from any "
        "phone. The shipped example (999) is correct. English support by pressing 2 is "
        "reported by Bangla Pulse.",
        "confidence": "medium",
    },
    {
        "name": "Child Helpline 1098 (Department of Social Services)",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1098",
        "email": "",
        "website": "",
        "hours": "24 hours, 7 days, including holidays",
        "open_24_7": True,
        "languages": "Bangla",
        "regions": ["bd-dhaka"],
        "source_title": "Department of Social Services, Jamalpur – Child Help Line 1098",
        "source_url": "https://dss.jamalpur.gov.bd/en/site/page/%E0%A6%B6%E0%A6%BF%E0%A6%B6%E0%A7%81-%E0%A6%B8%E0%A6%B9%E0%A6%BE%E0%A7%9F%E0%A6%A4%E0%A6%BE%E0%A7%9F-%E0%A6%AB%E0%A7%8B%E0%A6%A8-%E0%A7%A7%E0%A7%A6%E0%A7%AF%E0%A7%AE",
        "source_date": "",
        "note": "Free, confidential government helpline for children facing violence, abuse, "
        "exploitation or trafficking; a child or an adult can call. Call centre at the "
        "Department of Social Services, Agargaon, Dhaka.",
        "confidence": "high",
    },
    {
        "name": "National Helpline 109 for Violence against Women and Children (Ministry of Women and "
        "Children Affairs)",
        "kind": "child_protection",
        "scope": "national",
        "phones": "109",
        "email": "",
        "website": "",
        "hours": "24 hours, 7 days",
        "open_24_7": True,
        "languages": "Bangla",
        "regions": ["bd-dhaka"],
        "source_title": "Rising BD – Helpline number for preventing violence against women and "
        "children is 109",
        "source_url": "https://www.risingbd.com/amp/national/news/218957",
        "source_date": "2017-03-23",
        "note": "Free government helpline (formerly 10921) for women and children facing violence: "
        "information, advice and links to existing services; news reports describe calls "
        "leading to police rescue. Use for a child of any gender.",
        "confidence": "medium",
    },
    {
        "name": "National Legal Aid Services Organisation (NLASO) helpline 16430",
        "kind": "legal_aid",
        "scope": "national",
        "phones": "16430",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Bangla",
        "regions": ["bd-dhaka"],
        "source_title": "The Daily Star – Govt's legal aid helpline now open round the clock",
        "source_url": "https://www.thedailystar.net/city/news/govts-legal-aid-helpline-now-open-round-the-clock-1941533?amp",
        "source_date": "2020-08-08",
        "note": "Free government legal advice; callers are linked to district legal aid offices for "
        "free lawyers. Source is from 2020.",
        "confidence": "medium",
    },
    {
        "name": "One-Stop Crisis Centre (OCC), Dhaka Medical College Hospital",
        "kind": "health",
        "scope": "local",
        "phones": "",
        "email": "",
        "website": "https://mowca.portal.gov.bd/site/page/870770e4-8b72-4cab-9718-84486ab44f28/ওসিসি-ও-ট্রমা-কাউন্সেলিং-সেন্টার",
        "hours": "",
        "open_24_7": False,
        "languages": "Bangla",
        "regions": ["bd-dhaka"],
        "source_title": "Ministry of Women and Children Affairs – One-Stop Crisis Centre and Cell "
        "(OCC)",
        "source_url": "https://mowca.portal.gov.bd/site/page/870770e4-8b72-4cab-9718-84486ab44f28/%E0%A6%93%E0%A6%B8%E0%A6%BF%E0%A6%B8%E0%A6%BF-%E0%A6%93-%E0%A6%9F%E0%A7%8D%E0%A6%B0%E0%A6%AE%E0%A6%BE-%E0%A6%95%E0%A6%BE%E0%A6%89%E0%A6%A8%E0%A7%8D%E0%A6%B8%E0%A7%87%E0%A6%B2%E0%A6%BF%E0%A6%82-%E0%A6%B8%E0%A7%87%E0%A6%A8%E0%A7%8D%E0%A6%9F%E0%A6%BE%E0%A6%B0",
        "source_date": "2021-09-21",
        "note": "Hospital-based centre giving free medical care, police and legal help, counselling, "
        "shelter referral and DNA tests to women and children who survived violence. The "
        "ministry page links a contact list for all OCCs; it gives no phone number. Helpline "
        "109 can also refer.",
        "confidence": "high",
    },
    {
        "name": "Police Cyber Support for Women (Bangladesh Police Headquarters)",
        "kind": "csam_reporting",
        "scope": "national",
        "phones": "01320000888",
        "email": "",
        "website": "",
        "hours": "",
        "open_24_7": False,
        "languages": "Bangla",
        "regions": ["bd-dhaka"],
        "source_title": "Kotha – Police Cyber Support for Women launched (quotes police contacts)",
        "source_url": "https://trending.kotha.app/blog/2020/11/17/5fb32ff99c8a4600120a962f/",
        "source_date": "2020-11-17",
        "note": "All-women police unit for female victims of online abuse (sexual images shared, "
        "blackmail). Also on Facebook (PCSW.PHQ). The number comes from a third-party post "
        "quoting the police in 2020, so confirm it; for child sexual abuse material you can "
        "also report to NCMEC.",
        "confidence": "low",
    },
    {
        "name": "Emergency Response Support System 112 (West Bengal)",
        "kind": "emergency",
        "scope": "local",
        "phones": "112\n100",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Bengali; Hindi; English",
        "regions": ["in-west-bengal"],
        "source_title": "Anandabazar Patrika – West Bengal Police launches single emergency number 112",
        "source_url": "https://www.anandabazar.com/amp/west-bengal/west-bengal-police-launches-single-emergency-helpline-number-dgtl/cid/1339142",
        "source_date": "2022-04-16",
        "note": "112 reaches police, fire and ambulance anywhere in West Bengal; the article says "
        "police 100 still works.",
        "confidence": "medium",
    },
    {
        "name": "Emergency Response Support System 112 (Maharashtra / Mumbai)",
        "kind": "emergency",
        "scope": "local",
        "phones": "112",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Marathi; Hindi; English",
        "regions": ["in-maharashtra"],
        "source_title": "NDTV – 112 India all-in-one emergency helpline launched",
        "source_url": "https://www.ndtv.com/india-news/112-india-all-in-one-emergency-helpline-number-to-be-launched-today-1995582",
        "source_date": "2019-02-19",
        "note": "National emergency number for police, fire, health, women and child protection; "
        "launched for Mumbai city in 2019. The source does not confirm coverage of every "
        "Maharashtra district.",
        "confidence": "medium",
    },
    {
        "name": "Child Helpline 1098 (India)",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1098",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Hindi; English; local languages",
        "regions": ["in-west-bengal", "in-maharashtra"],
        "source_title": "Maharashtra State Commission for Protection of Child Rights – website header "
        "(Child Line toll free 1098)",
        "source_url": "https://mscpcr.org/?p=12105",
        "source_date": "",
        "note": "Free 24-hour emergency outreach for any child in crisis, or an adult calling for "
        "them. From 2023 the government began taking it over from Childline India Foundation "
        "and linking it with 112 and District Child Protection Units.",
        "confidence": "high",
    },
    {
        "name": "National Cyber Crime Reporting Portal (cybercrime.gov.in)",
        "kind": "csam_reporting",
        "scope": "national",
        "phones": "",
        "email": "",
        "website": "https://cybercrime.gov.in",
        "hours": "",
        "open_24_7": False,
        "languages": "English; Hindi",
        "regions": ["in-west-bengal", "in-maharashtra"],
        "source_title": "National Cyber Crime Reporting Portal – FAQ",
        "source_url": "https://cybercrime.gov.in/Accept.aspx",
        "source_date": "",
        "note": "Government of India portal to report child sexual abuse material, anonymously if you "
        "wish; state police act on reports. Do not upload or forward the images; give the link "
        "and where you saw it. News reports (Anandabazar, 2022) give 1930 as the cyber crime "
        "helpline number.",
        "confidence": "high",
    },
    {
        "name": "West Bengal Commission for Protection of Child Rights",
        "kind": "child_protection",
        "scope": "local",
        "phones": "9836300300",
        "email": "",
        "website": "https://wbcpcr.org",
        "hours": "",
        "open_24_7": False,
        "languages": "Bengali; English",
        "regions": ["in-west-bengal"],
        "source_title": "The Telegraph – Approach us, says child rights panel at public hearing in "
        "South 24-Parganas",
        "source_url": "https://obeta.ttef.in/my-kolkata/news/approach-us-says-child-rights-panel-at-public-hearing-in-south-24-parganas/cid/1971854",
        "source_date": "2023-10-08",
        "note": "State child rights body; the chairperson said people can send a WhatsApp message to "
        "this number or go to the district Child Welfare Committee. Millennium Post (July "
        "2022) reports the same number for trafficking survivors when local authorities do not "
        "act. It may be a WhatsApp line only.",
        "confidence": "medium",
    },
    {
        "name": "Maharashtra State Commission for Protection of Child Rights",
        "kind": "child_protection",
        "scope": "local",
        "phones": "022-24920897\n022-24920895\n022-24920894",
        "email": "",
        "website": "https://mscpcr.org",
        "hours": "",
        "open_24_7": False,
        "languages": "Marathi; English",
        "regions": ["in-maharashtra"],
        "source_title": "MSCPCR official website (contact numbers in header)",
        "source_url": "https://mscpcr.org/?p=12105",
        "source_date": "",
        "note": "State child rights body that inquires into violations of child rights, including "
        "trafficking. The site shows 022-24920897/95/94, listed here as three lines. Office "
        "hours; for emergencies call 1098 or 112.",
        "confidence": "high",
    },
    {
        "name": "One Stop Centre, KEM Hospital, Mumbai (Aruna Shanbaug centre)",
        "kind": "health",
        "scope": "local",
        "phones": "022-24100511",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Marathi; Hindi; English",
        "regions": ["in-maharashtra"],
        "source_title": "SNEHA – Beyond the Call of Duty: an OSC story (contacts listed on SNEHA site)",
        "source_url": "https://www.snehamumbai.org/?p=11619&post_type=post",
        "source_date": "2025-10-20",
        "note": "Government One Stop Centre at KEM Hospital, Parel, run with the Department of Women "
        "and Child Development and the NGO SNEHA: medical care, forensic exam, counselling, "
        "police and legal help and short stay for women and children who survived violence. "
        "SNEHA also lists a crisis helpline, +91 9892278287.",
        "confidence": "medium",
    },
    {
        "name": "Nagpur City Police – Anti Human Trafficking Unit",
        "kind": "anti_trafficking",
        "scope": "local",
        "phones": "",
        "email": "",
        "website": "https://nagpurpolice.gov.in/AntiHumanTraffic",
        "hours": "",
        "open_24_7": False,
        "languages": "Marathi; Hindi; English",
        "regions": ["in-maharashtra"],
        "source_title": "Nagpur Police – Anti Human Trafficking",
        "source_url": "https://nagpurpolice.gov.in/AntiHumanTraffic",
        "source_date": "",
        "note": "Police unit that investigates trafficking and arranges victim support in Nagpur. "
        "Covers Nagpur city only; in Mumbai the police have an Anti-Human Trafficking Unit but "
        "no public contact was found, so use 112.",
        "confidence": "high",
    },
    {
        "name": "Sanlaap – Sneha shelter home (Kolkata)",
        "kind": "shelter",
        "scope": "local",
        "phones": "",
        "email": "",
        "website": "https://sanlaap.org/programmes/",
        "hours": "",
        "open_24_7": False,
        "languages": "Bengali; Hindi; English",
        "regions": ["in-west-bengal"],
        "source_title": "Sanlaap – Programmes (Sneha shelter home)",
        "source_url": "https://sanlaap.org/programmes/",
        "source_date": "",
        "note": "NGO shelter and rehabilitation home for female children rescued from commercial "
        "sexual exploitation (it does not say it takes boys), with education, counselling and "
        "legal aid. Children are placed there by the authorities after rescue; the page gives "
        "no phone number.",
        "confidence": "high",
    },
    {
        "name": "National Legal Services Authority (NALSA) – free legal aid",
        "kind": "legal_aid",
        "scope": "national",
        "phones": "",
        "email": "",
        "website": "https://nalsa.gov.in/",
        "hours": "",
        "open_24_7": False,
        "languages": "Hindi; English",
        "regions": ["in-west-bengal", "in-maharashtra"],
        "source_title": "Empower Legal – Article 39A free legal aid guide",
        "source_url": "https://www.empowerlegal.org/legal-right/article-39a-free-legal-aid-guide/",
        "source_date": "",
        "note": "Women, children and victims of trafficking are entitled to free legal aid; apply at "
        "the District Legal Services Authority or on the NALSA portal. A 15100 helpline was "
        "reported in 2020 (Chhattisgarh launch) but is not confirmed for West Bengal or "
        "Maharashtra.",
        "confidence": "low",
    },
    {
        "name": "Royal Thai Police emergency 191",
        "kind": "emergency",
        "scope": "national",
        "phones": "191",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Thai",
        "regions": ["th-bangkok"],
        "source_title": "The Thaiger – Phuket's 191 hotline control room",
        "source_url": "https://thethaiger.com/news/phuket/phukets-191-hotline-control-room-preps-for-tourism-boost-with-safety-measures?utm_source=rss&utm_medium=rss&utm_campaign=phukets-191-hotline-control-room-preps-for-tourism-boost-with-safety-measures",
        "source_date": "",
        "note": "Police emergency number. The source says 191 has no foreign-language service; for "
        "English use Tourist Police 1155.",
        "confidence": "medium",
    },
    {
        "name": "Tourist Police 1155",
        "kind": "emergency",
        "scope": "national",
        "phones": "1155",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Thai; English; Chinese; Russian; Korean; Japanese",
        "regions": ["th-bangkok"],
        "source_title": "TPN National – Thai Tourist Police hotline 1155",
        "source_url": "https://tpnnational.com/2024/04/05/thai-tourist-police-ensure-safety-measures-for-songkran-festival-2024-with-hotline-1155-and-tourist-police-i-lert-u-app/",
        "source_date": "2024-04-05",
        "note": "Multilingual police call centre connected to 191 and 1669; useful when the child or "
        "the worker does not speak Thai, and for foreign offenders.",
        "confidence": "medium",
    },
    {
        "name": "Emergency medical services 1669",
        "kind": "emergency",
        "scope": "national",
        "phones": "1669",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Thai",
        "regions": ["th-bangkok"],
        "source_title": "Nation Thailand – National Institute for Emergency Medicine on the 1669 "
        "system",
        "source_url": "https://www.nationthailand.com/news/general/40060260",
        "source_date": "",
        "note": "National ambulance and emergency medical number run under the National Institute for "
        "Emergency Medicine.",
        "confidence": "medium",
    },
    {
        "name": "1300 Prachabodi Social Assistance Centre (Ministry of Social Development and Human "
        "Security)",
        "kind": "child_protection",
        "scope": "national",
        "phones": "1300",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Thai",
        "regions": ["th-bangkok"],
        "source_title": "UNICEF Thailand – campaign to promote 1300 Helpline",
        "source_url": "https://www.unicef.org/thailand/press-releases/unicef-and-government-launch-campaign-promote-1300-helpline-bid-curb-violence",
        "source_date": "2019-05-17",
        "note": "Government line to report child abuse, neglect and exploitation; it links the child "
        "to rescue, medical care, social services and counselling.",
        "confidence": "medium",
    },
    {
        "name": "1300 hotline – human trafficking reports (OSCC)",
        "kind": "anti_trafficking",
        "scope": "national",
        "phones": "1300",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Thai",
        "regions": ["th-bangkok"],
        "source_title": "Ban Muang – 1300 OSCC hotline",
        "source_url": "http://www.banmuang.co.th/2013/05/%E0%B8%AA%E0%B8%B2%E0%B8%A2%E0%B8%94%E0%B9%88%E0%B8%A7%E0%B8%991300-oscc%E0%B8%8A%E0%B9%88%E0%B8%A7%E0%B8%A2%E0%B8%AA%E0%B8%B1%E0%B8%87%E0%B8%84%E0%B8%A1/",
        "source_date": "2013-05",
        "note": "The 1300 One Stop Crisis Center takes reports on human trafficking, child labour and "
        "violence against children. Thais trafficked abroad can call +66 99 130 1300 (Bangkok "
        "Post report). Source is from 2013; no separate police anti-trafficking hotline was "
        "found.",
        "confidence": "low",
    },
    {
        "name": "One Stop Crisis Center (Soon Pueng Dai), Queen Sirikit National Institute of Child "
        "Health, Bangkok",
        "kind": "health",
        "scope": "local",
        "phones": "1415",
        "email": "",
        "website": "https://www.childrenhospital.go.th/13759/บริการของเรา/เสริมสร้างสุขภาพ/ศูนย์พึ่งได้-กลุ่มงานสังคมสงเคราะห์ทางการแพทย์/",
        "hours": "Hospital hotline 24 hours",
        "open_24_7": True,
        "languages": "Thai",
        "regions": ["th-bangkok"],
        "source_title": "Queen Sirikit National Institute of Child Health – OSCC, Medical Social Work",
        "source_url": "https://www.childrenhospital.go.th/13759/%E0%B8%9A%E0%B8%A3%E0%B8%B4%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%82%E0%B8%AD%E0%B8%87%E0%B9%80%E0%B8%A3%E0%B8%B2/%E0%B9%80%E0%B8%AA%E0%B8%A3%E0%B8%B4%E0%B8%A1%E0%B8%AA%E0%B8%A3%E0%B9%89%E0%B8%B2%E0%B8%87%E0%B8%AA%E0%B8%B8%E0%B8%82%E0%B8%A0%E0%B8%B2%E0%B8%9E/%E0%B8%A8%E0%B8%B9%E0%B8%99%E0%B8%A2%E0%B9%8C%E0%B8%9E%E0%B8%B6%E0%B9%88%E0%B8%87%E0%B9%84%E0%B8%94%E0%B9%89-%E0%B8%81%E0%B8%A5%E0%B8%B8%E0%B9%88%E0%B8%A1%E0%B8%87%E0%B8%B2%E0%B8%99%E0%B8%AA%E0%B8%B1%E0%B8%87%E0%B8%84%E0%B8%A1%E0%B8%AA%E0%B8%87%E0%B9%80%E0%B8%84%E0%B8%A3%E0%B8%B2%E0%B8%B0%E0%B8%AB%E0%B9%8C%E0%B8%97%E0%B8%B2%E0%B8%87%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B9%81%E0%B8%9E%E0%B8%97%E0%B8%A2%E0%B9%8C/",
        "source_date": "",
        "note": "Government children's hospital centre giving medical care, social work, protection "
        "and follow-up to children harmed by violence, with police and other agencies. 1415 is "
        "the hospital's 24-hour hotline shown on the page, not a direct OSCC line.",
        "confidence": "high",
    },
    {
        "name": "Justice Fund (Ministry of Justice, Thailand)",
        "kind": "legal_aid",
        "scope": "national",
        "phones": "",
        "email": "",
        "website": "https://thailand.go.th/issue-focus-detail/001_01_233",
        "hours": "",
        "open_24_7": False,
        "languages": "Thai",
        "regions": ["th-bangkok"],
        "source_title": "Thailand.go.th – The process for considering applications for assistance from "
        "Justice Fund",
        "source_url": "https://thailand.go.th/issue-focus-detail/001_01_233",
        "source_date": "",
        "note": "Government fund that pays for legal help in court cases and assists people whose "
        "rights were violated. The page explains the application steps but gives no phone "
        "number.",
        "confidence": "high",
    },
    {
        "name": "Childline Thailand (Saidek 1387)",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1387",
        "email": "",
        "website": "https://childlinethailand.org/th/what-we-do/call-center",
        "hours": "24 hours, 365 days",
        "open_24_7": True,
        "languages": "Thai",
        "regions": ["th-bangkok"],
        "source_title": "Child Helpline International – 20 Years, 20 Voices: Childline Thailand",
        "source_url": "https://childhelplineinternational.org/20-years-20-voices-childline-thailand/",
        "source_date": "2023",
        "note": "Free 24/7 NGO helpline and social media chat for children under 18 in Thailand: "
        "counselling, links to emergency services, case management and legal help. Call centre "
        "is in Bangkok.",
        "confidence": "medium",
    },
    {
        "name": "ThaiHotline (Internet Foundation for the Development of Thailand)",
        "kind": "csam_reporting",
        "scope": "national",
        "phones": "",
        "email": "",
        "website": "https://www.thaihotline.org/en/framework/",
        "hours": "Online",
        "open_24_7": False,
        "languages": "Thai; English",
        "regions": ["th-bangkok"],
        "source_title": "ThaiHotline – Scope of Work",
        "source_url": "https://www.thaihotline.org/en/framework/",
        "source_date": "",
        "note": "INHOPE member hotline for reporting illegal online content, including child sexual "
        "abuse material; it passes reports to the Ministry of Digital Economy and Society, "
        "police and child protection agencies. Police investigations are done by the Thailand "
        "Internet Crimes Against Children (TICAC) task force, for which no public contact was "
        "found.",
        "confidence": "high",
    },
    {
        "name": "Punjab Police emergency 15",
        "kind": "emergency",
        "scope": "local",
        "phones": "15",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Urdu; Punjabi",
        "regions": ["pk-punjab"],
        "source_title": "Radio Pakistan – Punjab govt set up Police Control Rooms",
        "source_url": "https://radio.gov.pk/16-09-2018/punjab-govt-set-up-police-control-rooms-in-major-districts",
        "source_date": "2018-09-16",
        "note": "Police emergency number in Punjab. The source is a 2018 notice; 15 is the "
        "long-standing police number.",
        "confidence": "medium",
    },
    {
        "name": "Rescue 1122 (Punjab Emergency Service)",
        "kind": "emergency",
        "scope": "local",
        "phones": "1122",
        "email": "",
        "website": "",
        "hours": "24 hours",
        "open_24_7": True,
        "languages": "Urdu; Punjabi",
        "regions": ["pk-punjab"],
        "source_title": "The News – Performance of Rescue 1122 reviewed",
        "source_url": "https://www.thenews.com.pk/print/49396-performance-of-rescue-1122-reviewed",
        "source_date": "2015-07-04",
        "note": "Ambulance, rescue and fire service in all districts of Punjab; also handles medical "
        "emergencies and crimes.",
        "confidence": "medium",
    },
    {
        "name": "Child Helpline 1121 (Child Protection & Welfare Bureau Punjab)",
        "kind": "child_helpline",
        "scope": "local",
        "phones": "1121",
        "email": "",
        "website": "https://punjab.gov.pk/childhelpline1121",
        "hours": "Any day, any time",
        "open_24_7": True,
        "languages": "Urdu; Punjabi",
        "regions": ["pk-punjab"],
        "source_title": "Government of Punjab – Child Helpline 1121",
        "source_url": "https://punjab.gov.pk/childhelpline1121",
        "source_date": "",
        "note": "Report a child who is begging, exploited in the sex trade, in bonded labour or "
        "abandoned; the Bureau removes the child from danger and arranges care.",
        "confidence": "high",
    },
    {
        "name": "Child Protection & Welfare Bureau Punjab (CPWB)",
        "kind": "child_protection",
        "scope": "local",
        "phones": "1121",
        "email": "",
        "website": "https://punjab.gov.pk/childhelpline1121",
        "hours": "",
        "open_24_7": False,
        "languages": "Urdu; Punjabi",
        "regions": ["pk-punjab"],
        "source_title": "UrduPoint – Eight Child Protection Bureaus working in Punjab",
        "source_url": "https://www.urdupoint.com/en/pakistan/eight-child-protection-bureaus-working-in-pun-716815.html",
        "source_date": "2019-09-21",
        "note": "Provincial child protection authority with district bureaus (Lahore, Faisalabad, "
        "Gujranwala, Multan, Rawalpindi, Sialkot, Bahawalpur and more). Contact it through "
        "helpline 1121.",
        "confidence": "medium",
    },
    {
        "name": "CPWB child protection centres (residential care)",
        "kind": "shelter",
        "scope": "local",
        "phones": "1121",
        "email": "",
        "website": "",
        "hours": "",
        "open_24_7": False,
        "languages": "Urdu; Punjabi",
        "regions": ["pk-punjab"],
        "source_title": "The News – Child Protection Bureau opens (Sahiwal)",
        "source_url": "https://www.thenews.com.pk/print/926084-child-protection-bureau-opens",
        "source_date": "2022-01-18",
        "note": "The Bureau runs residential hostels for children of any gender with food, health care and "
        "schooling, and 24/7 rescue through 1121.",
        "confidence": "medium",
    },
    {
        "name": "FIA National Trafficking in Persons (TIP) Hotline",
        "kind": "anti_trafficking",
        "scope": "national",
        "phones": "111-247-786",
        "email": "",
        "website": "",
        "hours": "",
        "open_24_7": False,
        "languages": "Urdu; English",
        "regions": ["pk-punjab"],
        "source_title": "Dawn – FIA launches hotline for registration of complaints against human "
        "trafficking",
        "source_url": "https://www.dawn.com/news/1797803/fia-launches-hotline-for-registration-of-complaints-against-human-trafficking",
        "source_date": "2023-12-14",
        "note": "Federal Investigation Agency hotline to report traffickers; complaints go to the "
        "police station concerned and victims are referred to welfare departments.",
        "confidence": "medium",
    },
    {
        "name": "National Cyber Crimes Investigation Agency (NCCIA) helpline 1799",
        "kind": "csam_reporting",
        "scope": "national",
        "phones": "1799",
        "email": "",
        "website": "",
        "hours": "",
        "open_24_7": False,
        "languages": "Urdu; English",
        "regions": ["pk-punjab"],
        "source_title": "Arab News – Pakistan launches cybercrime helpline",
        "source_url": "https://www.arabnews.pk/node/2603229",
        "source_date": "2025-06-04",
        "note": "Since 2025 the NCCIA, not the FIA Cybercrime Wing, handles cyber crime complaints, "
        "including online child sexual abuse. Old FIA cyber numbers may no longer work.",
        "confidence": "medium",
    },
    {
        "name": "Digital Rights Foundation – Cyber Harassment Helpline",
        "kind": "legal_aid",
        "scope": "national",
        "phones": "0800-39393",
        "email": "",
        "website": "https://digitalrightsfoundation.pk/2023/05/",
        "hours": "9 am – 5 pm, Monday to Sunday",
        "open_24_7": False,
        "languages": "Urdu; English",
        "regions": ["pk-punjab"],
        "source_title": "Digital Rights Foundation – Helpline report 2022",
        "source_url": "https://digitalrightsfoundation.pk/2023/05/",
        "source_date": "2023-05-18",
        "note": "Free, confidential legal advice, digital help and psychological support for people "
        "abused online. DRF is the Internet Watch Foundation partner for Pakistan's child "
        "sexual abuse material reporting portal (IWF, 2020).",
        "confidence": "high",
    },
    {
        "name": "Madadgaar National Helpline 1098",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1098",
        "email": "",
        "website": "",
        "hours": "",
        "open_24_7": False,
        "languages": "Urdu",
        "regions": ["pk-punjab"],
        "source_title": "The Express Tribune – Madadgaar's helpline reaches out to victims of violence "
        "outside Sindh",
        "source_url": "http://tribune.com.pk/story/606679/going-national-madadgaars-helpline-reaches-out-to-victims-of-violence-outside-sindh/",
        "source_date": "2013-09-19",
        "note": "NGO helpline (Lawyers for Human Rights and Legal Aid) for children and women facing "
        "abuse, including trafficking. Source is old and a later profile says the Lahore focal "
        "point closed and cases go to Karachi; in Punjab use 1121 first.",
        "confidence": "low",
    },
    {
        "name": "Violence Against Women Centre (Punjab Women Protection Authority), Multan – helpline "
        "1043",
        "kind": "health",
        "scope": "local",
        "phones": "1043",
        "email": "",
        "website": "",
        "hours": "",
        "open_24_7": False,
        "languages": "Urdu; Punjabi",
        "regions": ["pk-punjab"],
        "source_title": "The Nation – 41 cases of violence against women filed (VAWC Multan)",
        "source_url": "http://nation.com.pk/national/06-Apr-2017/41-cases-of-violence-against-women-filed",
        "source_date": "2017-04-06",
        "note": "One-stop centre for women survivors of violence: first aid, medical exam, police "
        "report, prosecution and counselling; a second centre opened in Lahore in 2025. It "
        "serves women, so for children use 1121. Source is from 2017.",
        "confidence": "low",
    },
    {
        "name": "NCMEC CyberTipline",
        "kind": "csam_reporting",
        "scope": "international",
        "phones": "",
        "email": "",
        "website": "https://report.cybertip.org",
        "hours": "Online, any time",
        "open_24_7": True,
        "languages": "English",
        "regions": [],
        "source_title": "NCMEC CyberTipline – Frequently Asked Questions",
        "source_url": "https://report.cybertip.org/faqs",
        "source_date": "",
        "note": "Report online child sexual abuse material or a child offered for sex, from any "
        "country; you do not have to give your name. NCMEC passes reports to the police in the "
        "right country.",
        "confidence": "high",
    },
    {
        "name": "Internet Watch Foundation (IWF) – report child sexual abuse imagery",
        "kind": "csam_reporting",
        "scope": "international",
        "phones": "",
        "email": "",
        "website": "https://www.iwf.org.uk/report",
        "hours": "Online, any time",
        "open_24_7": True,
        "languages": "English",
        "regions": [],
        "source_title": "IWF – FAQs",
        "source_url": "https://www.iwf.org.uk/faqs/",
        "source_date": "",
        "note": "Anonymous online form: give only the web link where you saw the images or videos. IWF "
        "analysts have them blocked and removed. If a child is in danger, call local police "
        "first.",
        "confidence": "high",
    },
]


def notes_for(data: dict) -> str:
    """The research note, then where it comes from, then the example mark editors clear."""
    dated = f" ({data['source_date']})" if data["source_date"] else ""
    return (
        f"{data['note']} Source: {data['source_title']}, {data['source_url']}{dated}. "
        f"Example shipped with the app (source confidence: {data['confidence']})."
    )


def add_contacts(apps, schema_editor):
    Region = apps.get_model("screening", "Region")
    SupportContact = apps.get_model("screening", "SupportContact")
    HistoricalSupportContact = apps.get_model("screening", "HistoricalSupportContact")
    last = Region.objects.order_by("-position").values_list("position", flat=True).first()
    Region.objects.get_or_create(
        code=PUNJAB["code"],
        defaults={
            "name": PUNJAB["name"],
            "name_en": PUNJAB["name"],
            "country": PUNJAB["country"],
            "position": (last or 0) + 1,
        },
    )
    regions = {region.code: region for region in Region.objects.all()}
    SupportContact.objects.filter(name=RETIRED, is_example=True).update(active=False)
    SupportContact.objects.filter(
        name__in=SUPERSEDED, is_example=True, last_verified__isnull=True
    ).delete()
    existing = set(SupportContact.objects.values_list("name", "kind"))
    for position, data in enumerate(CONTACTS, start=1):
        if (data["name"], data["kind"]) in existing:
            continue  # an editor's own contact of that name stays as it is
        notes = notes_for(data)
        contact = SupportContact.objects.create(
            name=data["name"],
            name_en=data["name"],
            kind=data["kind"],
            scope=data["scope"],
            phones=data["phones"],
            email=data["email"],
            website=data["website"],
            hours=data["hours"],
            hours_en=data["hours"],
            open_24_7=data["open_24_7"],
            languages=data["languages"],
            notes=notes,
            notes_en=notes,
            is_example=True,
            last_verified=None,
            position=position,
            active=True,
        )
        contact.regions.set([regions[code] for code in data["regions"] if code in regions])
        # A first history entry, with the regions, so an editor's first change can be reverted.
        entry = HistoricalSupportContact.objects.create(
            **{
                f.attname: getattr(contact, f.attname) for f in SupportContact._meta.concrete_fields
            },
            history_type="+",
            history_date=timezone.now(),
            history_change_reason=REASON,
        )
        through = apps.get_model("screening", "HistoricalSupportContact_regions")
        links = SupportContact.regions.through.objects.filter(supportcontact_id=contact.pk)
        through.objects.bulk_create(
            through(id=link_id, history=entry, supportcontact_id=contact.pk, region_id=region)
            for link_id, region in links.values_list("id", "region_id")
        )


def remove_contacts(apps, schema_editor):
    Region = apps.get_model("screening", "Region")
    SupportContact = apps.get_model("screening", "SupportContact")
    SupportContact.objects.filter(
        is_example=True,
        name__in=[data["name"] for data in CONTACTS],
        notes_en__contains="(source confidence: ",
    ).delete()
    SupportContact.objects.filter(name=RETIRED, is_example=True).update(active=True)
    # Put back the examples of 0003 that were removed, from its own frozen literal.
    regions = {region.code: region for region in Region.objects.all()}
    existing = set(SupportContact.objects.values_list("name", flat=True))
    for position, data in enumerate(DEFAULT_CONTENT.CONTACTS, start=1):
        if data["name"] not in SUPERSEDED or data["name"] in existing:
            continue
        contact = SupportContact.objects.create(
            kind=data["kind"],
            scope=data["scope"],
            phones=data.get("phones", ""),
            website=data.get("website", ""),
            open_24_7=data.get("open_24_7", False),
            languages=data.get("languages", ""),
            is_example=True,
            position=position,
            name=data["name"],
            name_en=data["name"],
            notes=data["notes"],
            notes_en=data["notes"],
        )
        contact.regions.set([regions[code] for code in data["regions"] if code in regions])
    # The region goes only if nothing refers to it any more.
    region = Region.objects.filter(code=PUNJAB["code"]).first()
    if region is not None and not region.contacts.exists():
        with contextlib.suppress(ProtectedError):  # a usage record refers to it: keep it
            region.delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0011_step_texts")]

    operations = [migrations.RunPython(add_contacts, remove_contacts)]
