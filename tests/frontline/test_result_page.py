"""The moment of need: danger alone gives a result, the region's number comes first, the steps
fit the case and name contacts that are listed, editors own the step texts, leaving is quick."""

import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from screening.choices import ContactKind, ContactScope
from screening.content.checks import regions_have_the_contacts_steps_name
from screening.models import (
    AccountPreference,
    Guidance,
    Region,
    StepText,
    SupportContact,
    UsageRecord,
    serving,
)
from tests.conftest import choose_place, make_contact, make_region
from tests.frontline.test_checklist import field, start_checklist, submit

CHECKLIST = reverse("screening:checklist")
RESULT = reverse("screening:result")
LEAVE = reverse("screening:leave")


def result_html(client) -> str:
    response = client.get(RESULT)
    assert response.status_code == 200
    return response.content.decode()


def main(html: str) -> str:
    return html.split('<main id="main"', 1)[1]


# Danger first.


@pytest.mark.parametrize("danger", ["yes", "not_sure"])
def test_danger_alone_is_enough_for_a_result(worker_client, content, danger):
    response = submit(worker_client, immediate_danger=danger, region="north")
    assert response.status_code == 302
    assert response["Location"] == RESULT
    assert UsageRecord.objects.get().noted_count == 0
    html = main(result_html(worker_client))
    # The Call button is the very first thing in the content, with the number in its label.
    first = re.search(r"<(a|section)[^>]*>", html).group(0)
    assert 'class="danger-first' in first
    assert re.search(
        r'<a class="call-button" href="tel:100">Call <span class="phone-number" dir="ltr">100', html
    )
    assert html.index('href="tel:100"') < html.index("<h1>")


def test_danger_yes_and_not_sure_are_worded_apart(worker_client, content):
    submit(worker_client, immediate_danger="yes", region="north")
    sure = result_html(worker_client)
    assert "The child is in danger: call now" in sure
    assert "Do not confront anyone" in sure
    submit(worker_client, immediate_danger="not_sure", region="north")
    doubt = result_html(worker_client)
    assert "Not sure the child is safe? Call now" in doubt
    assert "danger-doubt" in doubt


def test_no_danger_shows_no_danger_block(worker_client, content):
    submit(worker_client, immediate_danger="no", **{field(content["indicators"]["venue"]): "yes"})
    assert "danger-first" not in result_html(worker_client)


def test_a_form_with_nothing_answered_is_refused_with_the_emergency_number(worker_client, content):
    response = submit(worker_client, region="north")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Answer at least one question" in html
    assert not UsageRecord.objects.exists()
    # The Call block under the danger question is shown at once on the refusal page.
    block = re.search(r'<div class="danger-call"[^>]*>', html).group(0)
    assert "hidden" not in block
    assert 'href="tel:100"' in html


def test_the_danger_question_hint_carries_the_number_as_a_link(worker_client, content):
    worker_client.get("/?region=north")
    html = worker_client.get(CHECKLIST).content.decode()
    hint = html.split('id="id_immediate_danger_0"')[0].rsplit("<legend>", 1)[1]
    # Left to right, so that a number with spaces or a + keeps its order in Urdu.
    assert '<a href="tel:100" dir="ltr">100</a>' in hint
    # The Call button block sits right after the question, hidden until JavaScript shows it.
    after = html.split("</fieldset>", 1)[1].lstrip()
    assert after.startswith('<div class="danger-call" id="danger-call" data-danger-call hidden>')
    assert "danger_call.js" in html


# The worker's region.


def test_the_region_is_remembered_on_the_account_across_sessions(worker, content):
    first = Client()
    first.force_login(worker)
    submit(first, immediate_danger="yes", region="north")
    assert AccountPreference.objects.get(user=worker).region == content["region"]
    later = Client()  # a new session, another day
    later.force_login(worker)
    html = later.get(CHECKLIST).content.decode()
    assert '<option value="north" selected>' in html
    assert 'href="tel:100"' in html


