"""The models of the one `screening` app, split by concern and re-exported here.

`screening.models` stays the app's models module, so the app label, every table and the
migration history are as they were. Every package may import from here; this package
imports no other part of `screening` but `screening.choices`.
"""

from screening.models.accounts import (
    AccountPreference,
    AccountSession,
    RecoveryCode,
    SupervisorScope,
)
from screening.models.contacts import (
    ContactReport,
    SupportContact,
    SupportContactQuerySet,
    serving,
)
from screening.models.content import (
    ActiveQuerySet,
    ContentVersion,
    Country,
    Guidance,
    Indicator,
    IndicatorVersion,
    Region,
    Section,
    StepText,
    current_content_version,
)
from screening.models.phones import clean_phone_numbers, phone_validator, validate_phone_lines
from screening.models.practice import PracticeCase
from screening.models.reviews import ReviewStatus, TranslationReview
from screening.models.usage import (
    SubmissionToken,
    UsageAnswer,
    UsageContactKind,
    UsageRecord,
    UsageSummary,
    UsageSummaryState,
)

__all__ = [
    "AccountPreference",
    "AccountSession",
    "ActiveQuerySet",
    "ContactReport",
    "ContentVersion",
    "Country",
    "Guidance",
    "Indicator",
    "IndicatorVersion",
    "Region",
    "PracticeCase",
    "RecoveryCode",
    "ReviewStatus",
    "Section",
    "StepText",
    "SubmissionToken",
    "SupervisorScope",
    "SupportContact",
    "SupportContactQuerySet",
    "TranslationReview",
    "UsageAnswer",
    "UsageContactKind",
    "UsageRecord",
    "UsageSummary",
    "UsageSummaryState",
    "clean_phone_numbers",
    "current_content_version",
    "serving",
    "phone_validator",
    "validate_phone_lines",
]
