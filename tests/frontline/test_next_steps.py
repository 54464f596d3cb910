"""The rules that decide what the worker is told, one by one, without a database."""

from dataclasses import dataclass

import pytest

from screening.content.steps import STEP_CODES
from screening.frontline.rules import (
    Noted,
    contact_kinds_shown,
    contacts_for_steps,
    kinds_needed,
    missing_kinds,
    next_steps,
    order_contacts,
    what_was_noted,
)

# One of these on every result: the custody wording (naming prostitution or not), or the other.
VICTIM_STEPS = {"victim-first", "not-an-offender", "not-an-offender-any"}


def keys(**kwargs) -> list[str]:
    kwargs.setdefault("immediate_danger", "")
    kwargs.setdefault("noted_yes", 0)
    kwargs.setdefault("noted_not_sure", 0)
    kwargs.setdefault("age_band", "")
    kwargs.setdefault("setting", "")
    kwargs.setdefault("adult_noted", False)
    kwargs.setdefault("images_noted", False)
    kwargs.setdefault("movement_noted", False)
    kwargs.setdefault("offence_noted", False)
    kwargs.setdefault("sexual_exploitation_noted", False)
    return next_steps(**kwargs)


def test_immediate_danger_puts_calling_emergency_first():
    steps = keys(immediate_danger="yes", noted_yes=3)
    assert steps[0] == "call-emergency"
    assert steps[1] == "keep-safe"


def test_unsure_about_danger_asks_to_call_if_in_doubt_first():
    assert keys(immediate_danger="not_sure", noted_yes=1)[0] == "check-danger"


@pytest.mark.parametrize("answer", ["no", ""])
def test_no_danger_never_asks_for_an_emergency_call(answer):
    steps = keys(immediate_danger=answer, noted_yes=2)
    assert "call-emergency" not in steps
    assert "check-danger" not in steps


@pytest.mark.parametrize("yes,not_sure", [(1, 0), (0, 1), (3, 4)])
def test_any_indicator_noted_yes_or_not_sure_means_refer(yes, not_sure):
    steps = keys(noted_yes=yes, noted_not_sure=not_sure)
    assert "refer" in steps
    assert "nothing-noted" not in steps


def test_nothing_noted_still_says_trafficking_is_not_ruled_out():
    steps = keys()
    assert "nothing-noted" in steps
    assert "refer" not in steps
    assert "keep-safe" not in steps


@pytest.mark.parametrize("danger", ["yes", "not_sure"])
def test_danger_alone_is_enough_to_refer(danger):
    steps = keys(immediate_danger=danger)
    assert "refer" in steps
    assert "nothing-noted" not in steps


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
def test_met_in_custody_puts_victim_not_offender_first(setting):
    steps = keys(setting=setting, noted_yes=1, adult_noted=True)
    assert steps[0] == "not-an-offender-any"
    assert "victim-first" not in steps


@pytest.mark.parametrize("danger", ["yes", "not_sure"])
def test_in_custody_with_danger_only_the_call_comes_before_victim_not_offender(danger):
    steps = keys(immediate_danger=danger, setting="police", noted_yes=1)
    assert steps[1] == "not-an-offender-any"


def test_an_offence_noted_elsewhere_gets_the_custody_wording_too():
    steps = keys(setting="street", offence_noted=True)
    assert "not-an-offender-any" in steps
    assert "victim-first" not in steps


@pytest.mark.parametrize("setting", ["police", "border", "street"])
def test_prostitution_is_named_only_where_a_sign_of_sexual_exploitation_was_noted(setting):
    # The prostitution wording for a child with no such sign would suggest what nobody saw;
    # the other speaks of any offence linked to how they were exploited or how they travelled.
    noted = {"offence_noted": setting == "street", "noted_yes": 1}
    with_sign = keys(setting=setting, sexual_exploitation_noted=True, **noted)
    without = keys(setting=setting, sexual_exploitation_noted=False, **noted)
    assert "not-an-offender" in with_sign and "not-an-offender-any" not in with_sign
    assert "not-an-offender-any" in without and "not-an-offender" not in without
    assert with_sign.index("not-an-offender") == without.index("not-an-offender-any")


