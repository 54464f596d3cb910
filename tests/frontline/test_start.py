"""The start page and the contacts every worker page shows: emergency first, examples marked."""

import re

from django.test import Client
from django.urls import reverse

from screening.choices import ContactKind, ContactScope
from screening.models import SupportContact
from tests.conftest import make_contact, sign_in
from tests.frontline.test_checklist import field, submit

START = reverse("screening:start")


def tel_links(html: str) -> list[str]:
    return re.findall(r'href="tel:([^"]+)"', html)


def emergency_contacts(content) -> dict:
    """An emergency number for each region, beside the national one the content set has."""
    return {
        "north": make_contact(
            "North Police Desk",
            ContactKind.EMERGENCY,
            phones="+977 1 4000 100",
            scope=ContactScope.LOCAL,
            regions=[content["region"]],
        ),
        "south": make_contact(
            "South Police Desk",
            ContactKind.EMERGENCY,
            phones="+977 1 4000 200",
            scope=ContactScope.LOCAL,
            regions=[content["other_region"]],
        ),
    }


def test_start_page_shows_the_chosen_regions_emergency_contacts_only_and_first(
    worker_client, content
):
    emergency_contacts(content)
    html = worker_client.get(START, {"region": "north"}).content.decode()
    main = html[html.index("<main") :]
    # North's own emergency number and the national one; no other region's, no other kind.
    assert sorted(tel_links(main)) == ["+97714000100", "100"]
    assert "South Police Desk" not in main
    assert "North Shelter" not in main
    # Before anything else on the page: the call panel comes before what the tool is.
    assert main.index('href="tel:') < main.index("What this tool is")
    assert main.index("North Police Desk") < main.index("What this tool is")

    html = worker_client.get(START, {"region": "south"}).content.decode()
    assert sorted(tel_links(html[html.index("<main") :])) == ["+97714000200", "100"]


def test_start_page_puts_the_number_before_the_region_form_when_it_has_a_region(
    worker_client, content, settings
):
    emergency_contacts(content)
    main = worker_client.get(START, {"region": "north"}).content.decode()
    main = main[main.index("<main") :]
    assert main.index('href="tel:') < main.index('class="region-form"')
    # Shown for the deployment's default region: the number first, then the sentence that
    # points down to the form, then the form.
    settings.SCREENING_DEFAULT_REGION = "south"
    main = worker_client.get(START, {"region": ""}).content.decode()
    main = main[main.index("<main") :]
    hint = main.index("Choose your region below if you are elsewhere.")
    assert main.index('href="tel:+97714000200"') < hint < main.index('class="region-form"')
    assert "region above" not in main
    # With no region at all there is nothing of the region's to call: choosing one comes first.
    settings.SCREENING_DEFAULT_REGION = ""
    main = worker_client.get(START, {"region": ""}).content.decode()
    main = main[main.index("<main") :]
    assert main.index('class="region-form"') < main.index('href="tel:')
    assert main.index('class="region-form"') < main.index('href="/contacts/"')


def test_result_lists_emergency_contacts_first_when_danger_flagged(worker_client, content):
    contacts = emergency_contacts(content)
    ind = content["indicators"]
    submit(worker_client, immediate_danger="yes", region="north", **{field(ind["venue"]): "yes"})
    html = worker_client.get(reverse("screening:result")).content.decode()
    first = tel_links(html)[0]
    north_emergency = {
        re.sub(r"[^\d+]", "", phone)
        for contact in SupportContact.objects.for_region(content["region"]).filter(
            kind=ContactKind.EMERGENCY
        )
        for phone in contact.phone_list
    }
    assert north_emergency == {"+97714000100", "100"}
    assert first in north_emergency
    # On the first screen: the number to call comes before the next steps.
    assert html.index('href="tel:') < html.index('id="step-')
    assert "+97714000200" not in tel_links(html), contacts["south"]


def test_the_example_mark_leaves_every_worker_page_once_an_editor_records_a_verification(
    worker_client, editor, content
):
    helpline = content["contacts"]["helpline"]  # shipped as an example, never verified
    ind = content["indicators"]
    submit(worker_client, immediate_danger="yes", region="north", **{field(ind["venue"]): "yes"})
    pages = [START, reverse("screening:contacts"), reverse("screening:result")]
    # Lists say "Example: check before use"; the danger call button says "example: check".
    mark = "example: check"
    helpline.kind = ContactKind.EMERGENCY  # so that the start page lists it too
    helpline.save()

    def shown(url: str) -> list[str]:
        """The helpline as each page shows it (a page may list it twice, or other examples)."""
        html = worker_client.get(url).content.decode()
        found = re.findall(
            rf'<li class="contact(?:-row)?" id="contact-{helpline.pk}">.*?</li>', html, re.S
        )
        found += [
            button
            for button in re.findall(r'<a class="call-button".*?</a>', html, re.S)
            if helpline.name in button
        ]
        assert found, url
        return [block.lower() for block in found]

    for url in pages:
        assert all(mark in block for block in shown(url)), url

    editor_browser = Client()
    sign_in(editor_browser, editor)
    editor_browser.post(
        reverse("admin:screening_supportcontact_changelist"),
        {"action": "mark_verified_today", "_selected_action": [helpline.pk]},
    )
    helpline.refresh_from_db()
    assert helpline.last_verified is not None
    assert helpline.is_example  # the data still says where it came from
    for url in pages:
        for block in shown(url):
            assert mark not in block, url
            assert "came with the app as an example" not in block, url


def test_the_default_regions_name_is_isolated_in_the_sentence_that_shows_it(
    worker_client, content, settings
):
    # A name in another script or direction keeps its own order inside the translated sentence.
    settings.SCREENING_DEFAULT_REGION = "south"
    main = worker_client.get(START, {"region": ""}).content.decode()
    name = str(content["other_region"])
    assert f"Showing <bdi>{name}</bdi>." in main
