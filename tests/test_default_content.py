"""The default content that migrate ships: complete, sourced, worded by the rules, reversible."""

import importlib
import re

from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor

from screening.models import (
    Guidance,
    Indicator,
    IndicatorVersion,
    Region,
    Section,
    SupportContact,
    validate_phone_lines,
)

MIGRATION = importlib.import_module("screening.migrations.0003_default_content")
# Later data migrations that build on the default content, newest first: a real reverse to
# 0003 undoes them before 0003, so the test does too.
LATER = [
    ("0012_researched_contacts", "add_contacts", "remove_contacts"),
    ("0011_step_texts", "add_steps", "remove_steps"),
]


def state_apps(name: str):
    return MigrationExecutor(connection).loader.project_state(("screening", name)).apps


def undo_later_migrations() -> None:
    for name, _add, remove in LATER:
        getattr(importlib.import_module(f"screening.migrations.{name}"), remove)(
            state_apps(name), None
        )


BANNED_TERMS = [
    "child prostitute",
    "child sex worker",
    "juvenile prostitute",
    "teen prostitute",
    "teenage prostitute",
    "child pornography",
    "child sex tourism",
    "sex tourism",
]
# The child's gender is never assumed: no she/her/girl about the child anywhere.
GENDERED = re.compile(r"\b(she|her|hers|herself|girl|girls)\b", re.IGNORECASE)

GUIDANCE_SLUGS = [
    "no-consent",
    "victim-not-offender",
    "presume-child",
    "safety-first",
    "child-friendly",
    "refer",
    "images",
    "not-a-diagnosis",
]


def text_values(model) -> list[tuple[str, str]]:
    """Return (label, value) for every non-empty text column of every row of a model."""
    fields = [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
    ]
    values = []
    for row in model.objects.values("pk", *fields):
        for name in fields:
            if row[name]:
                values.append((f"{model.__name__}#{row['pk']}.{name}", str(row[name])))
    return values


def all_content_text() -> list[tuple[str, str]]:
    values = []
    for model in (Region, Section, Indicator, IndicatorVersion, Guidance, SupportContact):
        values += text_values(model)
    return values


def test_it_ships_eight_or_more_sections_each_with_intro_and_source(db):
    sections = list(Section.objects.active())
    assert len(sections) >= 8
    for section in sections:
        assert section.title_en.strip(), section.slug
        assert section.intro_en.strip(), section.slug
        assert section.source.strip(), section.slug


def test_it_covers_the_five_challenges_and_the_three_elements(db):
    slugs = set(Section.objects.values_list("slug", flat=True))
    assert {
        "hidden",
        "seen-as-offender",
        "control-and-fear",
        "disclosure",
        "age",
        "movement",
        "exploitation",
        "vulnerability",
    } <= slugs


def test_it_cites_rafferty_for_the_framing_but_not_as_the_headings_author(db):
    for slug in ("hidden", "seen-as-offender", "control-and-fear", "disclosure", "age"):
        source = Section.objects.get(slug=slug).source
        assert "Rafferty" in source
        assert "not Rafferty's words" in source


def test_it_ships_25_to_40_active_indicators_with_help_and_source(db):
    indicators = list(Indicator.objects.active())
    assert 25 <= len(indicators) <= 40
    for indicator in indicators:
        assert indicator.help_en.strip(), indicator.slug
        assert indicator.source.strip(), indicator.slug
        assert len(indicator.text_en) <= 300
        assert indicator.section.active


def test_every_section_has_indicators(db):
    for section in Section.objects.active():
        assert section.indicators.filter(active=True).exists(), section.slug


def test_most_indicators_carry_their_own_guidance(db):
    indicators = list(Indicator.objects.active())
    with_guidance = [i for i in indicators if (i.guidance_en or "").strip()]
    assert len(with_guidance) >= len(indicators) * 2 / 3


def test_the_adult_speaking_for_the_child_gets_specific_guidance(db):
    guidance = Indicator.objects.get(slug="control-adult-speaks").guidance_en
    assert "away from the adult" in guidance
    assert "Do not hand the child back" in guidance
    assert "interpreter" in guidance


def test_the_encounter_itself_is_screened(db):
    texts = " ".join(
        Indicator.objects.filter(section__slug="seen-as-offender").values_list("text_en", flat=True)
    )
    for word in ("prostitution", "illegally", "false papers", "street", "begging", "stealing"):
        assert word in texts


def test_every_indicator_points_at_a_first_version_with_its_english_text(db):
    for indicator in Indicator.objects.select_related("current_version"):
        version = indicator.current_version
        assert version is not None, indicator.slug
        assert version.indicator_id == indicator.pk
        assert version.number == 1
        assert version.text == indicator.text_en == indicator.text
        assert indicator.versions.count() == 1


def test_translated_fields_are_english_with_other_languages_empty(db):
    indicator = Indicator.objects.get(slug="hidden-venue")
    assert indicator.text_en
    assert indicator.text_th is None
    assert indicator.help_ne is None
    assert Guidance.objects.get(slug="refer").title_bn is None


