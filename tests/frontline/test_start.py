"""The start page and the contacts every worker page shows: emergency first, examples marked."""

import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.choices import ContactKind, ContactScope
from screening.models import SupportContact
from tests.conftest import make_contact, make_user, sign_in
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
    # (A worker who has chosen nothing: this one chose North above, so another signs in.)
    settings.SCREENING_DEFAULT_REGION = "south"
    newcomer = Client()
    sign_in(newcomer, make_user("newcomer", "Frontline workers"))
    main = newcomer.get(START).content.decode()
    main = main[main.index("<main") :]
    hint = main.index("Choose your region below if you are elsewhere.")
    assert main.index('href="tel:+97714000200"') < hint < main.index('class="region-form"')
    assert "region above" not in main
    # With no place at all there is nothing of the region's to call: the country comes first,
    # then what serves everyone, then every country's numbers one tap away.
    settings.SCREENING_DEFAULT_REGION = ""
    main = newcomer.get(START).content.decode()
    main = main[main.index("<main") :]
    assert main.index('class="place-choice"') < main.index('href="tel:')
    assert main.index('class="place-choice"') < main.index('href="/numbers/"')


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


def test_how_a_number_was_checked_shows_beside_it_and_never_example(worker_client, editor, content):
    helpline = content["contacts"]["helpline"]  # shipped unchecked
    ind = content["indicators"]
    submit(worker_client, immediate_danger="yes", region="north", **{field(ind["venue"]): "yes"})
    pages = [START, reverse("screening:contacts"), reverse("screening:result")]
    helpline.kind = ContactKind.EMERGENCY  # so that the start page and the Call button list it
    helpline.save()

    def shown(url: str) -> list[str]:
        """The helpline as each page shows it: its row, or the Call button and the line after."""
        html = worker_client.get(url).content.decode()
        found = re.findall(
            rf'<li class="contact(?:-row)?" id="contact-{helpline.pk}">.*?</li>', html, re.S
        )
        found += [
            block
            for block in re.findall(
                r'<a class="call-button".*?</a>\s*<p class="call-checked">.*?</p>', html, re.S
            )
            if helpline.name in block
        ]
        assert found, url
        return found

    for url in pages:
        for block in shown(url):
            assert "not checked by phone" in block, url
            assert "xample" not in block, url
        # Never inside a Call button: the note stands beside it.
        html = worker_client.get(url).content.decode()
        for button in re.findall(r'<a class="call-button".*?</a>', html, re.S):
            assert "checked" not in button and "xample" not in button, url

    editor_browser = Client()
    sign_in(editor_browser, editor)
    editor_browser.post(
        reverse("admin:screening_supportcontact_changelist"),
        {"action": "mark_verified_today", "_selected_action": [helpline.pk]},
    )
    today = timezone.localdate()
    for url in pages:
        for block in shown(url):
            assert f"checked by phone {today:%-d %B %Y}" in block, url
            assert "not checked by phone" not in block, url


def test_the_default_regions_name_is_isolated_in_the_sentence_that_shows_it(
    worker_client, content, settings
):
    # A name in another script or direction keeps its own order inside the translated sentence.
    settings.SCREENING_DEFAULT_REGION = "south"
    main = worker_client.get(START, {"region": ""}).content.decode()
    name = content["other_region"].name
    assert f"Showing <bdi>{name}</bdi>." in main
