"""Ship the default checklist, guidance, demo regions and example contacts.

Every sentence is the app's own plain-language wording, written from the project's domain
brief; each section, indicator and guidance item names the sources it rests on. The section
headings are the app's own summaries: they are not quotations from Rafferty (2016), whose
framing (identification is the first step; situational and child-related challenges; harm
from wrongful arrest) they follow.

The content is frozen here as plain data, so later code changes never alter what this
migration wrote. Editors change it afterwards in the admin.
"""

from django.db import migrations

from screening.models.versioning import keep_wording_version

RAFFERTY = (
    "Rafferty, Y. (2016). Challenges to the rapid identification of children who have been "
    "trafficked for commercial sexual exploitation. Child Abuse & Neglect, 52, 158–168"
)
ECPAT_2001 = (
    "ECPAT International (2001). Trafficking in Children for Sexual Purposes: "
    "An Analytical Review. NCJ 195566"
)
PROTOCOL = (
    "UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women "
    "and Children (2000), article 3"
)
PRINCIPLES = (
    "UN Recommended Principles and Guidelines on Human Rights and Human Trafficking (2002), "
    "principle 7"
)
COE = "Council of Europe Convention on Action against Trafficking in Human Beings (2005)"
UNICEF = "UNICEF Guidelines on the Protection of Child Victims of Trafficking (2006)"
LUXEMBOURG = (
    "Terminology Guidelines for the Protection of Children from Sexual Exploitation and "
    "Sexual Abuse (Luxembourg Guidelines, 2016)"
)
BASSON = "Basson (2018), West Coast Children's Clinic"
RIGBY = (
    "Rigby, P. (2011). Separated and trafficked children: the challenges for child "
    "protection professionals. Child Abuse Review"
)
ECPAT_UK = "ECPAT UK, guidance on identifying trafficked children and on age assessment"
HEADING_NOTE = "The heading is this app's own summary, not Rafferty's words."

SECTIONS = [
    {
        "slug": "hidden",
        "title": "Hidden places and frequent moves",
        "intro": (
            "Children are often kept out of sight: in brothels, massage parlours, karaoke "
            "bars, hotels, private homes or online. They are also moved often, so few "
            "outsiders see them long enough to notice."
        ),
        "source": (
            f"Framing (a situational challenge to identification): {RAFFERTY}. {HEADING_NOTE} "
            f"Venues linked to travel and tourism: {ECPAT_2001}."
        ),
    },
    {
        "slug": "seen-as-offender",
        "title": "Seen as an offender or a migrant",
        "intro": (
            "Many frontline staff have no tools, training or clear steps for spotting these "
            "children. So the signs are missed, and the child is treated as an offender, or as "
            "someone who broke immigration law, instead of as a victim. How you came to meet "
            "the child can itself be a sign."
        ),
        "source": (
            f"Framing, and the harm done to children wrongly arrested for prostitution-related "
            f"offences or illegal border crossing: {RAFFERTY}. {HEADING_NOTE} "
            f"Professionals lack tools and training; agencies lack consistent data: {BASSON}. "
            f"Non-punishment: {PRINCIPLES}; {COE}, article 26."
        ),
    },
    {
        "slug": "control-and-fear",
        "title": "Control by others and fear of authorities",
        "intro": (
            "The people around a child may be part of the exploitation, and sometimes "
            "officials are too. The child may be afraid of the police and may stay in touch "
            "with the people who exploit them."
        ),
        "source": (
            f"Framing (a situational challenge): {RAFFERTY}. {HEADING_NOTE} "
            f"Complicity, fear of authorities and contact with exploiters: {RIGBY}."
        ),
    },
    {
        "slug": "disclosure",
        "title": "The child does not tell",
        "intro": (
            "Most children do not say what is happening to them. They may be afraid, ashamed, "
            "in debt, attached to an exploiter or told what to say. Many do not see themselves "
            "as victims."
        ),
        "source": (
            f"Framing (a child-related challenge): {RAFFERTY}. {HEADING_NOTE} "
            f"Most trafficked young people do not recognise their own exploitation: {BASSON}. "
            f"Accounts are often confused or contradictory because the child is scared or "
            f"coached: {ECPAT_UK}."
        ),
    },
    {
        "slug": "age",
        "title": "Age is hidden or unclear",
        "intro": (
            "Many children have no papers, false papers, or a birth that was never registered. "
            "Some are told to say they are adults, and are then treated as adults."
        ),
        "source": (
            f"Framing (a child-related challenge): {RAFFERTY}. {HEADING_NOTE} "
            f"Age assessment: {ECPAT_UK}. Presumption of age: {COE}, article 10(3); {UNICEF}."
        ),
    },
    {
        "slug": "movement",
        "title": "Movement",
        "intro": (
            "Trafficking joins two things: moving a child away from their usual place, and "
            "exploiting them at some stage. Each step can look ordinary, or even legal, on its "
            "own, so the pattern is easy to miss."
        ),
        "source": f"{ECPAT_2001}. {PROTOCOL}.",
    },
    {
        "slug": "exploitation",
        "title": "Exploitation",
        "intro": (
            "Exploitation usually happens behind closed doors. The child may be given money "
            "or gifts, which can make it look like their choice. A child cannot consent to "
            "being exploited."
        ),
        "source": f"{ECPAT_2001}. {PROTOCOL}. Words: {LUXEMBOURG}.",
    },
    {
        "slug": "vulnerability",
        "title": "Vulnerability",
        "intro": (
            "Poverty, violence, family break-up and discrimination push children to leave "
            "home. The hope of work pulls them to cities and tourist areas. These signs are "
            "common, so they are easy to overlook, but they show who is most at risk."
        ),
        "source": f"Push and pull factors: {ECPAT_2001}.",
    },
]