def test_choosing_a_region_on_the_start_page_keeps_the_language_preference(worker_client, content):
    AccountPreference.objects.create(
        user=worker_client.session and _user(worker_client), language="ne"
    )
    choose_place(worker_client, region="south")
    preference = AccountPreference.objects.get()
    assert preference.region == content["other_region"]
    assert preference.language == "ne"


def _user(client):
    from django.contrib.auth.models import User

    return User.objects.get(pk=client.session["_auth_user_id"])


def test_without_a_region_the_default_region_gives_one_countrys_emergency_number(
    worker_client, content, settings
):
    far = make_region("far", name="Far Province", country="Elsewhere")
    make_contact("Far Police 911", ContactKind.EMERGENCY, phones="911", regions=[far])
    make_contact(
        "North Police 101", ContactKind.EMERGENCY, phones="101", regions=[content["region"]]
    )
    settings.SCREENING_DEFAULT_REGION = "far"
    html = worker_client.get("/").content.decode()
    assert 'href="tel:911"' in html
    assert 'href="tel:101"' not in html
    submit(worker_client, immediate_danger="yes")
    result = main(result_html(worker_client))
    assert result.index('href="tel:911"') < result.index("<h1>")
    assert 'href="tel:101"' not in result
    assert "Far Province" in result


def test_without_a_region_or_default_only_contacts_that_serve_everywhere_are_shown(
    worker_client, content, settings
):
    settings.SCREENING_DEFAULT_REGION = ""
    make_contact(
        "North Police 101", ContactKind.EMERGENCY, phones="101", regions=[content["region"]]
    )
    make_contact(
        "South Police 102", ContactKind.EMERGENCY, phones="102", regions=[content["other_region"]]
    )
    html = worker_client.get("/").content.decode()
    assert 'href="tel:100"' in html  # serves everywhere
    assert 'href="tel:101"' not in html and 'href="tel:102"' not in html
    # Every country's emergency numbers are one tap away, signed in or not.
    assert 'href="/numbers/"' in html
    # A region's own contacts show on /contacts/ once it is chosen, one region at a time.
    contacts = worker_client.get("/contacts/?region=north").content.decode()
    assert 'href="tel:101"' in contacts and 'href="tel:102"' not in contacts
    contacts = worker_client.get("/contacts/?region=south").content.decode()
    assert 'href="tel:102"' in contacts and 'href="tel:101"' not in contacts


# Steps that fit the case, and the contacts they name.


def test_every_kind_a_shown_step_names_is_listed_or_said_missing(worker_client, content):
    submit(worker_client, immediate_danger="not_sure", region="north", setting="police")
    html = main(result_html(worker_client))
    # Custody: victim-not-offender first, naming child protection and legal aid; neither is
    # listed for North, so the step says so once and links to /contacts/.
    steps = re.findall(r'<li id="step-([a-z-]+)"', html)
    # No sign of sexual exploitation noted: the wording that does not name prostitution.
    assert steps[0] == "not-an-offender-any"
    offender = html.split('id="step-not-an-offender-any"', 1)[1].split("</li>", 1)[0]
    assert "Not listed for your region yet: Child protection authority, Legal aid." in offender
    assert 'href="/contacts/"' in offender
    assert html.count("Child protection authority, Legal aid.") == 1
    # Refer names child protection too, but the missing kind is said only once.
    refer = html.split('id="step-refer"', 1)[1].split("</li>", 1)[0]
    assert "Not listed" not in refer
    # The kinds that are listed appear in the contacts, region before national before
    # international: the helpline and the international hotline that refer names.
    contacts = html.split("Who to contact", 1)[1]
    assert contacts.index("Test Child Helpline") < contacts.index("Test International")


def test_a_contact_of_a_named_kind_for_the_region_is_listed_before_national_ones(
    worker_client, content
):
    make_contact(
        "North Child Protection Office",
        ContactKind.CHILD_PROTECTION,
        phones="+977 1 555 0303",
        scope=ContactScope.LOCAL,
        regions=[content["region"]],
    )
    make_contact("National Child Protection", ContactKind.CHILD_PROTECTION, phones="1234")
    submit(
        worker_client,
        immediate_danger="no",
        region="north",
        **{field(content["indicators"]["venue"]): "yes"},
    )
    html = result_html(worker_client).split("Who to contact", 1)[1]
    assert html.index("North Child Protection Office") < html.index("National Child Protection")
    assert html.index("National Child Protection") < html.index("Test International")


