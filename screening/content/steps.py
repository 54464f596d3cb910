"""The next steps' vocabulary: their fixed codes, the kinds of contact each names, and the
order kinds and scopes are listed in.

Editors word each step (`StepText`, by code) and keep contacts of each kind; the rules that
choose steps for a checklist are the frontline's (screening/frontline/rules.py).
"""

from screening.choices import ContactKind, ContactScope

CALL_EMERGENCY = "call-emergency"
CHECK_DANGER = "check-danger"
NOT_AN_OFFENDER = "not-an-offender"
# The same, without naming prostitution: for when no sign of sexual exploitation was noted.
NOT_AN_OFFENDER_ANY = "not-an-offender-any"
# With police, custody or an offence: a positive place to go, and who talks with the child.
SAFE_PLACE = "safe-place"
CHILD_FRIENDLY_INTERVIEW = "child-friendly-interview"
VICTIM_FIRST = "victim-first"
KEEP_SAFE = "keep-safe"
DO_NOT_HAND_BACK = "do-not-hand-back"
TREAT_AS_CHILD = "treat-as-child"
PRESUME_CHILD = "presume-child"
REPORT_IMAGES = "report-images"
REFER = "refer"
NOTHING_NOTED = "nothing-noted"
HEALTH_CARE = "health-care"
NOT_MOVED = "not-moved"
RECORD = "record-and-follow-up"

STEP_CODES = (
    CALL_EMERGENCY,
    CHECK_DANGER,
    NOT_AN_OFFENDER,
    NOT_AN_OFFENDER_ANY,
    SAFE_PLACE,
    CHILD_FRIENDLY_INTERVIEW,
    VICTIM_FIRST,
    KEEP_SAFE,
    DO_NOT_HAND_BACK,
    TREAT_AS_CHILD,
    PRESUME_CHILD,
    REPORT_IMAGES,
    REFER,
    NOTHING_NOTED,
    HEALTH_CARE,
    NOT_MOVED,
    RECORD,
)
# The danger steps are shown as the call button at the top of the result, not in the list.
DANGER_STEPS = frozenset({CALL_EMERGENCY, CHECK_DANGER})

# The kinds of contact each step sends the worker to; the result lists them all.
STEP_KINDS: dict[str, tuple[str, ...]] = {
    CALL_EMERGENCY: (ContactKind.EMERGENCY,),
    CHECK_DANGER: (ContactKind.EMERGENCY,),
    NOT_AN_OFFENDER: (ContactKind.CHILD_PROTECTION, ContactKind.LEGAL_AID),
    NOT_AN_OFFENDER_ANY: (ContactKind.CHILD_PROTECTION, ContactKind.LEGAL_AID),
    SAFE_PLACE: (ContactKind.CHILD_PROTECTION, ContactKind.SHELTER),
    CHILD_FRIENDLY_INTERVIEW: (ContactKind.CHILD_PROTECTION,),
    VICTIM_FIRST: (ContactKind.CHILD_PROTECTION,),
    DO_NOT_HAND_BACK: (ContactKind.SHELTER,),
    REPORT_IMAGES: (ContactKind.CSAM_REPORTING,),
    REFER: (
        ContactKind.CHILD_PROTECTION,
        ContactKind.CHILD_HELPLINE,
        ContactKind.ANTI_TRAFFICKING,
    ),
    NOTHING_NOTED: (ContactKind.CHILD_HELPLINE,),
    HEALTH_CARE: (ContactKind.HEALTH,),
}
KINDS_STEPS_NAME = frozenset(kind for kinds in STEP_KINDS.values() for kind in kinds)


SCOPE_ORDER = {ContactScope.LOCAL: 0, ContactScope.NATIONAL: 1, ContactScope.INTERNATIONAL: 2}
KIND_ORDER = {
    ContactKind.EMERGENCY: 0,
    ContactKind.CHILD_PROTECTION: 1,
    ContactKind.CHILD_HELPLINE: 2,
    ContactKind.ANTI_TRAFFICKING: 3,
    ContactKind.CSAM_REPORTING: 4,
    ContactKind.SHELTER: 5,
    ContactKind.HEALTH: 6,
    ContactKind.LEGAL_AID: 7,
}
