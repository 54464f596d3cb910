"""Eight worked practice cases, written for this app from the sources in the domain brief.

Every case is invented: no real child, person or place. Each names the signs an experienced
worker would note (by indicator slug) and why, with the sources the notes rest on. Editors may
change them in the admin; the translations come from the content translation files.
"""

from django.db import migrations

RAFFERTY = "Rafferty (2016), Child Abuse & Neglect 52, 158-168"
ECPAT = "ECPAT International (2001), Trafficking in Children for Sexual Purposes"
PROTOCOL = "UN Trafficking Protocol (2000), art. 3(c)-(d)"
PRINCIPLES = "UN Recommended Principles and Guidelines on Human Rights and Human Trafficking (2002)"
UNICEF = "UNICEF Guidelines on the Protection of Child Victims of Trafficking (2006)"
COE = "Council of Europe Convention on Action against Trafficking in Human Beings (2005)"
LUXEMBOURG = "Luxembourg Terminology Guidelines (2016)"

CASES = [
    {
        "slug": "bus-station-uncle",
        "title": "A girl at the bus station with her 'uncle'",
        "setting": "transport",
        "age_band": "15_17",
        "in_danger": False,
        "story": (
            "You work at a city bus station. A girl who looks about 15 gets off a night bus "
            "from a village far away. A man with her says he is her uncle, but he has no paper "
            "that shows it. He answers every question you ask her. She says a neighbour found "
            "her a job in a restaurant here. She does not know the address where she will stay."
        ),
        "signs": [
            "move-recent-arrival",
            "move-brought-by-other",
            "move-promise",
            "control-adult-speaks",
            "control-unproven-relative",
            "hidden-no-address",
        ],
        "notes": (
            "She has been moved from home by someone outside her family, with a promise of "
            "work, and she does not know where she is going. Movement is one of the two parts "
            "of trafficking; nobody has to use force for it to count when the person is a "
            "child.\n\n"
            "The man speaks for her and cannot show he is family. Do not argue with him or "
            "accuse him. Find a calm reason to talk with her on her own, and do not let her "
            "leave with him before a child protection worker or the police have checked.\n\n"
            "Nothing here proves trafficking, and that is not your job. Your job is to notice "
            "and refer."
        ),
        "source": f"{ECPAT}; {PROTOCOL}; {UNICEF}",
    },
    {
        "slug": "karaoke-inspection",
        "title": "A girl found in a karaoke bar near the border",
        "setting": "venue",
        "age_band": "maybe_adult",
        "in_danger": False,
        "story": (
            "Police inspect a karaoke bar near the border. A girl there says she is 19, but "
            "she has no identity document. She says she came across the border last year and "
            "owes the manager for the trip. When asked about school, she says she was in grade "
            "7 two years ago. Her answers about her age change."
        ),
        "signs": [
            "hidden-venue",
            "encounter-illegal-entry-or-papers",
            "age-no-document",
            "age-story-does-not-fit",
            "disclose-debt-or-threats",
            "move-hidden-travel",
        ],
        "notes": (
            "Her age does not add up: grade 7 two years ago means she may be about 14. When "
            "there are reasons to believe someone is a child, treat them as a child until "
            "their age is checked.\n\n"
            "A debt to the manager is a common way to control a child. She crossed the border "
            "without papers, but she must not be arrested, held or sent back for that, or for "
            "being in the bar: she is a victim, not an offender.\n\n"
            "Children found in raids are often arrested instead of being helped. Screening "
            "them is the point of this tool."
        ),
        "source": f"{RAFFERTY}; {COE}, art. 10(3) and 26; {PRINCIPLES}, principle 7",
    },
    {
        "slug": "clinic-new-phone",
        "title": "A boy at the clinic with a new phone",
        "setting": "health",
        "age_band": "12_14",
        "in_danger": False,
        "story": (
            "A boy of about 13 comes to a health clinic with an infection that may be sexually "
            "transmitted. He says he sleeps at a guest house where he helps out. He has a new "
            "phone and money, and cannot say where they came from. He says a foreign visitor "
            "is his friend, and that what he does is his own choice."
        ),
        "signs": [
            "disclose-health",
            "hidden-lives-at-work",
            "exploit-unexplained-money",
            "disclose-loyal-to-exploiter",
            "disclose-not-a-victim",
        ],
        "notes": (
            "Boys are exploited too. Do not assume that only girls are at risk.\n\n"
            "He says it is his choice, but a child cannot agree to being sexually exploited. "
            "Many exploited children do not see themselves as victims, and many feel loyal to "
            "the adult who exploits them.\n\n"
            "Treat the infection, explain who you are, and refer him to child protection. This "
            "may be sexual exploitation of children in travel and tourism."
        ),
        "source": f"{PROTOCOL}; {LUXEMBOURG}; Basson (2018), West Coast Children's Clinic",
    },
    {
        "slug": "online-boyfriend",
        "title": "A pupil asked for photos by an online 'boyfriend'",
        "setting": "school",
        "age_band": "12_14",
        "in_danger": False,
        "story": (
            "A teacher learns that a pupil of 14 has an older 'boyfriend' she met online. He "
            "sends her money for phone credit. He asks her for sexual photos and wants her to "
            "come and meet him in another town. She says he loves her and asks the teacher to "
            "keep it secret."
        ),
        "signs": [
            "hidden-online",
            "exploit-images",
            "exploit-unexplained-money",
            "disclose-loyal-to-exploiter",
            "move-promise",
        ],
        "notes": (
            "An older person who gives a child money or gifts, asks for sexual images and "
            "plans to move her is grooming her for exploitation.\n\n"
            "Never copy, forward, download or show sexual images of a child, even as evidence. "
            "Note where they were seen and report them to the police unit or hotline for child "
            "sexual abuse material.\n\n"
            "Do not promise to keep it secret. Tell her kindly who you need to tell and why."
        ),
        "source": f"{ECPAT}; Rigby (2011), Child Abuse Review; {UNICEF}",
    },
    {
        "slug": "hotel-room",
        "title": "A frightened child taken to a hotel room",
        "setting": "accommodation",
        "age_band": "12_14",
        "in_danger": True,
        "story": (
            "You work at a hotel desk. A man pays in cash for a room. With him is a child who "
            "looks about 12. He says the child is his niece, but he shows no paper for her. The "
            "child looks frightened, does not speak, and keeps her eyes down. They go up to the "
            "room."
        ),
        "signs": [
            "control-adult-speaks",
            "control-unproven-relative",
            "disclose-fearful",
            "age-looks-younger",
        ],
        "notes": (
            "The child may be in danger right now. Call emergency services at once, before "
            "anything else.\n\n"
            "Do not confront the man or go to the room alone: that can put the child and you "
            "at risk. Tell the police what you saw and when.\n\n"
            "Safety comes before any checklist."
        ),
        "source": f"{UNICEF}; {PRINCIPLES}",
    },
    {
        "slug": "border-husband",
        "title": "A married girl at a border checkpoint",
        "setting": "border",
        "age_band": "15_17",
        "in_danger": False,
        "story": (
            "At a border checkpoint, a girl of about 16 travels with a man who says he is her "
            "husband. An agent arranged and paid for their trip. The man holds both their "
            "passports. She says she will work in a beauty salon in the city across the "
            "border. She looks at the man before she answers anything."
        ),
        "signs": [
            "vuln-child-marriage",
            "move-travel-paid",
            "move-brought-by-other",
            "move-promise",
            "control-holds-papers-money",
            "control-adult-speaks",
        ],
        "notes": (
            "Marriage does not make her an adult, and it does not make her safe. An agent paid "
            "for the trip and the man holds her passport: she has little control over where "
            "she goes.\n\n"
            "Treat her as a child who may be a victim, not as an irregular migrant. Speak with "
            "her away from the man, with a woman officer if she wishes, and with an interpreter "
            "who is not travelling with her.\n\n"
            "Do not hand her back to the man while child protection is called."
        ),
        "source": f"{UNICEF}; {ECPAT}; {PROTOCOL}",
    },
    {
        "slug": "street-night",
        "title": "A boy held by police for stealing at night",
        "setting": "police",
        "age_band": "15_17",
        "in_danger": False,
        "story": (
            "Police bring in a boy of about 15 for stealing near the bars late at night. He "
            "ran away from home a year ago, he says, because his stepfather beat him. An older "
            "man lets him sleep in a room if he goes with men the man sends him to. He is "
            "afraid of what the police will do to him."
        ),
        "signs": [
            "encounter-street-begging-theft",
            "vuln-street-runaway",
            "vuln-violence-home",
            "exploit-sex-for-needs",
            "hidden-out-at-night",
            "control-fear-authorities",
        ],
        "notes": (
            "Being sent to men for a place to sleep is sexual exploitation. A child who is "
            "exploited for shelter is a victim, whatever else he has done.\n\n"
            "Arrest is often the first moment anyone asks. Do not charge or hold him for acts "
            "he was pushed into. A police cell is never a place of safety for a child.\n\n"
            "Call child protection, keep him away from the man, and do not send him home "
            "before anyone checks that home is safe."
        ),
        "source": f"{RAFFERTY}; {PRINCIPLES}, principle 7",
    },
    {
        "slug": "shelter-after-flood",
        "title": "A girl at a shelter after a flood",
        "setting": "social",
        "age_band": "12_14",
        "in_danger": False,
        "story": (
            "A girl of 12 comes to a shelter with her mother after a flood destroyed their "
            "house. The family is very poor and she has not been to school for a month. She "
            "lives with her mother and brothers. Nobody has offered her work or travel, and "
            "she has nothing she cannot explain."
        ),
        "signs": ["vuln-poverty-school", "vuln-out-of-school"],
        "notes": (
            "Poverty and missing school make a child easier to target, but they are not signs "
            "of trafficking on their own. Here you see no movement by others and no "
            "exploitation.\n\n"
            "A checklist with few signs does not rule trafficking out. Keep an eye on her, "
            "help the family get support and school, and look again if someone offers her a "
            "job or a trip.\n\n"
            "The result still gives you contacts: a social worker can help the family."
        ),
        "source": f"{ECPAT} (push factors); {RAFFERTY}",
    },
]


