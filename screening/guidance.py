"""Rules that decide what the worker is told after a checklist: next steps and contact order.

Pure functions over plain values, so every rule is tested without a database.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.utils.translation import gettext_lazy as _

from screening.choices import AgeBand, Answer, ContactKind, ContactScope, Setting


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    body: str


STEPS: dict[str, Step] = {
    "call-emergency": Step(
        "call-emergency",
        _("Call emergency services now"),
        _(
            "You said the child is in danger right now. Call an emergency number below before "
            "anything else. Stay with the child if it is safe. Do not confront anyone you "
            "think is exploiting the child."
        ),
    ),
    "check-danger": Step(
        "check-danger",
        _("If you think the child may be in danger, call now"),
        _(
            "You were not sure whether the child is safe. If you think they could be harmed "
            "soon, call an emergency number below now. Do not wait until you are sure."
        ),
    ),
    "keep-safe": Step(
        "keep-safe",
        _("Keep the child safe and calm"),
        _(
            "Do not hand the child back to the adult who came with them. Separate them calmly "
            "and safely. Do not confront a suspected exploiter yourself."
        ),
    ),
    "refer": Step(
        "refer",
        _("Refer the child today"),
        _(
            "You noted signs that raise concern. Contact the child protection authority, a "
            "child helpline or an anti-trafficking hotline below. Tell them what you saw. "
            "They decide what happens next with you; you do not have to be sure."
        ),
    ),
    "nothing-noted": Step(
        "nothing-noted",
        _("No sign noted, but trafficking is not ruled out"),
        _(
            "You did not note any sign. That does not mean the child is safe: children often "
            "hide what is happening to them, and no checklist can rule trafficking out. If you "
            "are still worried, call a child helpline below and talk it through."
        ),
    ),
    "treat-as-child": Step(
        "treat-as-child",
        _("Treat them as a child"),
        _(
            "The person seems to be under 18. Everything below applies to them as a child: a "
            "child cannot agree to being exploited."
        ),
    ),
    "presume-child": Step(
        "presume-child",
        _("If you are not sure of the age, treat them as a child"),
        _(
            "When age is uncertain and the person may be under 18, treat them as a child until "
            "their age is checked by the right authority. Do not accept a document or a story "
            "that says they are an adult as the last word."
        ),
    ),
    "not-an-offender": Step(
        "not-an-offender",
        _("The child is a victim, not an offender"),
        _(
            "The child may have been picked up for an offence linked to prostitution, for "
            "crossing a border or for carrying false papers. Do not arrest, charge, detain or "
            "deport them for it. A police cell or immigration detention is never a safe place "
            "for a child."
        ),
    ),
    "record-and-follow-up": Step(
        "record-and-follow-up",
        _("Write down what you saw, not what you think"),
        _(
            "Note what you saw and heard, where and when, in your own service's records. Do not "
            "write the child's name into this tool; it does not keep it."
        ),
    ),
}

CHILD_BANDS = frozenset({AgeBand.UNDER_12, AgeBand.AGE_12_14, AgeBand.AGE_15_17})
CUSTODY_SETTINGS = frozenset({Setting.POLICE, Setting.BORDER})


def next_steps(
    *, immediate_danger: str, noted_count: int, age_band: str, setting: str
) -> list[Step]:
    """Return the next steps that fit what was noted, the most urgent first."""
    steps: list[str] = []
    if immediate_danger == Answer.YES:
        steps += ["call-emergency", "keep-safe"]
    elif immediate_danger == Answer.NOT_SURE:
        steps.append("check-danger")
    if setting in CUSTODY_SETTINGS:
        steps.append("not-an-offender")
    steps.append("treat-as-child" if age_band in CHILD_BANDS else "presume-child")
    if noted_count > 0:
        steps.append("refer")
        if "keep-safe" not in steps:
            steps.append("keep-safe")
    else:
        steps.append("nothing-noted")
    if "not-an-offender" not in steps:
        steps.append("not-an-offender")
    steps.append("record-and-follow-up")
    return [STEPS[key] for key in steps]


class ContactLike(Protocol):
    kind: str
    scope: str
    position: int
    name: str


SCOPE_ORDER = {ContactScope.LOCAL: 0, ContactScope.NATIONAL: 1, ContactScope.INTERNATIONAL: 2}
KIND_ORDER = {
    ContactKind.EMERGENCY: 0,
    ContactKind.CHILD_PROTECTION: 1,
    ContactKind.CHILD_HELPLINE: 2,
    ContactKind.ANTI_TRAFFICKING: 3,
    ContactKind.SHELTER: 4,
    ContactKind.HEALTH: 5,
    ContactKind.LEGAL_AID: 6,
}


def order_contacts(contacts: Iterable[ContactLike], *, emergency_first: bool) -> list:
    """Order contacts local, then national, then international; emergency ones first if asked.

    Within one scope, contacts follow a fixed order of kinds, then the editor's position.
    """

    def key(contact: ContactLike) -> tuple:
        urgent = 0 if emergency_first and contact.kind == ContactKind.EMERGENCY else 1
        return (
            urgent,
            SCOPE_ORDER.get(contact.scope, 9),
            KIND_ORDER.get(contact.kind, 9),
            contact.position,
            contact.name,
        )

    return sorted(contacts, key=key)


def contact_kinds_shown(contacts: Sequence[ContactLike]) -> list[str]:
    """Return each kind of contact shown, once, in a stable order."""
    return sorted({contact.kind for contact in contacts}, key=lambda kind: KIND_ORDER.get(kind, 9))