SEE_OFFENDER = "See 'The child is a victim, not an offender'."

INDICATORS = {
    "hidden": [
        {
            "slug": "hidden-venue",
            "text": "The child was met in, or is linked to, a place where sex is sold.",
            "help": (
                "For example a brothel, massage parlour, karaoke or dance bar, guest house or "
                "hotel. Or the child is seen going in and out of such places with adults, or "
                "is out late at night with adults who are not family."
            ),
            "guidance": (
                "Do not confront anyone at the venue, and do not go back there alone. Tell the "
                "police unit or child protection service that deals with trafficking what you "
                "saw, and when."
            ),
            "source": f"{RAFFERTY}. {ECPAT_2001}.",
        },
        {
            "slug": "hidden-lives-at-work",
            "text": "The child seems to live and sleep where they work.",
            "help": (
                "They sleep at the venue, the hotel or the employer's home. They have few "
                "belongings of their own. They are rarely or never allowed out alone."
            ),
            "guidance": (
                "Do not send the child back to that place. Ask the child protection authority "
                "for a safe place for the child to stay."
            ),
            "source": RAFFERTY,
        },
        {
            "slug": "hidden-no-address",
            "text": "The child does not know the address, or even the town, where they stay.",
            "help": (
                "They cannot name the street, the area or the city. They may only name a "
                "building or a person. This often happens when a child is kept inside or moved "
                "often."
            ),
            "guidance": "",
            "source": RAFFERTY,
        },
        {
            "slug": "hidden-moved-often",
            "text": "The child seems to have been moved often between places or towns.",
            "help": (
                "They mention many towns or venues in a short time. They stayed only days or "
                "weeks in each place. Someone else decided when and where they went."
            ),
            "guidance": (
                "Tell the service you refer to which places the child mentioned. The child may "
                "be moved again soon, so refer today."
            ),
            "source": f"{RAFFERTY}. {ECPAT_2001}.",
        },
        {
            "slug": "hidden-online",
            "text": "The child seems to be advertised or contacted for sex online.",
            "help": (
                "Photos or adverts of the child on websites, social media or chat apps. Someone "
                "else controls their phone or accounts. Many calls or messages come from adults "
                "they do not know."
            ),
            "guidance": (
                "Do not open, copy, forward or download any sexual image of the child. Note the "
                "website or app where you saw it and report it. See 'Sexual images of a child'."
            ),
            "source": f"{RAFFERTY}. Words: {LUXEMBOURG}.",
        },
    ],
    "seen-as-offender": [
        {
            "slug": "encounter-prostitution-offence",
            "text": "The child was picked up by police for an offence linked to prostitution.",
            "help": (
                "For example during a raid on a brothel, hotel or massage parlour, or for "
                "soliciting on the street. Whatever the charge says, the child may be a victim "
                "of exploitation."
            ),
            "guidance": (
                "Do not charge the child or hold them in a police cell. Contact the child "
                "protection authority today, and go through the rest of this checklist. "
                f"{SEE_OFFENDER}"
            ),
            "source": f"{RAFFERTY}. {PRINCIPLES}. {COE}, article 26.",
        },
        {
            "slug": "encounter-illegal-entry-or-papers",
            "text": (
                "The child was stopped for entering the country illegally or for carrying "
                "false papers."
            ),
            "help": (
                "Stopped at a border post, on a bus or train, or found without permission to be "
                "in the country. Or carrying a passport or ID card with another name, another "
                "age or someone else's photo. Children are often given such papers by the "
                "people who move them."
            ),
            "guidance": (
                "Do not detain or deport the child. Immigration detention is never a safe place "
                "for a child. Contact the child protection authority and ask for a guardian. "
                f"{SEE_OFFENDER}"
            ),
            "source": f"{RAFFERTY}. {PRINCIPLES}. {COE}, article 26.",
        },
        {
            "slug": "encounter-street-begging-theft",
            "text": "The child was picked up for living on the street, begging or stealing.",
            "help": (
                "Some exploited children are also made to beg or steal. Others run away and end "
                "up on the street. Being picked up may be the first time an adult notices them."
            ),
            "guidance": (
                "Do not punish the child for acts they may have been forced to do. Go through "
                "the rest of this checklist before anyone decides what happens next. "
                f"{SEE_OFFENDER}"
            ),
            "source": f"{RAFFERTY}. {PRINCIPLES}.",
        },
    ],
    "control-and-fear": [
        {
            "slug": "control-adult-speaks",
            "text": "An adult speaks for the child or will not leave them alone with you.",
            "help": (
                "The adult answers questions put to the child. They stay close and watch the "
                "child. The child looks at the adult before answering, or repeats the adult's "
                "words."
            ),
            "guidance": (
                "Talk to the child away from the adult, in a calm and safe way. Do not hand the "
                "child back to this adult. If you need an interpreter, use one who is not the "
                "adult who came with the child."
            ),
            "source": RIGBY,
        },
        {
            "slug": "control-holds-papers-money",
            "text": "Someone else holds the child's identity papers, phone or money.",
            "help": (
                "The child cannot show their own papers because an agent, a boss or another "
                "adult keeps them. The money the child earns goes to someone else."
            ),
            "guidance": (
                "Do not go to the person holding the papers to ask for them. Tell the police or "
                "the child protection service who holds them."
            ),
            "source": RIGBY,
        },
        {
            "slug": "control-unproven-relative",
            "text": "An adult says they are the child's relative but cannot show it.",
            "help": (
                "No papers link the adult to the child. Their story and the child's story do "
                "not match. The child does not seem to know them well, or seems afraid of them."
            ),
            "guidance": (
                "Do not release the child to this adult. Ask the child protection authority to "
                "check the adult's link to the child first."
            ),
            "source": RIGBY,
        },
        {
            "slug": "control-fear-authorities",
            "text": "The child seems afraid of the police, officials or being sent away.",
            "help": (
                "They panic at the sight of a uniform. They say they will go to jail or be sent "
                "back. They may have been told that the police will hurt them."
            ),
            "guidance": (
                "Tell the child clearly that they are not in trouble and that you are there to "
                "help. If you can, meet them somewhere that does not look like a police station."
            ),
            "source": f"{RIGBY}. {RAFFERTY}.",
        },
        {
            "slug": "control-paid-to-look-away",
            "text": "There are signs that someone is paid to ignore what happens to the child.",
            "help": (
                "Guards, drivers, hotel staff or officials let the child pass without "
                "questions. A venue runs openly without any checks. The child mentions people "
                "who get paid to keep quiet."
            ),
            "guidance": (
                "Be careful whom you tell. Report to a service you trust, such as a national "
                "child helpline or anti-trafficking hotline, and not only to local officials."
            ),
            "source": RIGBY,
        },
    ],
    "disclosure": [
        {
            "slug": "disclose-story-does-not-add-up",
            "text": "The child's story sounds rehearsed, or it changes or does not add up.",
            "help": (
                "They use the same words as the adult with them. Dates, places or names change "
                "each time. This often happens because the child is scared or was told what to "
                "say."
            ),
            "guidance": (
                "Do not treat a changing story as lying, and do not push for the 'true' story. "
                "Leave interviews to someone trained to talk with children."
            ),
            "source": f"{ECPAT_UK}. {BASSON}.",
        },
        {
            "slug": "disclose-fearful",
            "text": "The child seems very afraid, anxious, withdrawn or always on guard.",
            "help": (
                "They avoid eye contact, startle easily, will not speak or keep watching the "
                "door. Some seem numb or flat. Others seem angry or rude; this can also be fear."
            ),
            "guidance": (
                "Keep your voice calm and give the child time. Explain who you are and what "
                "will happen next."
            ),
            "source": f"{BASSON}. {ECPAT_UK}.",
        },
        {
            "slug": "disclose-debt-or-threats",
            "text": "The child mentions a debt they must pay back, or threats to their family.",
            "help": (
                "They talk about money owed for travel, food, rent or papers. They say something "
                "bad will happen to their family if they leave or talk."
            ),
            "guidance": (
                "Take any threat to the family seriously. Tell the police or the child "
                "protection service, so that the family can be protected too."
            ),
            "source": f"{BASSON}. {ECPAT_UK}.",
        },
        {
            "slug": "disclose-loyal-to-exploiter",
            "text": (
                "The child is very loyal to, or keeps going back to, an older 'boyfriend', "
                "'girlfriend' or 'employer'."
            ),
            "help": (
                "This person is much older, gives gifts and decides where the child goes. The "
                "child defends them and may call it love. The child gets calls from them and "
                "must answer."
            ),
            "guidance": (
                "Going back is common and is not a reason to stop helping. Do not argue with "
                "the child about this person. Tell the service you refer to about the contact."
            ),
            "source": f"{RIGBY}. {BASSON}.",
        },
        {
            "slug": "disclose-health",
            "text": "The child has injuries or health problems that may come from abuse.",
            "help": (
                "Bruises, burns or cuts. A sexually transmitted infection or a pregnancy. Signs "
                "of drug or alcohol use. Untreated illness, great tiredness or hunger."
            ),
            "guidance": (
                "Get medical care for the child from a health service that treats children "
                "kindly and privately. Do not examine the child yourself."
            ),
            "source": f"{ECPAT_UK}. {BASSON}.",
        },
        {
            "slug": "disclose-ownership-marks",
            "text": "The child has a tattoo or mark that seems to show someone 'owns' them.",
            "help": (
                "A name, initials, a symbol or a barcode tattooed or burned on the neck, chest, "
                "wrist or elsewhere. The child may not want to talk about it."
            ),
            "guidance": (
                "Do not photograph the mark or ask the child to show it. Note what you saw in "
                "your own service's records and tell the service you refer to."
            ),
            "source": f"{ECPAT_UK}. {BASSON}.",
        },
        {
            "slug": "disclose-not-a-victim",
            "text": "The child says they are fine, or that what happens to them is their choice.",
            "help": (
                "They say they are earning money, that it is their decision, or that they do "
                "not need help. Many exploited children do not see themselves as victims. A "
                "child cannot agree to being exploited, whatever they say."
            ),
            "guidance": (
                "Do not argue or lecture. Stay calm and friendly, so the child can come back to "
                "you. Refer anyway: a child cannot consent to being exploited."
            ),
            "source": f"{BASSON}. {PROTOCOL}(c)–(d).",
        },
    ],
    "age": [
        {
            "slug": "age-no-document",
            "text": "The child has no identity document, or one that looks false or changed.",
            "help": (
                "No birth certificate, ID card or passport. Or a document with a photo that does "
                "not match, a date of birth that was changed, or a name the child does not use."
            ),
            "guidance": (
                "Treat the person as a child until the right authority checks their age. A "
                "missing or doubtful document does not prove that someone is an adult."
            ),
            "source": f"{ECPAT_UK}. {COE}, article 10(3). {UNICEF}.",
        },
        {
            "slug": "age-looks-younger",
            "text": "The child looks younger than the age they or others give.",
            "help": (
                "Their face, body, voice or behaviour seem younger than the age stated. Make-up, "
                "clothes and shoes can make a child look older than they are."
            ),
            "guidance": (
                "When in doubt, treat them as a child. Ask the child protection authority to "
                "arrange a proper age check; do not try to judge it yourself."
            ),
            "source": f"{ECPAT_UK}. {COE}, article 10(3).",
        },
        {
            "slug": "age-story-does-not-fit",
            "text": (
                "The age the child gives changes, or does not fit what they say about their life."
            ),
            "help": (
                "They give different ages at different times. They say they are 18 but mention "
                "a school year, or brothers and sisters, that do not fit that age. They answer "
                "as if the age was learned, or an adult insists the child is an adult."
            ),
            "guidance": (
                "Do not accept the stated age as final. Children are often told to say they are "
                "adults. Presume they are a child until the age is checked."
            ),
            "source": f"{ECPAT_UK}. {UNICEF}.",
        },
    ],
    "movement": [
        {
            "slug": "move-recent-arrival",
            "text": "The child arrived recently from another town, district or country.",
            "help": (
                "They have been here only days or weeks. They do not know the area, or do not "
                "speak the local language well."
            ),
            "guidance": (
                "Find an interpreter the child trusts who is not linked to the adults around them."
            ),
            "source": ECPAT_2001,
        },
        {
            "slug": "move-brought-by-other",
            "text": (
                "The child was brought here by an agent, an acquaintance or someone who says "
                "they are a relative."
            ),
            "help": (
                "Someone came to the family or the child and offered to take them. The child may "
                "not know this person's full name or where they live."
            ),
            "guidance": (
                "Do not release the child to this person. Tell the service you refer to what is "
                "known about them."
            ),
            "source": f"{ECPAT_2001}. {PROTOCOL}.",
        },
        {
            "slug": "move-promise",
            "text": "The child was promised a job, a marriage or a place at school somewhere else.",
            "help": (
                "For example work in a restaurant, factory, shop or home, a school place, or a "
                "husband or wife. What they found was not what they were promised."
            ),
            "guidance": (
                "If the child tells you what was promised and by whom, note it and pass it on "
                "when you refer. It can help find other children moved the same way."
            ),
            "source": f"{ECPAT_2001}. {PROTOCOL}.",
        },
        {
            "slug": "move-travel-paid",
            "text": "Someone else paid for or arranged the child's travel.",
            "help": (
                "The child did not buy their own ticket and may not know the route. They may now "
                "be told that they owe the cost of the journey."
            ),
            "guidance": "",
            "source": ECPAT_2001,
        },
        {
            "slug": "move-hidden-travel",
            "text": (
                "The child travelled in a hidden or unusual way, or crossed a border in secret."
            ),
            "help": (
                "Travelled at night, hidden in a vehicle, or in a group led by a stranger. "
                "Crossed a border away from a border post, or with someone else's papers. They "
                "may not know which country they are in."
            ),
            "guidance": (
                "Do not treat the child as someone who broke immigration law. Contact the child "
                f"protection authority, not only immigration. {SEE_OFFENDER}"
            ),
            "source": f"{ECPAT_2001}. {RAFFERTY}.",
        },
    ],
    "exploitation": [
        {
            "slug": "exploit-unexplained-money",
            "text": "The child has money, phones, clothes or gifts that they cannot explain.",
            "help": (
                "An expensive phone, jewellery or clothes that do not fit their situation. Cash "
                "with no clear source. Gifts from much older people."
            ),
            "guidance": "",
            "source": ECPAT_2001,
        },
        {
            "slug": "exploit-sex-for-needs",
            "text": (
                "The child is made or told to have sex in exchange for money, food, a place to "
                "sleep, drugs or protection."
            ),
            "help": (
                "The child or others mention 'clients', 'guests' or 'dates'. Adults are known to "
                "pay for time with the child. A child on the street has sex with adults to "
                "survive. Each of these is sexual exploitation of a child."
            ),
            "guidance": (
                "This is sexual exploitation of a child, whatever the child says about it. "
                "Treat the child as a victim and refer today."
            ),
            "source": f"{PROTOCOL}. {ECPAT_2001}. Words: {LUXEMBOURG}.",
        },
        {
            "slug": "exploit-long-hours",
            "text": "The child works long hours for little or no pay.",
            "help": (
                "In a venue, hotel, home or workshop. They cannot leave when they want. Their pay "
                "goes to someone else or to a 'debt'."
            ),
            "guidance": (
                "Tell the service you refer to where the child works. Do not contact the "
                "employer yourself."
            ),
            "source": ECPAT_2001,
        },
        {
            "slug": "exploit-images",
            "text": "Sexual images of the child exist, or someone asks the child for them.",
            "help": (
                "The child mentions being filmed or photographed. Someone demands photos or "
                "videos from the child. You are shown, or hear about, such images."
            ),
            "guidance": (
                "Never copy, forward, download or show the images, even as evidence. Note where "
                "you saw them and report them to the police unit or hotline that deals with "
                "child sexual abuse material."
            ),
            "source": f"Words: {LUXEMBOURG}. {ECPAT_2001}.",
        },
    ],
    "vulnerability": [
        {
            "slug": "vuln-poverty-school",
            "text": "The child is out of school, or must earn money for their family.",
            "help": (
                "The family is very poor. The child left school early or never went. The child "
                "sends money home or was sent away to earn."
            ),
            "guidance": "",
            "source": ECPAT_2001,
        },
        {
            "slug": "vuln-family-breakup",
            "text": "The child's family has broken up, or the child has lost a parent or carer.",
            "help": (
                "Parents separated, died or went away to work. The child lives with relatives "
                "or people who are not family, or alone."
            ),
            "guidance": "",
            "source": ECPAT_2001,
        },
        {
            "slug": "vuln-violence-home",
            "text": "You know that the child has faced violence or sexual abuse at home.",
            "help": (
                "You may know this from the child's file, a social worker, a teacher or the "
                "child. Do not ask the child for details."
            ),
            "guidance": (
                "Do not send the child home without the child protection authority's advice."
            ),
            "source": ECPAT_2001,
        },
        {
            "slug": "vuln-street-runaway",
            "text": "The child ran away from home or lives on the street.",
            "help": (
                "They sleep in stations, markets or on the street. They have no adult who looks "
                "after them. They have run away before."
            ),
            "guidance": "",
            "source": ECPAT_2001,
        },
        {
            "slug": "vuln-discrimination",
            "text": "The child belongs to a group that often faces discrimination.",
            "help": (
                "For example a minority group, a migrant or refugee family, or a stateless "
                "family. Or the child's birth was never registered."
            ),
            "guidance": "",
            "source": ECPAT_2001,
        },
        {
            "slug": "vuln-child-marriage",
            "text": "The child is married, or a marriage is being arranged for them.",
            "help": (
                "They say they have a husband or wife, or their family is planning a marriage. "
                "The partner may be much older."
            ),
            "guidance": (
                "Tell the child protection authority. A marriage can be a way to move a child "
                "or to hide exploitation."
            ),
            "source": ECPAT_2001,
        },
    ],
}

