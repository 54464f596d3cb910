"""Never a page without a number: the worker's place (region, else country, else the
deployment's default, else a question), on the shipped countries, regions and numbers."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from screening.models import AccountPreference, Region
from tests.conftest import choose_place, make_user, sign_in
from tests.frontline.test_checklist import submit

START = reverse("screening:start")
CHECKLIST = reverse("screening:checklist")
RESULT = reverse("screening:result")
CONTACTS = reverse("screening:contacts")
NUMBERS = reverse("screening:numbers")
COUNTRIES = ("np", "bd", "in", "pk", "th")


def main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") :]


def tel_links(html: str) -> list[str]:
    return re.findall(r'href="tel:([^"]+)"', html)


def asks_for_the_country(html: str) -> bool:
    return "Which country are you in?" in html and all(
        f'name="country" value="{code}"' in html for code in COUNTRIES
    )


def test_a_brand_new_worker_is_asked_for_the_country_first(worker_client):
    for url in (START, CHECKLIST):
        html = main(worker_client.get(url))
        assert asks_for_the_country(html), url
        assert "No emergency number is listed" not in html, url
        # The question comes before anything else the worker could act on.
        assert (
            html.index("Which country are you in?") < html.index("What this tool is")
            if (url == START)
            else html.index("Which country are you in?") < html.index('name="immediate_danger"')
        )


@pytest.mark.parametrize(
    ("country", "first"),
    # India without a state: 100, which works in every state (112 is not yet in West Bengal).
    [("np", "100"), ("bd", "999"), ("in", "100"), ("pk", "15"), ("th", "191")],
)
def test_choosing_a_country_shows_its_numbers_at_once_and_keeps_it(worker_client, country, first):
    choose_place(worker_client, country=country)
    html = main(worker_client.get(START))
    assert tel_links(html)[0] == first
    assert not asks_for_the_country(html)
    # Kept for the session: the next page knows it without asking.
    html = main(worker_client.get(CHECKLIST))
    assert not asks_for_the_country(html)
    assert f'href="tel:{first}"' in html


def test_the_checklist_hint_and_call_button_carry_the_country_number(worker_client):
    choose_place(worker_client, country="bd")
    html = main(worker_client.get(CHECKLIST))
    hint = re.search(r"<span data-danger-numbers>(.*?)</span>", html).group(1)
    assert tel_links(hint) == ["999"]


def test_each_region_has_its_own_call_button_for_the_hint_to_follow(worker_client):
    html = main(worker_client.get(CHECKLIST, {"country": "in"}))
    buttons = dict(
        re.findall(r'<template data-region-call="([^"]+)">.*?href="tel:([^"]+)"', html, re.S)
    )
    assert buttons["in-west-bengal"] == "100"
    assert buttons["in-maharashtra"] == "112"
    assert buttons["pk-sindh"] == "15"
    assert set(buttons) == set(Region.objects.active().values_list("code", flat=True))


def test_a_region_from_another_country_is_dropped_when_the_country_changes(worker_client):
    choose_place(worker_client, region="pk-punjab")
    choose_place(worker_client, country="th")
    html = main(worker_client.get(START))
    assert tel_links(html)[0] == "191"
    assert "1122" not in tel_links(html)
    assert AccountPreference.objects.get(user__username="worker1").region is None


def test_the_accounts_region_comes_before_asking(client, db):
    worker = make_user("walker", "Frontline workers")
    AccountPreference.objects.create(user=worker, region=Region.objects.get(code="np-karnali"))
    sign_in(client, worker)
    html = main(client.get(START))
    assert not asks_for_the_country(html)
    assert tel_links(html)[0] == "100"
    assert "Karnali Province" in html


def test_the_deployments_default_region_comes_before_asking(worker_client, settings):
    settings.SCREENING_DEFAULT_REGION = "bd-sylhet"
    html = main(worker_client.get(START))
    assert tel_links(html)[0] == "999"
    assert "Showing <bdi>Sylhet Division</bdi>" in html


def test_a_danger_only_result_without_a_place_offers_the_choice_in_place(worker_client):
    response = submit(worker_client, immediate_danger="yes")
    assert response.status_code == 302
    html = main(worker_client.get(RESULT))
    assert asks_for_the_country(html)
    assert html.index("Which country are you in?") < html.index("What to do next")
    # Choosing on the result keeps the result and gives the country's number first.
    choose_place(worker_client, country="pk", back=RESULT)
    html = main(worker_client.get(RESULT))
    assert "What to do next" in html
    assert tel_links(html)[0] == "15"
    assert html.index('href="tel:15"') < html.index("What to do next")
    # And stays chosen on the next view of the same result.
    assert tel_links(main(worker_client.get(RESULT)))[0] == "15"


def test_a_result_sent_from_a_region_keeps_its_number(worker_client):
    choose_place(worker_client, region="in-west-bengal")
    submit(worker_client, immediate_danger="yes", region="in-west-bengal")
    html = main(worker_client.get(RESULT))
    assert tel_links(html)[0] == "100"


def test_every_countrys_emergency_numbers_are_open_without_signing_in(db):
    client = Client()
    start = main(client.get(START))
    assert f'href="{NUMBERS}"' in start
    response = client.get(NUMBERS)
    assert response.status_code == 200
    html = main(response)
    for number in ("100", "999", "112", "15", "191", "1098", "1387"):
        assert f'href="tel:{number}"' in html, number
    for name in ("Nepal", "Bangladesh", "India", "Pakistan", "Thailand"):
        assert f"<bdi>{name}</bdi>" in html


def test_contacts_are_grouped_by_country_with_the_workers_own_first(worker_client):
    html = main(worker_client.get(CONTACTS, {"region": "bd-dhaka"}))
    headings = re.findall(r'<h2 id="group-\d+">(.*?)</h2>', html)
    assert headings[0] == "<bdi>Dhaka Division</bdi>, <bdi>Bangladesh</bdi>"
    assert headings[1:] == [
        "<bdi>Nepal</bdi>",
        "<bdi>India</bdi>",
        "<bdi>Pakistan</bdi>",
        "<bdi>Thailand</bdi>",
        "<bdi>Cambodia</bdi>",
        "<bdi>Lao PDR</bdi>",
        "<bdi>Myanmar</bdi>",
        "<bdi>Vietnam</bdi>",
        # Last, what serves everyone: online reporting, once, not in every region's list.
        "Anywhere: online reporting",
    ]
    own = html[: html.index('<h2 id="group-2">')]
    assert tel_links(own)[0] == "999"
    assert "16699" in tel_links(own)
    # Other countries: their emergency numbers and child helplines only.
    nepal = html[html.index('<h2 id="group-2">') : html.index('<h2 id="group-3">')]
    assert sorted(tel_links(nepal)) == ["100", "1098"]


def test_no_worker_page_says_example_or_shows_a_research_note(worker_client):
    for url, params in ((START, {"country": "in"}), (CONTACTS, {}), (NUMBERS, {})):
        html = main(worker_client.get(url, params))
        assert "xample" not in html, url
        assert "confidence" not in html, url
        assert "not checked by phone" in html, url
    html = main(worker_client.get(CONTACTS, {"region": "in-west-bengal"}))
    # The source is one tap away, folded; WhatsApp is not offered as a call.
    assert "Where this number comes from" in html
    assert 'href="tel:9836300300"' not in html
    assert "WhatsApp: 9836300300" in html
