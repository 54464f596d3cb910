"""Rules that decide what the worker is told after a checklist: next steps and contacts.

Pure functions over plain values, so every rule is tested without a database. The rules
choose steps by a stable code; the words of each step are content (`StepText`) that editors
change and translate in the admin.
"""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from screening.choices import AgeBand, Answer, ContactKind, Setting, Verification
from screening.content.steps import (
    CALL_EMERGENCY,
    CHECK_DANGER,
    CHILD_FRIENDLY_INTERVIEW,
    DO_NOT_HAND_BACK,
    HEALTH_CARE,
    KEEP_SAFE,
    KIND_ORDER,
    NOT_AN_OFFENDER,
    NOT_AN_OFFENDER_ANY,
    NOT_MOVED,
    NOTHING_NOTED,
    PRESUME_CHILD,
    RECORD,
    REFER,
    REPORT_IMAGES,
    SAFE_PLACE,
    SCOPE_ORDER,
    STEP_KINDS,
    TREAT_AS_CHILD,
    VICTIM_FIRST,
)

CHILD_BANDS = frozenset({AgeBand.UNDER_12, AgeBand.AGE_12_14, AgeBand.AGE_15_17})
CUSTODY_SETTINGS = frozenset({Setting.POLICE, Setting.BORDER})

# Which shipped indicators (by slug) or sections mean what to the rules. Slugs never change
# once in use, so editors can reword an indicator without changing what it means here.
# Each fact counts the answers listed: an accompanying adult, images, an offence and a sign of
# sexual exploitation count when answered yes or not sure, since acting on them protects the
# child either way; movement counts only when answered yes, because its absence is what the
# rules speak to. Signs of sexual exploitation: only then may a step speak of prostitution.
EITHER = (Answer.YES, Answer.NOT_SURE)
NOTED: dict[str, dict] = {
    "adult": {
        "slugs": ["control-adult-speaks", "control-unproven-relative", "move-brought-by-other"],
        "answers": EITHER,
    },
    "images": {"slugs": ["hidden-online", "exploit-images"], "answers": EITHER},
    "movement": {
        "slugs": ["hidden-moved-often", "encounter-illegal-entry-or-papers"],
        "sections": ["movement"],
        "answers": (Answer.YES,),
    },
    "offence": {"sections": ["seen-as-offender"], "answers": EITHER},
    "sexual_exploitation": {
        "slugs": [
            "hidden-venue",
            "hidden-online",
            "encounter-prostitution-offence",
            "exploit-sex-for-needs",
            "exploit-images",
        ],
        "answers": EITHER,
    },
}
# The names the rest of the code and the tests know these sets by.
ADULT_INDICATORS = frozenset(NOTED["adult"]["slugs"])
IMAGES_INDICATORS = frozenset(NOTED["images"]["slugs"])
MOVEMENT_INDICATORS = frozenset(NOTED["movement"]["slugs"])
MOVEMENT_SECTIONS = frozenset(NOTED["movement"]["sections"])
OFFENCE_SECTIONS = frozenset(NOTED["offence"]["sections"])
SEXUAL_EXPLOITATION_INDICATORS = frozenset(NOTED["sexual_exploitation"]["slugs"])


@dataclass(frozen=True)
class Noted:
    """What the answers mean to the rules, worked out from indicator and section slugs."""

    adult: bool
    images: bool
    movement: bool
    offence: bool
    sexual_exploitation: bool


def what_was_noted(
    *, yes: Collection[tuple[str, str]], not_sure: Collection[tuple[str, str]]
) -> Noted:
    """Map noted (indicator slug, section slug) pairs to the facts the rules use (NOTED)."""
    answered = [(slug, section, Answer.YES) for slug, section in yes]
    answered += [(slug, section, Answer.NOT_SURE) for slug, section in not_sure]

    def counts(spec: dict) -> bool:
        return any(
            answer in spec["answers"]
            and (slug in spec.get("slugs", ()) or section in spec.get("sections", ()))
            for slug, section, answer in answered
        )

    return Noted(**{fact: counts(spec) for fact, spec in NOTED.items()})


# The rules, as data: each step with the condition under which it is shown, in the order
# shown. The server evaluates them here; the phone evaluates the same list, exported as JSON
# into the service worker (screening/static/screening/rules.js), when a checklist cannot be
# sent. A condition is True, or [operator, ...]:
#   ["is", fact, value], ["in", fact, [values]], ["flag", fact] (true), ["some", fact] (> 0),
#   ["not", condition], ["all", [conditions]], ["any", [conditions]].
# The facts: danger, age_band, setting (the answers, "" when not given); yes and not_sure (how
# many signs were answered so); and the NOTED facts above.
CUSTODY = ["any", [["in", "setting", sorted(CUSTODY_SETTINGS)], ["flag", "offence"]]]
ANYTHING_NOTED = [
    "any",
    [["some", "yes"], ["some", "not_sure"], ["in", "danger", [Answer.YES, Answer.NOT_SURE]]],
]
IS_CHILD = ["in", "age_band", sorted(CHILD_BANDS)]
RULES: list[tuple[str, object]] = [
    (CALL_EMERGENCY, ["is", "danger", Answer.YES]),
    (CHECK_DANGER, ["is", "danger", Answer.NOT_SURE]),
    # Prostitution is named only where a sign of sexual exploitation was noted; otherwise the
    # step speaks of any offence linked to the exploitation or the journey.
    (NOT_AN_OFFENDER, ["all", [CUSTODY, ["flag", "sexual_exploitation"]]]),
    (NOT_AN_OFFENDER_ANY, ["all", [CUSTODY, ["not", ["flag", "sexual_exploitation"]]]]),
    (SAFE_PLACE, CUSTODY),
    (CHILD_FRIENDLY_INTERVIEW, CUSTODY),
    (DO_NOT_HAND_BACK, ["flag", "adult"]),
    (KEEP_SAFE, ["any", [["is", "danger", Answer.YES], ["some", "yes"]]]),
    (TREAT_AS_CHILD, IS_CHILD),
    (PRESUME_CHILD, ["not", IS_CHILD]),
    (REPORT_IMAGES, ["any", [["flag", "images"], ["is", "setting", Setting.ONLINE]]]),
    (REFER, ANYTHING_NOTED),
    (NOTHING_NOTED, ["not", ANYTHING_NOTED]),
    (HEALTH_CARE, ["is", "setting", Setting.HEALTH]),
    (VICTIM_FIRST, ["not", CUSTODY]),
    (NOT_MOVED, ["not", ["flag", "movement"]]),
    (RECORD, True),
]