GUIDANCE = [
    {
        "slug": "safety-first",
        "title": "Safety first",
        "body": (
            "If the child is in danger right now, call emergency services before anything "
            "else.\n\n"
            "- Do not confront anyone you think is exploiting the child.\n"
            "- Do not hand the child back to the adult who came with them.\n"
            "- Separate the child from that adult safely and calmly, for example by taking the "
            "child to a quiet room with a colleague.\n"
            "- Stay with the child, or make sure someone you trust does, until help comes.\n\n"
            "Your own safety matters too. If a situation feels dangerous, step back and call "
            "for help."
        ),
        "source": UNICEF,
        "on_result": True,
    },
    {
        "slug": "victim-not-offender",
        "title": "The child is a victim, not an offender",
        "body": (
            "A child who may have been trafficked must not be punished for what was done to "
            "them.\n\n"
            "- Do not arrest, charge, detain or deport a child for offences linked to "
            "prostitution or for immigration offences.\n"
            "- Do not punish a child for things they were made to do, such as carrying false "
            "papers, begging or stealing.\n"
            "- A police cell or immigration detention is never a safe place for a child, not "
            "even for one night.\n\n"
            "If the child is already held, tell the person in charge that the child may be a "
            "victim of trafficking, and call the child protection authority."
        ),
        "source": (f"{PRINCIPLES}. {COE}, article 26. The harm of wrongful arrest: {RAFFERTY}."),
        "on_result": True,
    },
    {
        "slug": "no-consent",
        "title": "A child cannot consent to being exploited",
        "body": (
            "Anyone under 18 who is moved, kept or received in order to be exploited is a "
            "victim of trafficking. This is true even when no one used force, threats or "
            "lies.\n\n"
            "It does not matter what the child says about it. It does not matter whether they "
            "were paid, went along with it or went back.\n\n"
            "Use words that put the blame where it belongs:\n"
            "- say 'a child subjected to sexual exploitation';\n"
            "- say 'exploitation of children in prostitution';\n"
            "- say 'child sexual abuse material' for sexual images of a child;\n"
            "- say 'sexual exploitation of children in travel and tourism'."
        ),
        "source": f"{PROTOCOL}(c)–(d). Words: {LUXEMBOURG}.",
        "on_result": True,
    },
    {
        "slug": "presume-child",
        "title": "If you are not sure of the age, treat them as a child",
        "body": (
            "Many trafficked children have no papers or false papers, or have been told to say "
            "they are adults.\n\n"
            "When you are not sure of someone's age, and there are reasons to think they may be "
            "under 18, treat them as a child. Keep doing so until the right authority has "
            "checked their age.\n\n"
            "- A missing or doubtful document does not prove that someone is an adult.\n"
            "- Do not rely on what an accompanying adult says about the child's age.\n"
            "- Do not hold back help while the age is being checked."
        ),
        "source": f"{COE}, article 10(3). {UNICEF}. {ECPAT_UK}.",
        "on_result": True,
    },
    {
        "slug": "child-friendly",
        "title": "Put the child first",
        "body": (
            "Act in the child's best interests. The child may have been badly harmed and may "
            "not trust you.\n\n"
            "- Tell the child who you are and what will happen next, in words they understand.\n"
            "- Where possible, a trained interviewer talks with the child, of the gender the "
            "child chooses.\n"
            "- If you need an interpreter, use one who is not the adult who came with the "
            "child.\n"
            "- Do not make the child tell their story again and again.\n"
            "- Do not make promises you cannot keep.\n"
            "- Listen to what the child wants, and let it count.\n"
            "- Keep what you learn private. Share it only with services that need it to help "
            "the child."
        ),
        "source": (f"{UNICEF}. The lack of child-friendly, rights-based procedures: {ECPAT_2001}."),
        "on_result": True,
    },
    {
        "slug": "refer",
        "title": "Refer the child",
        "body": (
            "You do not need to be sure before you refer. Refer when you are worried.\n\n"
            "Contact one or more of these, using the support contacts in this app:\n"
            "- the child protection authority\n"
            "- a child helpline\n"
            "- an anti-trafficking hotline\n"
            "- a shelter for children\n"
            "- health care and legal aid\n\n"
            "Ask for a guardian to be appointed for the child where the law provides one. Tell "
            "the service what you saw and heard, not what you guess. Check any contact marked "
            "as an example before you rely on it."
        ),
        "source": f"{UNICEF}. {PRINCIPLES}.",
        "on_result": True,
    },
    {
        "slug": "images",
        "title": "Sexual images of a child",
        "body": (
            "Sexual photos or videos of a child are child sexual abuse material. Each time "
            "they are copied or shown, the child is harmed again. In many countries keeping or "
            "sharing them is a crime, even when it is meant as evidence.\n\n"
            "- Never copy, forward, download, screenshot or show the images to anyone.\n"
            "- Do not ask the child to show them to you.\n"
            "- Write down where you saw them: which phone, website or app, and when.\n"
            "- Report them to the police unit or the hotline that deals with child sexual abuse "
            "material."
        ),
        "source": f"Words: {LUXEMBOURG}. {ECPAT_2001}.",
        "on_result": False,
    },
    {
        "slug": "not-a-diagnosis",
        "title": "This checklist is not a diagnosis",
        "body": (
            "This checklist helps you notice signs and refer the child. It does not decide "
            "whether a child is a victim.\n\n"
            "- A sign you noted raises concern. It does not prove trafficking.\n"
            "- Noting no signs proves nothing. Children often hide what is happening to them, "
            "and no checklist can rule trafficking out.\n"
            "- Even tested screening tools flag many children who are not victims. One "
            "six-question screen found 84 to 92 of every 100 victims in two studies. But it "
            "also flagged 27 to 42 of every 100 children who were not victims. Reported figures "
            "say that only 20 to 51 of every 100 children flagged were victims.\n\n"
            "So the result says 'concern: refer', never 'identified'. The services you refer "
            "to decide what happens next."
        ),
        "source": (
            "Greenbaum and colleagues' six-item Short Screen for Child Sex Trafficking: "
            "sensitivity 92% and specificity 73% in a first study of 108 young people; 84% and "
            "58% in a 16-site study of 810 young people; positive predictive values of 20–51% "
            "reported."
        ),
        "on_result": True,
    },
]

