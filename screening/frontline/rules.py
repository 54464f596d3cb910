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
    SCOPE_ORDER,
    STEP_KINDS,
    TREAT_AS_CHILD,
    VICTIM_FIRST,
)

CHILD_BANDS = frozenset({AgeBand.UNDER_12, AgeBand.AGE_12_14, AgeBand.AGE_15_17})
CUSTODY_SETTINGS = frozenset({Setting.POLICE, Setting.BORDER})

# Which shipped indicators (by slug) or sections mean what to the rules. Slugs never change
# once in use, so editors can reword an indicator without changing what it means here.
ADULT_INDICATORS = frozenset(
    {"control-adult-speaks", "control-unproven-relative", "move-brought-by-other"}
)
IMAGES_INDICATORS = frozenset({"hidden-online", "exploit-images"})
MOVEMENT_INDICATORS = frozenset({"hidden-moved-often", "encounter-illegal-entry-or-papers"})
MOVEMENT_SECTIONS = frozenset({"movement"})
OFFENCE_SECTIONS = frozenset({"seen-as-offender"})
# Signs of sexual exploitation: only then may a step speak of prostitution-related offences.
SEXUAL_EXPLOITATION_INDICATORS = frozenset(
    {
        "hidden-venue",
        "hidden-online",
        "encounter-prostitution-offence",
        "exploit-sex-for-needs",
        "exploit-images",
    }
)


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
    """Map noted (indicator slug, section slug) pairs to the facts the rules use.

    An accompanying adult, images, an offence and a sign of sexual exploitation count when
    answered yes or not sure, since
    acting on them protects the child either way; movement counts only when answered yes,
    because its absence is what the rules speak to.
    """
    either = [*yes, *not_sure]
    return Noted(
        adult=any(slug in ADULT_INDICATORS for slug, _section in either),
        images=any(slug in IMAGES_INDICATORS for slug, _section in either),
        movement=any(
            slug in MOVEMENT_INDICATORS or section in MOVEMENT_SECTIONS for slug, section in yes
        ),
        offence=any(section in OFFENCE_SECTIONS for _slug, section in either),
        sexual_exploitation=any(slug in SEXUAL_EXPLOITATION_INDICATORS for slug, _ in either),
    )


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
    steps: list[str] = []
    if immediate_danger == Answer.YES:
        steps.append(CALL_EMERGENCY)
    elif immediate_danger == Answer.NOT_SURE:
        steps.append(CHECK_DANGER)
    custody = setting in CUSTODY_SETTINGS or offence_noted
    if custody:
        # Prostitution is named only where a sign of sexual exploitation was noted; otherwise
        # the step speaks of any offence linked to the exploitation or the journey.
        steps.append(NOT_AN_OFFENDER if sexual_exploitation_noted else NOT_AN_OFFENDER_ANY)
    if adult_noted:
        steps.append(DO_NOT_HAND_BACK)
    if immediate_danger == Answer.YES or noted_yes > 0:
        steps.append(KEEP_SAFE)
    steps.append(TREAT_AS_CHILD if age_band in CHILD_BANDS else PRESUME_CHILD)
    if images_noted or setting == Setting.ONLINE:
        steps.append(REPORT_IMAGES)
    if noted_yes + noted_not_sure > 0 or immediate_danger in (Answer.YES, Answer.NOT_SURE):
        steps.append(REFER)
    else:
        steps.append(NOTHING_NOTED)
    if setting == Setting.HEALTH:
        steps.append(HEALTH_CARE)
    if not custody:
        steps.append(VICTIM_FIRST)
    if not movement_noted:
        steps.append(NOT_MOVED)
    steps.append(RECORD)
    return steps


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