def holds(condition, facts: dict) -> bool:
    """Evaluate one condition of RULES against the facts of a case."""
    if condition is True:
        return True
    operator, *args = condition
    match operator:
        case "is":
            return facts[args[0]] == args[1]
        case "in":
            return facts[args[0]] in args[1]
        case "flag":
            return bool(facts[args[0]])
        case "some":
            return facts[args[0]] > 0
        case "not":
            return not holds(args[0], facts)
        case "all":
            return all(holds(part, facts) for part in args[0])
        case "any":
            return any(holds(part, facts) for part in args[0])
    raise ValueError(f"unknown operator {operator!r}")


def next_steps(
    *,
    immediate_danger: str,
    age_band: str,
    setting: str,
    noted_yes: int,
    noted_not_sure: int,
    adult_noted: bool,
    images_noted: bool,
    movement_noted: bool,
    offence_noted: bool,
    sexual_exploitation_noted: bool,
) -> list[str]:
    """Return the codes of the next steps that fit the case, the most urgent first."""
    facts = {
        "danger": immediate_danger,
        "age_band": age_band,
        "setting": setting,
        "yes": noted_yes,
        "not_sure": noted_not_sure,
        "adult": adult_noted,
        "images": images_noted,
        "movement": movement_noted,
        "offence": offence_noted,
        "sexual_exploitation": sexual_exploitation_noted,
    }
    return [code for code, condition in RULES if holds(condition, facts)]


def exported_rules() -> dict:
    """The rules as plain JSON for the phone: the same data the server evaluates."""
    return {
        "steps": [[code, condition] for code, condition in RULES],
        "noted": {fact: {**spec, "answers": list(spec["answers"])} for fact, spec in NOTED.items()},
        "stepKinds": {code: list(kinds) for code, kinds in STEP_KINDS.items()},
        "kindOrder": dict(KIND_ORDER),
    }


def kinds_needed(steps: Iterable[str]) -> list[str]:
    """Return each kind of contact the steps name, once, in the order contacts are listed."""
    kinds = {kind for step in steps for kind in STEP_KINDS.get(step, ())}
    return sorted(kinds, key=lambda kind: KIND_ORDER.get(kind, 99))


class ContactLike(Protocol):
    kind: str
    scope: str
    position: int
    name: str


# The better a number was checked, the sooner the emergency Call button offers it.
CHECK_ORDER = {Verification.CALLED: 0, Verification.OFFICIAL: 1, Verification.NOT_CHECKED: 2}


def order_contacts(contacts: Iterable[ContactLike], *, emergency_first: bool) -> list:
    """Order contacts local, then national, then international; emergency ones first if asked.

    Within one scope, contacts follow a fixed order of kinds, then the editor's position.
    Emergency numbers come best checked first (called, then an official source), so the
    Call button offers the number someone has confirmed, then in the editors' order.
    """

    def key(contact: ContactLike) -> tuple:
        urgent = 0 if emergency_first and contact.kind == ContactKind.EMERGENCY else 1
        # Among emergency numbers put first, the best checked come first, then the editors'
        # order before the scope: the police number they put first is offered before a
        # province's ambulance line.
        checked = CHECK_ORDER.get(getattr(contact, "verification", ""), 2) if not urgent else 0
        placed = contact.position if not urgent else 0
        return (
            urgent,
            checked,
            placed,
            SCOPE_ORDER.get(contact.scope, 9),
            KIND_ORDER.get(contact.kind, 9),
            contact.position,
            contact.name,
        )

    return sorted(contacts, key=key)


def contacts_for_steps(
    contacts: Iterable[ContactLike], *, kinds: Collection[str], per_kind: int = 2
) -> list:
    """Keep the contacts of the kinds the steps name, local, then national, then international.

    At most per_kind of each kind, the nearest first: the full list stays on /contacts/.
    """
    kept: list = []
    taken: dict[str, int] = {}
    for contact in order_contacts([c for c in contacts if c.kind in kinds], emergency_first=False):
        if taken.get(contact.kind, 0) < per_kind:
            taken[contact.kind] = taken.get(contact.kind, 0) + 1
            kept.append(contact)
    return order_contacts(kept, emergency_first=False)


def missing_kinds(contacts: Iterable[ContactLike], *, kinds: Iterable[str]) -> list[str]:
    """Return the kinds named by the steps that no contact in the list provides."""
    present = {contact.kind for contact in contacts}
    return [kind for kind in kinds if kind not in present]


def contact_kinds_shown(contacts: Sequence[ContactLike]) -> list[str]:
    """Return each kind of contact shown, once, in a stable order."""
    return sorted({contact.kind for contact in contacts}, key=lambda kind: KIND_ORDER.get(kind, 9))