def test_a_sign_of_sexual_exploitation_alone_does_not_bring_the_custody_step():
    steps = keys(setting="street", noted_yes=1, sexual_exploitation_noted=True)
    assert "victim-first" in steps
    assert not {"not-an-offender", "not-an-offender-any"} & set(steps)


SETTINGS = [
    "street",
    "transport",
    "accommodation",
    "venue",
    "health",
    "school",
    "social",
    "online",
    "home",
    "other",
    "",
]


@pytest.mark.parametrize("setting", SETTINGS)
def test_outside_custody_the_child_is_a_victim_without_talk_of_arrest(setting):
    steps = keys(setting=setting, noted_yes=2)
    assert "victim-first" in steps
    assert "not-an-offender" not in steps
    assert "not-an-offender-any" not in steps


@pytest.mark.parametrize("setting", ["police", "border", *SETTINGS])
def test_every_setting_gets_one_victim_step_and_ends_with_recording(setting):
    steps = keys(setting=setting, noted_yes=1)
    assert len(VICTIM_STEPS & set(steps)) == 1
    assert len(steps) == len(set(steps))
    assert steps[-1] == "record-and-follow-up"


def test_health_service_adds_care_and_referral_from_there():
    assert "health-care" in keys(setting="health", noted_not_sure=1)
    for setting in ["police", "border", *SETTINGS]:
        if setting != "health":
            assert "health-care" not in keys(setting=setting, noted_not_sure=1), setting


def test_online_setting_says_never_copy_and_report_the_images():
    assert "report-images" in keys(setting="online")


def test_images_noted_anywhere_say_never_copy_and_report():
    assert "report-images" in keys(setting="school", noted_not_sure=1, images_noted=True)


@pytest.mark.parametrize("setting", ["school", "street", "health", "police", ""])
def test_without_images_or_online_there_is_no_image_step(setting):
    assert "report-images" not in keys(setting=setting, noted_yes=4)


def test_an_accompanying_adult_noted_means_do_not_hand_back():
    steps = keys(noted_yes=1, adult_noted=True)
    assert "do-not-hand-back" in steps
    assert steps.index("do-not-hand-back") < steps.index("refer")


@pytest.mark.parametrize("danger", ["yes", "not_sure", "no", ""])
def test_no_adult_noted_means_no_hand_back_step(danger):
    assert "do-not-hand-back" not in keys(immediate_danger=danger, noted_yes=5)


def test_no_sign_of_movement_says_a_child_need_not_cross_a_border():
    assert "not-moved" in keys(noted_yes=2)
    assert "not-moved" in keys()
    assert "not-moved" not in keys(noted_yes=2, movement_noted=True)


@pytest.mark.parametrize(
    "danger,yes,band,setting",
    [("yes", 5, "under_12", "venue"), ("", 0, "", ""), ("not_sure", 1, "maybe_adult", "police")],
)
def test_every_result_has_one_victim_step_and_ends_with_recording(danger, yes, band, setting):
    steps = keys(immediate_danger=danger, noted_yes=yes, age_band=band, setting=setting)
    assert len(VICTIM_STEPS & set(steps)) == 1
    assert len(steps) == len(set(steps))
    assert steps[-1] == "record-and-follow-up"


def test_every_step_a_rule_picks_is_a_known_code():
    for danger in ["yes", "not_sure", ""]:
        for setting in ["police", "border", *SETTINGS]:
            for flag in [True, False]:
                steps = keys(
                    immediate_danger=danger,
                    setting=setting,
                    noted_yes=int(flag),
                    adult_noted=flag,
                    images_noted=flag,
                    movement_noted=flag,
                    offence_noted=flag,
                    sexual_exploitation_noted=flag,
                )
                assert set(steps) <= set(STEP_CODES)


