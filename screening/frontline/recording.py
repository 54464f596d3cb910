"""Saving the one anonymised usage record a completed checklist leaves behind."""

import datetime
import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from screening.choices import Answer
from screening.models import SubmissionToken, UsageAnswer, UsageContactKind, UsageRecord

# A spent token only has to outlive a double click or a resend after "back".
TOKEN_DAYS_KEPT = 2


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def record_usage(
    *,
    token: str,
    answers: dict[int, str],
    region_id: int | None,
    setting: str,
    age_band: str,
    immediate_danger: bool,
    contact_kinds: list[str],
    today: datetime.date | None = None,
) -> bool:
    """Save one usage record in one transaction; return False if this token was already spent.

    Only indicators answered yes or not sure are kept. The token's hash is stored apart
    from the record, with no link to it, so it cannot lead from a session to a record.
    """
    today = today or timezone.localdate()
    noted = {vid: answer for vid, answer in answers.items() if answer != Answer.NO}
    with transaction.atomic():
        try:
            SubmissionToken.objects.create(token_hash=token_hash(token), day=today)
        except IntegrityError:
            # Spent already (a double click, a resend). The token is written first, so the
            # rollback (which Django has marked for the refused INSERT; said again here)
            # undoes nothing else: no savepoint is needed, two round trips fewer.
            transaction.set_rollback(True)
            return False
        SubmissionToken.objects.filter(
            day__lt=today - datetime.timedelta(days=TOKEN_DAYS_KEPT)
        ).delete()
        record = UsageRecord.objects.create(
            day=today,
            region_id=region_id,
            setting=setting,
            age_band=age_band,
            immediate_danger=immediate_danger,
            noted_count=len(noted),
        )
        UsageAnswer.objects.bulk_create(
            UsageAnswer(record=record, indicator_version_id=vid, answer=answer)
            for vid, answer in noted.items()
        )
        UsageContactKind.objects.bulk_create(
            UsageContactKind(record=record, kind=kind) for kind in contact_kinds
        )
    return True