def test_counts_are_honest_and_plural(worker_client, content):
    ind = content["indicators"]
    submit(worker_client, **{field(ind["venue"]): "yes", field(ind["no-id"]): "not_sure"})
    assert "1 sign noted, 1 not sure." in result_html(worker_client)
    submit(
        worker_client,
        **{field(ind["venue"]): "yes", field(ind["address"]): "yes", field(ind["no-id"]): "no"},
    )
    html = result_html(worker_client)
    assert "2 signs noted." in html
    assert "questions" not in html
    submit(worker_client, **{field(ind["no-id"]): "not_sure"})
    html = result_html(worker_client)
    assert "0 signs noted, 1 not sure." in html
    assert "signs you noted raise concern" not in html


def test_guidance_a_step_links_to_is_not_listed_again(worker_client, content):
    linked = Guidance.objects.get(slug="refer")
    other = Guidance.objects.get(slug="not-a-diagnosis")
    submit(worker_client, **{field(content["indicators"]["venue"]): "yes"})
    html = result_html(worker_client)
    more = html.split("More guidance", 1)[1]
    step = html.split('id="step-refer"', 1)[1].split("</li>", 1)[0]
    assert f"#guidance-{linked.slug}" in step
    assert f"#guidance-{linked.slug}" not in more
    assert f"#guidance-{other.slug}" in more
    # General guidance is a link, not repeated in full.
    assert other.body_en.split("\n")[0] not in html


def test_a_sentence_shown_in_one_indicator_guidance_is_not_repeated(worker_client, content):
    ind = content["indicators"]
    shared = "See the guidance on victims."
    for key in ("venue", "no-id"):
        ind[key].guidance = f"Own advice for {key}. {shared}"
        ind[key].save()
    submit(worker_client, **{field(ind["venue"]): "yes", field(ind["no-id"]): "yes"})
    html = result_html(worker_client)
    assert html.count(shared) == 1
    assert "Own advice for venue." in html and "Own advice for no-id." in html


# Step texts are content.


def test_a_step_text_edited_in_the_admin_shows_on_the_next_result(editor_client, content):
    step = StepText.objects.get(code="refer")
    url = reverse("admin:screening_steptext_change", args=[step.pk])
    data = {"title_en": "Refer the child before you go home", "body_en": "Call them now."}
    for code in ("bn", "hi", "ne", "th", "ur"):
        data[f"title_{code}"] = ""
        data[f"body_{code}"] = ""
    data["guidance"] = step.guidance_id
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert step.history.count() == 2  # the shipped baseline and this edit
    submit(editor_client, **{field(content["indicators"]["venue"]): "yes"})
    html = result_html(editor_client)
    assert "Refer the child before you go home." in html
    assert "Call them now." in html


