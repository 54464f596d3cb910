"""Two steps for a child met at a police station, at a border or for an offence (issue #21).

"A cell is never a safe place for a child" said where not to take the child, but not where to:
`safe-place` asks for a child-protection placement or a shelter, with the contacts of those
kinds; `child-friendly-interview` says who should talk with the child, which until now was
only on the guidance page. Both follow the principles in the domain brief (UNICEF Guidelines
on the Protection of Child Victims of Trafficking, 2006; UN Recommended Principles and
Guidelines, 2002). Their translations are in screening/content/translations/<lang>.json.
"""

from django.db import migrations
from django.utils import timezone

REASON = "Custody steps: a safe place and a child-friendly interview (issue #21)"

STEPS = [
    {
        "code": "safe-place",
        "title": "Ask for a safe place for the child",
        "body": (
            "Ask child protection for a place of safety: a child-protection placement or a "
            "shelter, never a cell or immigration detention. Stay with the child until they "
            "are there."
        ),
        "guidance": "safety-first",
    },
    {
        "code": "child-friendly-interview",
        "title": "Let a trained person talk with the child, once",
        "body": (
            "Someone trained to talk with children, of the gender the child chooses where "
            "possible, with an interpreter who is not the adult who came with them. Explain who "
            "you are and promise nothing you cannot keep."
        ),
        "guidance": "child-friendly",
    },
]


def forward(apps, schema_editor):
    StepText = apps.get_model("screening", "StepText")
    HistoricalStepText = apps.get_model("screening", "HistoricalStepText")
    Guidance = apps.get_model("screening", "Guidance")
    now = timezone.now()
    for data in STEPS:
        if StepText.objects.filter(code=data["code"]).exists():
            continue
        step = StepText.objects.create(
            code=data["code"],
            title=data["title"],
            title_en=data["title"],
            body=data["body"],
            body_en=data["body"],
            guidance=Guidance.objects.filter(slug=data["guidance"]).first(),
        )
        HistoricalStepText.objects.create(
            **{f.attname: getattr(step, f.attname) for f in StepText._meta.concrete_fields},
            history_date=now,
            history_type="+",
            history_change_reason=REASON,
        )


def backward(apps, schema_editor):
    StepText = apps.get_model("screening", "StepText")
    HistoricalStepText = apps.get_model("screening", "HistoricalStepText")
    StepText.objects.filter(code__in=[data["code"] for data in STEPS]).delete()
    HistoricalStepText.objects.filter(history_change_reason=REASON).delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0072_step_title_treat_as_victim")]

    operations = [migrations.RunPython(forward, backward)]