def test_kinds_needed_names_each_kind_once_in_listing_order():
    steps = ["call-emergency", "refer", "victim-first", "report-images"]
    assert kinds_needed(steps) == [
        "emergency",
        "child_protection",
        "child_helpline",
        "anti_trafficking",
        "csam_reporting",
    ]


@pytest.mark.parametrize(
    "yes,not_sure,expected",
    [
        (
            [("control-adult-speaks", "control-and-fear")],
            [],
            Noted(True, False, False, False, False),
        ),
        ([], [("move-brought-by-other", "movement")], Noted(True, False, False, False, False)),
        ([], [("exploit-images", "exploitation")], Noted(False, True, False, False, True)),
        ([("hidden-online", "hidden")], [], Noted(False, True, False, False, True)),
        ([("move-recent-arrival", "movement")], [], Noted(False, False, True, False, False)),
        ([], [("move-recent-arrival", "movement")], Noted(False, False, False, False, False)),
        (
            [("encounter-illegal-entry-or-papers", "seen-as-offender")],
            [],
            Noted(False, False, True, True, False),
        ),
        (
            [],
            [("encounter-prostitution-offence", "seen-as-offender")],
            Noted(False, False, False, True, True),
        ),
        ([("hidden-venue", "hidden")], [], Noted(False, False, False, False, True)),
        ([], [("exploit-sex-for-needs", "exploitation")], Noted(False, False, False, False, True)),
        ([("exploit-long-hours", "exploitation")], [], Noted(False, False, False, False, False)),
        ([("vuln-poverty-school", "vulnerability")], [], Noted(False, False, False, False, False)),
        ([], [], Noted(False, False, False, False, False)),
    ],
)
def test_indicator_slugs_map_to_what_the_rules_use(yes, not_sure, expected):
    assert what_was_noted(yes=yes, not_sure=not_sure) == expected


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
    steps = keys(immediate_danger=danger, noted_yes=2)
    assert steps.count("keep-safe") == 1
    assert steps.index("keep-safe") < steps.index("record-and-follow-up")


def test_nothing_noted_and_no_danger_has_no_keep_safe_step():
    assert "keep-safe" not in keys(immediate_danger="no", noted_yes=0, noted_not_sure=0)


def test_contacts_for_steps_keep_only_the_kinds_named_region_first():
    kept = contacts_for_steps(CONTACTS, kinds=["child_protection", "anti_trafficking"])
    assert [c.name for c in kept] == ["Local protection office", "International hotline"]


def test_missing_kinds_are_those_no_contact_provides():
    assert missing_kinds(CONTACTS, kinds=["shelter", "csam_reporting", "health"]) == [
        "csam_reporting",
        "health",
    ]


def test_contacts_for_steps_keep_the_nearest_two_of_each_kind():
    many = [
        Contact("International A", "shelter", "international"),
        Contact("National B", "shelter", "national"),
        Contact("Local C", "shelter", "local"),
        Contact("Helpline", "child_helpline", "national"),
    ]
    kept = contacts_for_steps(many, kinds=["shelter", "child_helpline"])
    assert [c.name for c in kept] == ["Local C", "Helpline", "National B"]


@pytest.mark.parametrize(
    ("setting", "offence"), [("police", False), ("border", False), ("street", True)]
)
def test_police_custody_or_an_offence_gives_a_safe_place_and_a_child_friendly_interview(
    setting, offence
):
    steps = keys(setting=setting, offence_noted=offence, noted_yes=1)
    assert "safe-place" in steps and "child-friendly-interview" in steps
    # Right after the custody step, before anything else the worker does.
    custody = steps.index("not-an-offender-any")
    assert steps[custody + 1 : custody + 3] == ["safe-place", "child-friendly-interview"]
    assert "shelter" in kinds_needed(steps) and "child_protection" in kinds_needed(steps)


def test_no_custody_no_safe_place_step():
    steps = keys(setting="street", noted_yes=1)
    assert "safe-place" not in steps and "child-friendly-interview" not in steps