def add_cases(apps, schema_editor):
    PracticeCase = apps.get_model("screening", "PracticeCase")
    Indicator = apps.get_model("screening", "Indicator")
    by_slug = {i.slug: i for i in Indicator.objects.all()}
    for position, data in enumerate(CASES, start=1):
        data = dict(data)
        signs = data.pop("signs")
        fields = {
            key: value for key, value in data.items() if key not in {"title", "story", "notes"}
        }
        for key in ("title", "story", "notes"):
            fields[key] = data[key]
            fields[f"{key}_en"] = data[key]
        case, _created = PracticeCase.objects.update_or_create(
            slug=data["slug"], defaults={**fields, "position": position}
        )
        # A sign an editor retired or renamed is left out rather than failing the migration.
        case.signs.set([by_slug[slug] for slug in signs if slug in by_slug])
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="screening", model="practicecase")
    editors = Group.objects.filter(name="Content editors").first()
    for action in ("add", "change", "delete", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_practicecase",
            defaults={"name": f"Can {action} practice case"},
        )
        if editors is not None:
            editors.permissions.add(permission)


def remove_cases(apps, schema_editor):
    apps.get_model("screening", "PracticeCase").objects.filter(
        slug__in=[case["slug"] for case in CASES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0095_practice_cases"),
        ("screening", "0002_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(add_cases, remove_cases)]