def test_editors_cannot_add_or_delete_step_texts(editor_client, db):
    step = StepText.objects.first()
    assert editor_client.get(reverse("admin:screening_steptext_add")).status_code == 403
    delete = reverse("admin:screening_steptext_delete", args=[step.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert StepText.objects.filter(pk=step.pk).exists()


@pytest.mark.parametrize(
    "slug,named",
    [("hidden-venue", True), ("exploit-sex-for-needs", True), ("age-no-document", False)],
)
def test_the_custody_step_names_prostitution_only_after_a_sign_of_sexual_exploitation(
    worker_client, content, slug, named
):
    from screening.models import Indicator

    noted = Indicator.objects.get(slug=slug)
    submit(worker_client, region="north", setting="police", **{field(noted): "not_sure"})
    html = main(result_html(worker_client))
    code = "not-an-offender" if named else "not-an-offender-any"
    assert html.count('id="step-not-an-offender') == 1
    step = html.split(f'id="step-{code}"', 1)[1].split("</li>", 1)[0]
    assert "<strong>Treat the child as a victim, never as an offender.</strong>" in step
    assert ("prostitution" in step) == named
    if not named:
        assert "any offence linked to how they were exploited or how they travelled" in step
    assert "<strong>The child is a victim, not an offender.</strong>" not in html


def test_every_step_the_rules_can_pick_ships_a_text(db):
    from screening.content.steps import STEP_CODES

    assert set(StepText.objects.values_list("code", flat=True)) == set(STEP_CODES)


# Contacts a region lacks.


def test_the_system_check_warns_about_regions_lacking_a_kind_the_steps_name(content):
    SupportContact.objects.exclude(pk__in=[c.pk for c in content["contacts"].values()]).update(
        active=False
    )
    Region.objects.exclude(pk__in=[content["region"].pk, content["other_region"].pk]).update(
        active=False
    )
    warnings = regions_have_the_contacts_steps_name(None, databases=["default"])
    by_region = {w.obj.code: w for w in warnings}
    assert set(by_region) == {"north", "south"}
    assert by_region["north"].id == "screening.W001"
    assert "child_protection" in by_region["north"].msg
    assert "csam_reporting" in by_region["north"].msg
    assert "shelter" not in by_region["north"].msg  # North Shelter serves it
    assert "shelter" not in by_region["south"].msg
    # Once every kind is there, the check is quiet for that region.
    for kind in ("child_protection", "legal_aid", "csam_reporting", "health"):
        make_contact(f"North {kind}", kind, regions=[content["region"]])
    warnings = regions_have_the_contacts_steps_name(None, databases=["default"])
    assert {w.obj.code for w in warnings} == {"south"}


def test_the_check_runs_with_manage_py_check_database(content, capsys):
    call_command("check", databases=["default"])
    assert "screening.W001" in capsys.readouterr().err


def test_the_admin_lists_regions_lacking_a_kind(editor_client, content):
    response = editor_client.get(reverse("admin:screening_supportcontact_changelist"))
    html = response.content.decode()
    assert "Some regions lack a kind of contact the next steps name" in html
    assert "North Province" in html


# Leaving quickly.


def test_leave_this_page_clears_the_answers_and_shows_a_neutral_page(worker_client, content):
    submit(worker_client, immediate_danger="yes", **{field(content["indicators"]["venue"]): "yes"})
    assert "Leave this page" in result_html(worker_client)
    response = worker_client.post(LEAVE)
    assert response.status_code == 302
    assert "checklist_result" not in worker_client.session
    assert "checklist_token" not in worker_client.session
    neutral = worker_client.get(response["Location"])
    html = neutral.content.decode()
    assert neutral.status_code == 200
    assert "Recognise" not in html and "checklist" not in html.lower()
    assert worker_client.get(RESULT)["Location"] == CHECKLIST


def test_the_checklist_has_a_leave_control_that_works_without_javascript(worker_client, content):
    html = worker_client.get(CHECKLIST).content.decode()
    form = re.search(r'<form method="post" action="([^"]+)" class="leave-form"', html)
    assert form and form.group(1) == LEAVE
    assert "leave.js" in html
    assert worker_client.get(LEAVE).status_code == 405


def test_print_is_hidden_until_javascript_shows_it(worker_client, content):
    from django.contrib.staticfiles import finders

    submit(worker_client, **{field(content["indicators"]["venue"]): "yes"})
    assert '<button type="button" class="button-secondary" id="print-button" hidden>' in (
        result_html(worker_client)
    )
    with open(finders.find("screening/site.css")) as stylesheet:
        css = stylesheet.read()
    assert re.search(r"\[hidden\]\s*{\s*display:\s*none\s*!important", css)


# The shipped contacts.


def test_shipped_contacts_include_punjab_and_retire_ecpat(db):
    punjab = Region.objects.get(code="pk-punjab")
    assert (punjab.name, punjab.country.name) == ("Punjab", "Pakistan")
    assert SupportContact.objects.active().filter(serving(punjab), kind="emergency").exists()
    ecpat = SupportContact.objects.get(name="ECPAT International")
    assert not ecpat.active
    assert (
        not SupportContact.objects.active()
        .filter(kind="anti_trafficking", scope="international")
        .exists()
    )


def test_researched_contacts_cite_their_source_and_nobody_has_called_them(db):
    researched = SupportContact.objects.exclude(source="")
    assert researched.count() >= 40
    for contact in researched:
        assert re.search(r"https?://", contact.source), contact.name
        assert contact.editor_notes, contact.name
        assert contact.verification != "called", contact.name
    assert SupportContact.objects.active().filter(kind="csam_reporting").exists()


def test_a_repeated_submit_still_saves_nothing_twice(worker_client, content):
    data = {"token": start_checklist(worker_client), "immediate_danger": "yes"}
    worker_client.post(CHECKLIST, data)
    worker_client.post(CHECKLIST, data)
    assert UsageRecord.objects.count() == 1


# Kept nowhere but the server's page cache, and there for 10 minutes only.


def test_the_result_is_never_stored_by_a_browser_or_proxy(worker_client, content):
    submit(worker_client, immediate_danger="yes", region="north")
    for _ in range(2):  # rendered, then from the page cache
        response = worker_client.get(RESULT)
        assert response.status_code == 200
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"no-store", "no-cache", "must-revalidate", "private", "max-age=0"} <= directives
        assert "Expires" in response


def test_a_rendered_result_is_kept_10_minutes_not_a_day(worker_client, content, monkeypatch):
    import datetime

    import time_machine
    from django.utils import timezone

    import screening.frontline.views

    renders = []
    real = screening.frontline.views.result_context

    def counted(**kwargs):
        renders.append(1)
        return real(**kwargs)

    monkeypatch.setattr(screening.frontline.views, "result_context", counted)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        submit(worker_client, immediate_danger="yes", region="north")
        worker_client.get(RESULT)
        assert len(renders) == 1
        clock.move_to(start + datetime.timedelta(minutes=9))
        worker_client.get(RESULT)
        assert len(renders) == 1, "kept for 10 minutes"
        clock.move_to(start + datetime.timedelta(minutes=11))
        assert worker_client.get(RESULT).status_code == 200
        assert len(renders) == 2, "gone after 10 minutes"


# The danger Call button.


def test_the_danger_call_button_offers_the_regions_own_emergency_number(worker_client, content):
    # Named to sort after the national "Test Police 100": the region's comes first on merit.
    make_contact(
        "Zeta North Police Desk",
        ContactKind.EMERGENCY,
        phones="+977 1 4000 100",
        scope=ContactScope.LOCAL,
        regions=[content["region"]],
    )
    submit(worker_client, immediate_danger="yes", region="north")
    html = main(result_html(worker_client))
    danger = html.split('class="danger-first', 1)[1]
    button = re.search(r'<a class="call-button" href="tel:([^"]+)"', danger).group(1)
    assert button == "+97714000100"
    # A region without a number of its own gets the national one.
    submit(worker_client, immediate_danger="yes", region="south")
    danger = main(result_html(worker_client)).split('class="danger-first', 1)[1]
    assert re.search(r'<a class="call-button" href="tel:([^"]+)"', danger).group(1) == "100"


# The translation note.


def test_the_result_notes_an_unchecked_translation_of_a_noted_sign(worker_client, content):
    from tests.content.test_translation_reviews import mark_reviewed

    note = "यो अनुवाद नेपाली मातृभाषीले अझै जाँचेका छैनन्।"
    venue = content["indicators"]["venue"]
    venue.text_ne = "परीक्षण ठाउँमा भेटिएको"
    venue.save()
    worker_client.cookies["django_language"] = "ne"
    submit(worker_client, immediate_danger="no", region="north", **{field(venue): "yes"})
    html = result_html(worker_client)
    assert "परीक्षण ठाउँमा भेटिएको" in html
    assert html.count(note) == 1
    mark_reviewed(venue, "ne")
    assert note not in result_html(worker_client)
