"""The default content that migrate ships: complete, sourced, worded by the rules, reversible."""

import datetime
import importlib
import re

import pytest
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor

from screening.models import (
    Country,
    Guidance,
    Indicator,
    IndicatorVersion,
    PracticeCase,
    Region,
    Section,
    SupportContact,
    serving,
    validate_phone_lines,
)

MIGRATION = importlib.import_module("screening.migrations.0003_default_content")
CORRECTION = importlib.import_module("screening.migrations.0020_correct_english_content")
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
# Phrasings that make the child the actor in their own exploitation (domain brief, "Words").
CHILD_AS_ACTOR = [
    "selling sex",
    "sells sex",
    "sell sex",
    "sex with adults to survive",
    "soliciting",
    "money the child earns",
]
# What a source must name: one of the sources the domain brief lists, each with its year.
LISTED_SOURCES = [
    "Rafferty, Y. (2016)",
    "ECPAT International (2001)",
    "Basson, D. (2018)",
    "Rigby, P. (2011)",
    "ECPAT UK (web page",
    "(2018). A short screening tool",
    "(2018). Evaluation of a tool",
    "UN Protocol to Prevent",
    "UN Recommended Principles",
    "Council of Europe Convention",
    "UNICEF Guidelines",
    "Luxembourg Guidelines, 2016",
]
OWN_SUMMARY = "app's own summary"
# Wherever these are cited, it is with their year (or "no date given") and title.
FULL_CITATIONS = {
    "Basson": re.compile(
        r"Basson, D\. \(2018\)\. Validation of the Commercial Sexual Exploitation-"
        r"Identification Tool"
    ),
    "ECPAT UK": re.compile(
        r"ECPAT UK \(web page, no date given\), '(How are children identified as trafficked "
        r"in the UK\?|What challenges do child victims face once identified\?)'"
    ),
    "Greenbaum": re.compile(
        r"Greenbaum, V\. J\., [^()]+\(2018\)\. (A short screening tool|Evaluation of a tool)"
    ),
}
# Rafferty's abstract names wrongful arrest for prostitution-related offences and illegal
# border crossing, and nothing narrower: only these signs may cite her.
RAFFERTY_SIGNS = {
    "encounter-prostitution-offence",
    "encounter-illegal-entry-or-papers",
    "move-hidden-travel",
}
SPLIT_SIGNS = {
    "hidden-out-at-night": "hidden",
    "disclose-substance-use": "disclosure",
    "vuln-out-of-school": "vulnerability",
}
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")

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


def test_it_ships_25_to_45_active_indicators_with_help_and_source(db):
    # 38 shipped in 0003, and three signs split out of others in 0020: still short enough
    # to go through in a few minutes.
    indicators = list(Indicator.objects.active())
    assert 25 <= len(indicators) <= 45
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


def test_every_indicator_points_at_its_latest_version_with_its_english_text(db):
    for indicator in Indicator.objects.select_related("current_version"):
        version = indicator.current_version
        assert version is not None, indicator.slug
        assert version.indicator_id == indicator.pk
        assert version.text == indicator.text_en == indicator.text
        numbers = list(indicator.versions.order_by("number").values_list("number", flat=True))
        assert numbers == list(range(1, len(numbers) + 1)), indicator.slug
        assert version.number == numbers[-1], indicator.slug


def test_a_corrected_wording_is_a_new_version_and_the_shipped_one_is_kept(db):
    shipped = {
        data["slug"]: data["text"] for items in MIGRATION.INDICATORS.values() for data in items
    }
    for slug in ("vuln-poverty-school", "exploit-sex-for-needs"):
        indicator = Indicator.objects.get(slug=slug)
        versions = list(indicator.versions.order_by("number").values_list("number", "text"))
        assert versions == [(1, shipped[slug]), (2, indicator.text_en)], slug
        assert indicator.current_version.number == 2


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


# First-level divisions: Nepal's 7 provinces, Bangladesh's 8 divisions, India's 28 states and
# 8 union territories, Pakistan's 4 provinces and 3 territories; Thailand: Bangkok; Cambodia's
# 24 provinces and Phnom Penh, Lao PDR's 17 provinces and Vientiane Capital, Myanmar's 7
# regions, 7 states and Nay Pyi Taw, Vietnam's 34 provincial-level units (migration 0092).
DIVISIONS = {"np": 7, "bd": 8, "in": 36, "pk": 7, "th": 1, "kh": 25, "la": 18, "mm": 15, "vn": 34}


