"""The rules exist once: the phone's copy (rules.js reading the exported RULES) chooses the same
steps and contact kinds as the server for every combination of the answers."""

import itertools
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from screening.choices import AgeBand, Answer, Setting
from screening.frontline.rules import (
    NOTED,
    exported_rules,
    kinds_needed,
    next_steps,
    what_was_noted,
)

RULES_JS = Path(__file__).resolve().parents[2] / "screening/static/screening/rules.js"
FLAGS = ("adult", "images", "movement", "offence", "sexual_exploitation")


def node() -> str:
    found = shutil.which("node")
    if found is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("node is missing; CI must compare the phone's rules with the server's.")
        pytest.skip("node is not installed: the phone's rules cannot be run here")
    return found


def run_js(script: str, data) -> object:
    """Run script with rules.js loaded as R and the JSON data as D; return what it prints."""
    program = f"const R = require({json.dumps(str(RULES_JS))});\n" + (
        "let input = '';\nprocess.stdin.on('data', c => input += c);\n"
        "process.stdin.on('end', () => { const D = JSON.parse(input);\n" + script + "\n});"
    )
    run = subprocess.run(
        [node(), "-e", program],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(run.stdout)


def every_case():
    for danger, age, setting, yes, not_sure, *flags in itertools.product(
        ["", *Answer.values],
        ["", *AgeBand.values],
        ["", *Setting.values],
        [0, 1],
        [0, 1],
        *([[False, True]] * len(FLAGS)),
    ):
        yield {
            "danger": danger,
            "age_band": age,
            "setting": setting,
            "yes": yes,
            "not_sure": not_sure,
            **dict(zip(FLAGS, flags, strict=True)),
        }


def test_the_phone_chooses_the_same_steps_and_kinds_as_the_server_in_every_case():
    cases = list(every_case())
    assert len(cases) == 4 * 6 * 13 * 2 * 2 * 32
    server = []
    for case in cases:
        steps = next_steps(
            immediate_danger=case["danger"],
            age_band=case["age_band"],
            setting=case["setting"],
            noted_yes=case["yes"],
            noted_not_sure=case["not_sure"],
            adult_noted=case["adult"],
            images_noted=case["images"],
            movement_noted=case["movement"],
            offence_noted=case["offence"],
            sexual_exploitation_noted=case["sexual_exploitation"],
        )
        server.append([steps, list(kinds_needed(steps))])
    phone = run_js(
        "const out = D.cases.map(f => { const s = R.nextSteps(D.rules, f);"
        " return [s, R.kindsNeeded(D.rules, s)]; });"
        " process.stdout.write(JSON.stringify(out));",
        {"rules": exported_rules(), "cases": cases},
    )
    assert len(phone) == len(server)
    differing = [case for case, a, b in zip(cases, server, phone, strict=True) if a != b]
    assert differing == [], f"{len(differing)} cases differ, the first: {differing[:1]}"


def test_the_phone_reads_the_answers_as_the_server_does():
    slugs = sorted({slug for spec in NOTED.values() for slug in spec.get("slugs", ())})
    sections = sorted({s for spec in NOTED.values() for s in spec.get("sections", ())})
    signs = [(slug, "other") for slug in slugs] + [("other", s) for s in sections]
    signs.append(("other", "other"))
    cases = []
    for sign in signs:
        for answer in (Answer.YES, Answer.NOT_SURE):
            cases.append([[*sign, answer]])
    # Pairs too, so one sign never hides another.
    for first, second in itertools.combinations(signs, 2):
        cases.append([[*first, Answer.YES], [*second, Answer.NOT_SURE]])
    server = []
    for answered in cases:
        yes = [(slug, section) for slug, section, answer in answered if answer == Answer.YES]
        unsure = [(slug, section) for slug, section, answer in answered if answer != Answer.YES]
        server.append(what_was_noted(yes=yes, not_sure=unsure).__dict__)
    phone = run_js(
        "process.stdout.write(JSON.stringify(D.cases.map(a => R.noted(D.rules, a))));",
        {"rules": exported_rules(), "cases": cases},
    )
    assert phone == server


def test_the_comparison_sees_a_rule_the_phone_gets_wrong():
    # The same run with one rule changed on the phone's side only must find differences.
    rules = exported_rules()
    rules["steps"] = [
        [code, ["not", condition] if code == "refer" else condition]
        for code, condition in rules["steps"]
    ]
    phone = run_js(
        "process.stdout.write(JSON.stringify(R.nextSteps(D.rules, D.case)));",
        {"rules": rules, "case": next(every_case()) | {"yes": 1}},
    )
    assert "refer" not in phone
