"""Word the custody step as an instruction, and name prostitution only where it fits (issue #21).

- The step `not-an-offender` was titled "The child is a victim, not an offender", a statement
  the result must not make (the app never says a child is or is not a victim). Its title
  becomes "Treat the child as a victim, never as an offender".
- Its body names offences "linked to prostitution". The rules now choose it only where a sign
  of sexual exploitation was noted; otherwise they choose the new step `not-an-offender-any`,
  with the same title and "any offence linked to how they were exploited or how they
  travelled".

Only a title that still holds the shipped wording changes, so an editor's own wording is left
alone; the reverse restores only a title that still holds this migration's. A changed English
title sends its translations back to review ("English changed: check again"), as an edit in the
admin does; the reverse leaves them there. Each change gets a history entry. The translations
themselves are in screening/content/translations/<lang>.json (load_translations).
"""

from django.db import migrations
from django.utils import timezone

REASON = "Custody step worded as an instruction (issue #21)"

CODE = "not-an-offender"
SHIPPED_TITLE = "The child is a victim, not an offender"
TITLE = "Treat the child as a victim, never as an offender"

NEW_STEP = {
    "code": "not-an-offender-any",
    "title": TITLE,
    "body": (
        "Do not arrest, charge, detain or deport them for any offence linked to how they were "
        "exploited or how they travelled. A cell is never a safe place for a child."
    ),
    "guidance": "victim-not-offender",
}


def _record_history(apps, step, history_type: str, now) -> None:
    StepText = apps.get_model("screening", "StepText")
    HistoricalStepText = apps.get_model("screening", "HistoricalStepText")
    HistoricalStepText.objects.create(
        **{f.attname: getattr(step, f.attname) for f in StepText._meta.concrete_fields},
        history_date=now,
        history_type=history_type,
        history_change_reason=REASON,
    )


def _retitle(apps, *, old: str, new: str, now) -> None:
    StepText = apps.get_model("screening", "StepText")
    step = StepText.objects.filter(code=CODE, title_en=old).first()
    if step is None:
        return  # an editor's own title, or no such step
    step.title = new
    step.title_en = new
    step.save(update_fields=["title", "title_en"])
    _record_history(apps, step, "~", now)
    if new == TITLE:
        _english_changed(apps, step)


def _english_changed(apps, step) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    TranslationReview = apps.get_model("screening", "TranslationReview")
    content_type = ContentType.objects.filter(app_label="screening", model="steptext").first()
    if content_type is None:
        return
    TranslationReview.objects.filter(content_type=content_type, object_id=step.pk).exclude(
        status="needs_review"
    ).update(status="needs_review", reviewer="", reviewed_on=None)


def forward(apps, schema_editor):
    StepText = apps.get_model("screening", "StepText")
    Guidance = apps.get_model("screening", "Guidance")
    now = timezone.now()
    _retitle(apps, old=SHIPPED_TITLE, new=TITLE, now=now)
    if not StepText.objects.filter(code=NEW_STEP["code"]).exists():
        step = StepText.objects.create(
            code=NEW_STEP["code"],
            title=NEW_STEP["title"],
            title_en=NEW_STEP["title"],
            body=NEW_STEP["body"],
            body_en=NEW_STEP["body"],
            guidance=Guidance.objects.filter(slug=NEW_STEP["guidance"]).first(),
        )
        _record_history(apps, step, "+", now)


def backward(apps, schema_editor):
    StepText = apps.get_model("screening", "StepText")
    HistoricalStepText = apps.get_model("screening", "HistoricalStepText")
    StepText.objects.filter(code=NEW_STEP["code"]).delete()
    _retitle(apps, old=TITLE, new=SHIPPED_TITLE, now=timezone.now())
    HistoricalStepText.objects.filter(history_change_reason=REASON).delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0071_all_regions_and_checked_numbers")]

    operations = [migrations.RunPython(forward, backward)]