def test_every_first_level_division_of_the_shipped_countries_is_offered(db):
    regions = list(Region.objects.active().select_related("country"))
    counts = {}
    for region in regions:
        counts[region.country.code] = counts.get(region.country.code, 0) + 1
        assert region.name_en
        assert region.code.startswith(region.country.code + "-"), region.code
    assert counts == DIVISIONS
    assert set(Country.objects.active().values_list("code", flat=True)) == set(DIVISIONS)


def serving_numbers(region: Region, kind: str) -> list[SupportContact]:
    return list(
        SupportContact.objects.active().filter(serving(region), kind=kind).exclude(phones="")
    )


def test_every_region_has_an_emergency_number_and_a_child_helpline(db):
    for region in Region.objects.active():
        assert serving_numbers(region, "emergency"), region.code
        assert serving_numbers(region, "child_helpline"), region.code


def test_every_shipped_contact_says_where_it_comes_from_and_how_it_was_checked(db):
    contacts = list(SupportContact.objects.active())
    assert contacts
    for contact in contacts:
        assert contact.phones or contact.email or contact.website, contact.name
        assert contact.website == "" or contact.website.startswith("https://")
        assert "https://" in contact.source or "http://" in contact.source, contact.name
        # Nobody has called a shipped number: never "checked by phone".
        assert contact.verification in ("official", "not_checked"), contact.name
        if contact.verification == "official":
            assert contact.last_verified and contact.recheck_due > contact.last_verified
        # Research notes are for editors: a worker reads a number, not a researcher's note.
        for language in ("en", "ne", "bn", "hi", "th", "ur"):
            notes = getattr(contact, f"notes_{language}") or ""
            assert "confidence" not in notes and "Example" not in notes, contact.name
            assert "Source:" not in notes, contact.name


def test_every_shipped_contact_passes_the_models_validation(db):
    for contact in SupportContact.objects.all():
        validate_phone_lines(contact.phones)
        contact.full_clean()


def test_the_child_helplines_are_the_documented_short_numbers(db):
    for code, number in (
        ("np-bagmati", "1098"),
        ("np-karnali", "1098"),
        ("bd-dhaka", "1098"),
        ("bd-sylhet", "1098"),
        ("in-west-bengal", "1098"),
        ("in-kerala", "1098"),
        ("th-bangkok", "1387"),
        ("pk-punjab", "1121"),
        ("pk-sindh", "1121"),
    ):
        phones = [
            c.phone_list for c in serving_numbers(Region.objects.get(code=code), "child_helpline")
        ]
        assert [number] in phones, code


def test_the_first_emergency_number_is_one_that_works_there(db):
    from screening.frontline.result import emergency_contacts

    expected = {
        "np-bagmati": "100",
        "bd-dhaka": "999",
        # 112 is reported "soon to be launched" in West Bengal (January 2026); 100 works.
        "in-west-bengal": "100",
        "in-maharashtra": "112",
        "pk-balochistan": "15",
        "th-bangkok": "191",
    }
    for code, number in expected.items():
        first = emergency_contacts(Region.objects.get(code=code))[0]
        assert first.phone_list[0] == number, code


def test_numbers_a_review_found_wrong_are_corrected_or_retired(db):
    active = SupportContact.objects.active()
    phones = {p for c in active for p in c.phone_list}
    # WBCPCR: 9836300300 is its WhatsApp line, not a number to call.
    assert "9836300300" not in phones
    assert {"9830056006", "9836078780"} <= phones
    # Bangladesh legal aid moved from 16430 to toll-free 16699.
    assert "16430" not in phones and "16699" in phones
    # Punjab's 1043 is a women's legal helpline, not a health service for a child.
    assert "1043" not in phones
    assert not active.filter(name_en="Child Helpline International").exists()
    assert not active.filter(phones="1177").exists()
    assert not active.filter(name_en__startswith="Madadgaar").exists()
    assert not active.filter(name_en__startswith="Police Cyber Support for Women").exists()
    assert {"15100", "1099"} <= phones


def test_no_number_is_listed_twice_for_one_region(db):
    for region in Region.objects.active():
        seen = []
        for contact in SupportContact.objects.active().filter(serving(region)).distinct():
            seen += contact.phone_list
        assert len(seen) == len(set(seen)), (region.code, sorted(seen))


def test_international_contacts_serve_everywhere(db):
    international = SupportContact.objects.filter(scope="international", active=True)
    assert international.count() >= 2
    for contact in international:
        assert not contact.regions.exists() and contact.country is None
        assert contact.website


def state_apps(name: str):
    return MigrationExecutor(connection).loader.project_state(("screening", name)).apps


CONTENT_MODELS = (Region, Section, Indicator, IndicatorVersion, Guidance, SupportContact)