REGIONS = [
    {"code": "np-bagmati", "name": "Bagmati Province", "country": "Nepal"},
    {"code": "bd-dhaka", "name": "Dhaka Division", "country": "Bangladesh"},
    {"code": "in-west-bengal", "name": "West Bengal", "country": "India"},
    {"code": "in-maharashtra", "name": "Maharashtra", "country": "India"},
    {"code": "th-bangkok", "name": "Bangkok", "country": "Thailand"},
]

EXAMPLE_NOTE = (
    "Example shipped with the app. Call or check it to confirm the number, the hours and "
    "who answers before you rely on it."
)

CONTACTS = [
    {
        "name": "Nepal Police emergency",
        "kind": "emergency",
        "scope": "national",
        "phones": "100",
        "open_24_7": True,
        "languages": "Nepali",
        "notes": f"{EXAMPLE_NOTE} For a child in danger now.",
        "regions": ["np-bagmati"],
    },
    {
        "name": "Child Helpline 1098 (Nepal)",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1098",
        "open_24_7": False,
        "languages": "Nepali",
        "notes": (
            f"{EXAMPLE_NOTE} National child helpline; check whether it answers day and night."
        ),
        "regions": ["np-bagmati"],
    },
    {
        "name": "National Emergency Service 999 (Bangladesh)",
        "kind": "emergency",
        "scope": "national",
        "phones": "999",
        "open_24_7": True,
        "languages": "Bangla",
        "notes": f"{EXAMPLE_NOTE} Police, fire and ambulance.",
        "regions": ["bd-dhaka"],
    },
    {
        "name": "Child Helpline 1098 (Bangladesh)",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1098",
        "open_24_7": True,
        "languages": "Bangla",
        "notes": f"{EXAMPLE_NOTE} Free national child helpline.",
        "regions": ["bd-dhaka"],
    },
    {
        "name": "Emergency Response Support System 112 (India)",
        "kind": "emergency",
        "scope": "national",
        "phones": "112",
        "open_24_7": True,
        "languages": "Hindi, English and state languages",
        "notes": f"{EXAMPLE_NOTE} Single emergency number for police, fire and ambulance.",
        "regions": ["in-west-bengal", "in-maharashtra"],
    },
    {
        "name": "Child Helpline 1098 (India)",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1098",
        "open_24_7": True,
        "languages": "Hindi, English and state languages",
        "notes": f"{EXAMPLE_NOTE} Free national child helpline.",
        "regions": ["in-west-bengal", "in-maharashtra"],
    },
    {
        "name": "Royal Thai Police emergency 191",
        "kind": "emergency",
        "scope": "national",
        "phones": "191",
        "open_24_7": True,
        "languages": "Thai",
        "notes": f"{EXAMPLE_NOTE} For a child in danger now.",
        "regions": ["th-bangkok"],
    },
    {
        "name": "Saidek Child Helpline 1387 (Thailand)",
        "kind": "child_helpline",
        "scope": "national",
        "phones": "1387",
        "open_24_7": False,
        "languages": "Thai",
        "notes": (
            f"{EXAMPLE_NOTE} National child helpline; check whether it answers day and night."
        ),
        "regions": ["th-bangkok"],
    },
    {
        "name": "Prachabodi Center 1300 (Thailand)",
        "kind": "anti_trafficking",
        "scope": "national",
        "phones": "1300",
        "open_24_7": False,
        "languages": "Thai",
        "notes": (
            f"{EXAMPLE_NOTE} Government social assistance hotline that takes reports of "
            "human trafficking; check its hours."
        ),
        "regions": ["th-bangkok"],
    },
    {
        "name": "Child Helpline International",
        "kind": "child_helpline",
        "scope": "international",
        "website": "https://childhelplineinternational.org/",
        "languages": "English",
        "notes": (
            f"{EXAMPLE_NOTE} Not a helpline itself: its website lists the national child "
            "helplines of many countries."
        ),
        "regions": [],
    },
    {
        "name": "ECPAT International",
        "kind": "anti_trafficking",
        "scope": "international",
        "website": "https://ecpat.org/",
        "languages": "English",
        "notes": (
            f"{EXAMPLE_NOTE} Not an emergency service: a global network against the sexual "
            "exploitation of children, with member organisations in many countries."
        ),
        "regions": [],
    },
]


