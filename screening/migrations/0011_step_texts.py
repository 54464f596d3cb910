"""Ship the words of the next steps as content, and let editors change them.

Each step keeps a fixed code that the rules in screening.frontline.rules pick it by; the text is
frozen here, as written for this release (plain language, from the principles in the domain
brief: UNICEF 2006 guidelines, UN Recommended Principles 2002, Council of Europe 2005).
"""

from django.db import migrations
from django.utils import timezone

REASON = "Shipped with the app"

STEPS = [
    {
        "code": "call-emergency",
        "title": "The child is in danger: call now",
        "body": "Do not confront anyone you think is exploiting the child.",
        "guidance": "safety-first",
    },
    {
        "code": "check-danger",
        "title": "Not sure the child is safe? Call now",
        "body": "If harm could come soon, call without waiting to be sure. Confront nobody.",
        "guidance": "safety-first",
    },
    {
        "code": "not-an-offender",
        "title": "The child is a victim, not an offender",
        "body": (
            "Do not arrest, charge, detain or deport them for an offence linked to prostitution, "
            "for crossing a border or for false papers. A cell is never a safe place for a child."
        ),
        "guidance": "victim-not-offender",
    },
    {
        "code": "victim-first",
        "title": "Treat the child as a victim",
        "body": "Whatever they have done, they are not to blame. Never treat them as an offender.",
        "guidance": "victim-not-offender",
    },
    {
        "code": "keep-safe",
        "title": "Keep the child safe and calm",
        "body": "Stay with the child, or have someone you trust do so, until help comes.",
        "guidance": "child-friendly",
    },
    {
        "code": "do-not-hand-back",
        "title": "Do not hand the child back",
        "body": (
            "Not to the adult who came with them, even one who says they are family. Separate "
            "them calmly and ask for a safe place."
        ),
        "guidance": "safety-first",
    },
    {
        "code": "treat-as-child",
        "title": "Treat them as a child",
        "body": "They seem to be under 18. A child cannot agree to being exploited.",
        "guidance": "no-consent",
    },
    {
        "code": "presume-child",
        "title": "If you are not sure of the age, treat them as a child",
        "body": "Until the right authority checks it. Papers saying they are adult are not proof.",
        "guidance": "presume-child",
    },
    {
        "code": "report-images",
        "title": "Report sexual images; never copy them",
        "body": (
            "Never copy, forward, download or show them, even as evidence. Note where you saw "
            "them and report them to the online child sexual abuse reporting unit."
        ),
        "guidance": "images",
    },
    {
        "code": "refer",
        "title": "Refer the child today",
        "body": (
            "Tell child protection, a child helpline or an anti-trafficking hotline what you "
            "saw. You do not have to be sure."
        ),
        "guidance": "refer",
    },
    {
        "code": "nothing-noted",
        "title": "No sign noted, but trafficking is not ruled out",
        "body": (
            "Children often hide what happens to them. If you are still worried, call a child "
            "helpline and talk it through."
        ),
        "guidance": "not-a-diagnosis",
    },
    {
        "code": "health-care",
        "title": "Give care, then refer from the health service",
        "body": (
            "Offer care in private, with the child's agreement. Refer them from here to a "
            "one-stop crisis centre or child protection; collect no evidence yourself."
        ),
        "guidance": "",
    },
    {
        "code": "not-moved",
        "title": "Trafficking does not need a journey",
        "body": "A child does not have to cross a border, or even leave their town, to be trafficked.",
        "guidance": "",
    },
    {
        "code": "record-and-follow-up",
        "title": "Write down what you saw, not what you think",
        "body": "Where, when, what you saw and heard: in your own service's records, never here.",
        "guidance": "",
    },
]


def add_steps(apps, schema_editor):
    StepText = apps.get_model("screening", "StepText")
    HistoricalStepText = apps.get_model("screening", "HistoricalStepText")
    Guidance = apps.get_model("screening", "Guidance")
    guidance = {g.slug: g for g in Guidance.objects.filter(slug__in={s["guidance"] for s in STEPS})}
    now = timezone.now()
    for data in STEPS:
        step = StepText.objects.create(
            code=data["code"],
            title=data["title"],
            title_en=data["title"],
            body=data["body"],
            body_en=data["body"],
            guidance=guidance.get(data["guidance"]),
        )
        # A first history entry, so an editor's first change can be reverted.
        HistoricalStepText.objects.create(
            **{f.attname: getattr(step, f.attname) for f in StepText._meta.concrete_fields},
            history_date=now,
            history_type="+",
            history_change_reason=REASON,
        )
    # Editors change step texts (never add or delete them: the rules pick them by code).
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="screening", model="steptext")
    editors = Group.objects.filter(name="Content editors").first()
    for action in ("change", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_steptext",
            defaults={"name": f"Can {action} next step text"},
        )
        if editors is not None:
            editors.permissions.add(permission)


def remove_steps(apps, schema_editor):
    apps.get_model("screening", "StepText").objects.filter(
        code__in=[s["code"] for s in STEPS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0010_steptext_csam_kind"),
        ("screening", "0003_default_content"),
        ("screening", "0002_groups"),
    ]

    operations = [migrations.RunPython(add_steps, remove_steps)]