def migrate_to(target: tuple[str, str] | None) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target] if target else executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.timeout(300)
def test_the_migrations_reverse_and_reapply_cleanly_and_keep_what_editors_added():
    # The real reverse, all the way back to before the default content, then forward again:
    # each migration's own functions, on its own frozen models, on the schema of its time.
    # It starts from whatever an earlier transactional test left, so it first makes its own
    # baseline by going back and forth once.
    migrate_to(("screening", "0002_groups"))
    migrate_to(None)
    baseline = {model: model.objects.count() for model in CONTENT_MODELS}
    assert baseline[Region] == 59 + 92 and baseline[SupportContact] > 40
    country = Country.objects.create(code="zz", name="Editor Land")
    Region.objects.create(code="editor-region", name="Editor Region", country=country)

    migrate_to(("screening", "0002_groups"))
    old = MigrationExecutor(connection).loader.project_state(("screening", "0002_groups")).apps
    assert list(old.get_model("screening", "Region").objects.values_list("code", flat=True)) == [
        "editor-region"
    ]
    for name in ("Section", "Indicator", "Guidance", "SupportContact"):
        assert old.get_model("screening", name).objects.count() == 0, name

    migrate_to(None)
    for model, count in baseline.items():
        assert model.objects.count() == count + (model is Region), model.__name__
    assert not Indicator.objects.filter(current_version__isnull=True).exists()
    assert Region.objects.get(code="editor-region").country.name == "Editor Land"


def forget_practice_signs() -> None:
    """Migration 0020 ran before practice cases (0096) named signs: as it would meet the data."""
    PracticeCase.signs.through.objects.all().delete()


def test_the_correction_reverses_to_the_shipped_english(db):
    forget_practice_signs()
    corrected_sources = dict(Indicator.objects.values_list("slug", "source"))

    CORRECTION.restore_english(state_apps("0020_correct_english_content"), None)

    for section_position, section_data in enumerate(MIGRATION.SECTIONS, start=1):
        section = Section.objects.get(slug=section_data["slug"])
        assert section.intro_en == section.intro == section_data["intro"]
        assert section.position == section_position
        assert section.source == section_data["source"]
        for position, data in enumerate(MIGRATION.INDICATORS[section.slug], start=1):
            indicator = Indicator.objects.get(slug=data["slug"])
            assert indicator.text_en == indicator.text == data["text"], data["slug"]
            assert indicator.help_en == data["help"], data["slug"]
            assert indicator.source == data["source"], data["slug"]
            assert indicator.position == position, data["slug"]
            assert indicator.current_version.text == data["text"]
            assert indicator.versions.count() == 1, data["slug"]
    for data in MIGRATION.GUIDANCE:
        guidance = Guidance.objects.get(slug=data["slug"])
        assert guidance.body_en == data["body"] and guidance.source == data["source"]
    assert not Indicator.objects.filter(slug__in=SPLIT_SIGNS).exists()

    CORRECTION.correct_english(state_apps("0020_correct_english_content"), None)

    assert dict(Indicator.objects.values_list("slug", "source")) == corrected_sources


def test_the_correction_leaves_an_editors_own_wording_alone(db):
    forget_practice_signs()
    apps = state_apps("0020_correct_english_content")
    CORRECTION.restore_english(apps, None)
    Section.objects.filter(slug="disclosure").update(
        intro="An editor's intro.", intro_en="An editor's intro."
    )

    CORRECTION.correct_english(apps, None)

    assert Section.objects.get(slug="disclosure").intro_en == "An editor's intro."
    vulnerability = Section.objects.get(slug="vulnerability").intro_en
    assert vulnerability == CORRECTION.SECTIONS["vulnerability"]["intro"]


def test_the_correction_is_recorded_in_each_rows_history(db):
    indicator = Indicator.objects.get(slug="exploit-sex-for-needs")
    latest = indicator.history.order_by("-history_date", "-history_id").first()
    assert latest.text_en == indicator.text_en
    assert latest.history_change_reason == CORRECTION.REASON
    assert (
        Indicator.objects.get(slug="hidden-out-at-night").history.filter(history_type="+").exists()
    )


def test_the_merged_signs_are_their_own_active_indicators(db):
    for slug, section in SPLIT_SIGNS.items():
        indicator = Indicator.objects.get(slug=slug)
        assert indicator.active and indicator.section.slug == section, slug
        assert indicator.text_en and indicator.help_en and indicator.source, slug
        assert indicator.current_version.text == indicator.text_en
    positions = Indicator.objects.filter(section__slug__in=set(SPLIT_SIGNS.values()))
    for section in set(SPLIT_SIGNS.values()):
        numbers = list(positions.filter(section__slug=section).values_list("position", flat=True))
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), section
    # The sign each was merged into no longer carries it.
    assert "night" not in Indicator.objects.get(slug="hidden-venue").help_en
    assert "drug" not in Indicator.objects.get(slug="disclose-health").help_en
    assert "school" not in Indicator.objects.get(slug="vuln-poverty-school").text_en