def _translated(**fields: str) -> dict:
    """Set each translated field's base column and its English column to the same text."""
    values = {}
    for name, text in fields.items():
        values[name] = text
        values[f"{name}_en"] = text
    return values


def add_default_content(apps, schema_editor):
    Region = apps.get_model("screening", "Region")
    Section = apps.get_model("screening", "Section")
    Indicator = apps.get_model("screening", "Indicator")
    IndicatorVersion = apps.get_model("screening", "IndicatorVersion")
    Guidance = apps.get_model("screening", "Guidance")
    SupportContact = apps.get_model("screening", "SupportContact")

    regions = {}
    for position, region in enumerate(REGIONS, start=1):
        regions[region["code"]] = Region.objects.create(
            code=region["code"],
            country=region["country"],
            position=position,
            **_translated(name=region["name"]),
        )

    for section_position, section_data in enumerate(SECTIONS, start=1):
        section = Section.objects.create(
            slug=section_data["slug"],
            source=section_data["source"],
            position=section_position,
            **_translated(title=section_data["title"], intro=section_data["intro"]),
        )
        for position, data in enumerate(INDICATORS[section_data["slug"]], start=1):
            indicator = Indicator.objects.create(
                section=section,
                slug=data["slug"],
                source=data["source"],
                position=position,
                active=True,
                **_translated(text=data["text"], help=data["help"], guidance=data["guidance"]),
            )
            # Historical models have no custom save(): call the rule it calls, with these
            # models. The English wording is data["text"], so this makes version 1 of it.
            keep_wording_version(
                indicator, indicator_model=Indicator, version_model=IndicatorVersion
            )

    for position, data in enumerate(GUIDANCE, start=1):
        Guidance.objects.create(
            slug=data["slug"],
            source=data["source"],
            position=position,
            on_result=data["on_result"],
            active=True,
            **_translated(title=data["title"], body=data["body"]),
        )

    for position, data in enumerate(CONTACTS, start=1):
        contact = SupportContact.objects.create(
            kind=data["kind"],
            scope=data["scope"],
            phones=data.get("phones", ""),
            email=data.get("email", ""),
            website=data.get("website", ""),
            open_24_7=data.get("open_24_7", False),
            languages=data.get("languages", ""),
            is_example=True,
            last_verified=None,
            position=position,
            active=True,
            **_translated(name=data["name"], hours=data.get("hours", ""), notes=data["notes"]),
        )
        contact.regions.set([regions[code] for code in data["regions"]])


def remove_default_content(apps, schema_editor):
    Region = apps.get_model("screening", "Region")
    Section = apps.get_model("screening", "Section")
    Indicator = apps.get_model("screening", "Indicator")
    Guidance = apps.get_model("screening", "Guidance")
    SupportContact = apps.get_model("screening", "SupportContact")

    indicator_slugs = [data["slug"] for items in INDICATORS.values() for data in items]
    SupportContact.objects.filter(
        is_example=True, name__in=[data["name"] for data in CONTACTS]
    ).delete()
    Guidance.objects.filter(slug__in=[data["slug"] for data in GUIDANCE]).delete()
    # Versions go with their indicator; one answered on a usage record stops this (PROTECT).
    Indicator.objects.filter(slug__in=indicator_slugs).delete()
    Section.objects.filter(slug__in=[data["slug"] for data in SECTIONS]).delete()
    Region.objects.filter(code__in=[data["code"] for data in REGIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0002_groups")]

    operations = [migrations.RunPython(add_default_content, remove_default_content)]
