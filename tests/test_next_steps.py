"""The rules that decide what the worker is told, one by one, without a database."""

from dataclasses import dataclass

import pytest

from screening.guidance import contact_kinds_shown, next_steps, order_contacts


def keys(**kwargs) -> list[str]:
    kwargs.setdefault("immediate_danger", "")
    kwargs.setdefault("noted_count", 0)
    kwargs.setdefault("age_band", "")
    kwargs.setdefault("setting", "")
    return [step.key for step in next_steps(**kwargs)]


def test_immediate_danger_puts_calling_emergency_first():
    steps = keys(immediate_danger="yes", noted_count=3)
    assert steps[0] == "call-emergency"
    assert steps[1] == "keep-safe"


def test_unsure_about_danger_asks_to_call_if_in_doubt_first():
    assert keys(immediate_danger="not_sure", noted_count=1)[0] == "check-danger"


@pytest.mark.parametrize("answer", ["no", ""])
def test_no_danger_never_asks_for_an_emergency_call(answer):
    steps = keys(immediate_danger=answer, noted_count=2)
    assert "call-emergency" not in steps
    assert "check-danger" not in steps


def test_any_indicator_noted_means_refer():
    steps = keys(noted_count=1)
    assert "refer" in steps
    assert "nothing-noted" not in steps


def test_nothing_noted_still_says_trafficking_is_not_ruled_out():
    steps = keys(noted_count=0)
    assert "nothing-noted" in steps
    assert "refer" not in steps


@pytest.mark.parametrize("band", ["under_12", "12_14", "15_17"])
def test_under_18_means_treat_as_a_child(band):
    steps = keys(age_band=band)
    assert "treat-as-child" in steps
    assert "presume-child" not in steps


@pytest.mark.parametrize("band", ["not_sure", "maybe_adult", ""])
def test_uncertain_age_means_presume_a_child(band):
    steps = keys(age_band=band)
    assert "presume-child" in steps
    assert "treat-as-child" not in steps


@pytest.mark.parametrize("setting", ["police", "border"])
def test_met_in_custody_puts_victim_not_offender_before_referral(setting):
    steps = keys(setting=setting, noted_count=1)
    assert steps.index("not-an-offender") < steps.index("refer")


@pytest.mark.parametrize(
    "danger,noted,band,setting",
    [("yes", 5, "under_12", "venue"), ("", 0, "", ""), ("not_sure", 1, "maybe_adult", "police")],
)
def test_every_result_says_victim_not_offender_once_and_ends_with_recording(
    danger, noted, band, setting
):
    steps = keys(immediate_danger=danger, noted_count=noted, age_band=band, setting=setting)
    assert steps.count("not-an-offender") == 1
    assert len(steps) == len(set(steps))
    assert steps[-1] == "record-and-follow-up"


@dataclass
class Contact:
    name: str
    kind: str
    scope: str
    position: int = 0


CONTACTS = [
    Contact("International hotline", "anti_trafficking", "international"),
    Contact("National helpline", "child_helpline", "national"),
    Contact("National police", "emergency", "national"),
    Contact("Local shelter", "shelter", "local"),
    Contact("Local protection office", "child_protection", "local"),
]


def test_contacts_go_local_then_national_then_international():
    names = [c.name for c in order_contacts(CONTACTS, emergency_first=False)]
    assert names == [
        "Local protection office",
        "Local shelter",
        "National police",
        "National helpline",
        "International hotline",
    ]


def test_emergency_contacts_come_first_when_danger_flagged():
    names = [c.name for c in order_contacts(CONTACTS, emergency_first=True)]
    assert names[0] == "National police"
    assert names[1:3] == ["Local protection office", "Local shelter"]


def test_editor_position_orders_contacts_of_the_same_kind_and_scope():
    a = Contact("B first by position", "shelter", "local", position=1)
    b = Contact("A second by position", "shelter", "local", position=2)
    assert order_contacts([b, a], emergency_first=False) == [a, b]


def test_contact_kinds_shown_are_listed_once():
    assert contact_kinds_shown(CONTACTS + CONTACTS) == [
        "emergency",
        "child_protection",
        "child_helpline",
        "anti_trafficking",
        "shelter",
    ]


@pytest.mark.parametrize("danger", ["yes", "not_sure", "no", ""])
def test_signs_noted_always_bring_the_keep_the_child_safe_step_once(danger):
    steps = keys(immediate_danger=danger, noted_count=2)
    assert steps.count("keep-safe") == 1
    assert steps.index("keep-safe") < steps.index("record-and-follow-up")


def test_nothing_noted_and_no_danger_has_no_keep_safe_step():
    assert "keep-safe" not in keys(immediate_danger="no", noted_count=0)