def test_no_text_makes_the_child_the_actor(db):
    from screening.models import StepText

    content = all_content_text()
    content += [
        (f"step {code}", f"{title} {body}")
        for code, title, body in StepText.objects.values_list("code", "title_en", "body_en")
    ]
    for label, value in content:
        lowered = value.lower()
        for phrase in CHILD_AS_ACTOR:
            assert phrase not in lowered, f"{phrase!r} in {label}"


def test_every_source_names_a_listed_source_or_says_it_is_the_apps_own_summary(db):
    rows = [
        *Section.objects.values_list("slug", "source"),
        *Indicator.objects.values_list("slug", "source"),
        *Guidance.objects.values_list("slug", "source"),
    ]
    for slug, source in rows:
        named = [marker for marker in LISTED_SOURCES if marker in source]
        assert named or OWN_SUMMARY in source.lower(), slug
        # A source the brief names is cited with its year and title, never by name alone.
        for name, citation in FULL_CITATIONS.items():
            if name in source:
                assert citation.search(source), f"{name} without year and title in {slug}"


def test_rafferty_is_cited_only_for_the_signs_her_abstract_names(db):
    citing = set(
        Indicator.objects.filter(source__contains="Rafferty").values_list("slug", flat=True)
    )
    assert citing <= RAFFERTY_SIGNS
    assert "hidden-lives-at-work" not in citing and "hidden-no-address" not in citing
    begging = Indicator.objects.get(slug="encounter-street-begging-theft").source
    assert "Rafferty" not in begging


def test_ecpat_2001_and_luxembourg_are_not_cited_for_claims_they_do_not_make(db):
    for slug in (
        "vuln-child-marriage",
        "vuln-street-runaway",
        "exploit-unexplained-money",
        "move-travel-paid",
    ):
        source = Indicator.objects.get(slug=slug).source
        assert "ECPAT International" not in source, slug
        assert OWN_SUMMARY in source.lower(), slug
    images = Guidance.objects.get(slug="images")
    assert "ECPAT International" not in images.source
    assert "is a crime" not in images.body_en
    assert OWN_SUMMARY in images.source.lower()


def test_each_section_intro_has_one_or_two_sentences(db):
    for section in Section.objects.all():
        sentences = SENTENCE_END.findall(section.intro_en.strip())
        assert 1 <= len(sentences) <= 2, section.slug


STEP_TITLE = importlib.import_module("screening.migrations.0072_step_title_treat_as_victim")


def test_the_custody_step_is_an_instruction_and_has_a_wording_without_prostitution(db):
    from screening.models import StepText

    named = StepText.objects.get(code="not-an-offender")
    any_offence = StepText.objects.get(code="not-an-offender-any")
    for step in (named, any_offence):
        assert step.title_en == "Treat the child as a victim, never as an offender"
        assert step.guidance.slug == "victim-not-offender"
    assert "prostitution" in named.body_en
    assert "prostitution" not in any_offence.body_en
    assert "how they were exploited or how they travelled" in any_offence.body_en


def test_the_step_title_migration_reverses_and_leaves_an_editors_title_alone(db):
    from screening.models import StepText, TranslationReview

    apps = state_apps("0072_step_title_treat_as_victim")
    STEP_TITLE.backward(apps, None)
    step = StepText.objects.get(code="not-an-offender")
    assert step.title_en == "The child is a victim, not an offender"
    assert not StepText.objects.filter(code="not-an-offender-any").exists()

    review = TranslationReview.objects.create(
        item=step,
        language="ne",
        status="reviewed",
        reviewer="A. Reviewer",
        reviewed_on=datetime.date(2026, 11, 20),
    )
    STEP_TITLE.forward(apps, None)
    step.refresh_from_db()
    assert step.title_en == step.title == "Treat the child as a victim, never as an offender"
    assert step.history.first().history_change_reason == STEP_TITLE.REASON
    review.refresh_from_db()
    assert (review.status, review.reviewer, review.reviewed_on) == ("needs_review", "", None)

    StepText.objects.filter(pk=step.pk).update(
        title="An editor's title", title_en="An editor's title"
    )
    STEP_TITLE.backward(apps, None)
    STEP_TITLE.forward(apps, None)
    assert StepText.objects.get(code="not-an-offender").title_en == "An editor's title"
    assert StepText.objects.filter(code="not-an-offender-any").count() == 1