def test_every_principle_of_the_guidance_ships_active(db):
    for slug in GUIDANCE_SLUGS:
        guidance = Guidance.objects.get(slug=slug)
        assert guidance.active
        assert guidance.body_en.strip()
        assert guidance.source.strip()


def test_the_principles_that_belong_on_every_result_are_marked_so(db):
    on_result = set(Guidance.objects.filter(on_result=True).values_list("slug", flat=True))
    assert {"not-a-diagnosis", "victim-not-offender", "no-consent", "safety-first"} <= on_result


def test_guidance_says_what_the_domain_brief_requires(db):
    def body(slug: str) -> str:
        return Guidance.objects.get(slug=slug).body_en

    assert "never a safe place" in body("victim-not-offender")
    assert "immigration detention" in body("victim-not-offender")
    assert "Do not confront" in body("safety-first")
    assert "Do not hand the child back" in body("safety-first")
    assert "Never copy, forward, download" in body("images")
    assert "guardian" in body("refer")
    assert "proves nothing" in body("not-a-diagnosis")
    assert "Greenbaum" in Guidance.objects.get(slug="not-a-diagnosis").source
    assert "treat them as a child" in body("presume-child")
    assert "interpreter" in body("child-friendly")


def test_guidance_bodies_use_blank_lines_and_dash_bullets_only(db):
    for guidance in Guidance.objects.all():
        for line in guidance.body_en.splitlines():
            assert not line.startswith(("* ", "• ", "-\t")), guidance.slug
            assert line == line.rstrip(), guidance.slug


def test_no_banned_term_appears_anywhere_in_the_content(db):
    content = all_content_text()
    assert len(content) > 100
    for label, value in content:
        lowered = value.lower()
        for term in BANNED_TERMS:
            assert term not in lowered, f"{term!r} in {label}"


def test_the_content_never_assumes_the_child_is_a_girl(db):
    for label, value in all_content_text():
        assert not GENDERED.search(value), label


def test_demo_regions_span_south_and_southeast_asia(db):
    regions = list(Region.objects.active())
    assert 4 <= len(regions) <= 6
    countries = {region.country for region in regions}
    assert {"Nepal", "Bangladesh", "India", "Thailand"} <= countries
    for region in regions:
        assert region.name_en


def test_every_shipped_contact_is_an_unverified_example_with_a_way_to_reach_it(db):
    contacts = list(SupportContact.objects.all())
    assert contacts
    for contact in contacts:
        assert contact.is_example, contact.name
        assert contact.last_verified is None, contact.name
        assert contact.needs_verification
        assert contact.phones or contact.email or contact.website, contact.name
        assert "Example" in contact.notes_en, contact.name
        assert contact.website == "" or contact.website.startswith("https://")


def test_every_shipped_contact_passes_the_models_validation(db):
    for contact in SupportContact.objects.all():
        validate_phone_lines(contact.phones)
        contact.full_clean()


def test_each_demo_country_has_an_emergency_number_and_a_child_helpline(db):
    for region in Region.objects.all():
        kinds = set(SupportContact.objects.filter(regions=region).values_list("kind", flat=True))
        assert {"emergency", "child_helpline"} <= kinds, region.code


def test_the_regional_child_helplines_are_the_documented_short_numbers(db):
    for code, number in (
        ("np-bagmati", "1098"),
        ("bd-dhaka", "1098"),
        ("in-west-bengal", "1098"),
        ("th-bangkok", "1387"),
    ):
        helpline = SupportContact.objects.active().get(regions__code=code, kind="child_helpline")
        assert helpline.phone_list == [number]


def test_international_contacts_serve_everywhere(db):
    international = SupportContact.objects.filter(scope="international")
    assert international.count() >= 2
    for contact in international:
        assert not contact.regions.exists()
        assert contact.website


def test_the_migration_functions_reverse_and_reapply_cleanly(db):
    # Run the migration's own functions on the frozen models of that point in history,
    # inside the test's transaction; the real reverse would do the same work.
    executor = MigrationExecutor(connection)
    state = executor.loader.project_state(("screening", "0003_default_content"))
    apps = state.apps
    counts_before = {
        model: model.objects.count()
        for model in (Region, Section, Indicator, IndicatorVersion, Guidance, SupportContact)
    }
    undo_later_migrations()

    MIGRATION.remove_default_content(apps, None)

    for model in (Region, Section, Indicator, IndicatorVersion, Guidance, SupportContact):
        assert model.objects.count() == 0, model.__name__

    MIGRATION.add_default_content(apps, None)
    for name, add, _remove in reversed(LATER):
        getattr(importlib.import_module(f"screening.migrations.{name}"), add)(
            state_apps(name), None
        )

    for model, count in counts_before.items():
        assert model.objects.count() == count, model.__name__
    assert not Indicator.objects.filter(current_version__isnull=True).exists()


def test_the_reverse_leaves_content_that_editors_added(db):
    apps = (
        MigrationExecutor(connection)
        .loader.project_state(("screening", "0003_default_content"))
        .apps
    )
    own = Region.objects.create(code="editor-region", name="Editor Region")

    undo_later_migrations()
    MIGRATION.remove_default_content(apps, None)

    assert list(Region.objects.all()) == [own]
