"""Shared fixtures: one user per role and small make_* helpers for content and records."""

import datetime
import os
import secrets

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.accounts import roles
from screening.choices import ContactKind, ContactScope
from screening.frontline.recording import record_usage
from screening.models import (
    Country,
    Guidance,
    Indicator,
    Region,
    Section,
    SupportContact,
    UsageRecord,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "a-long-test-password-42"


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        metavar="YYYY-MM-DD",
        help="Run the whole session as if today were this day (time-machine; the clock ticks on).",
    )


def pytest_configure(config):
    day = config.getoption("--clock")
    if day:
        start = datetime.datetime.fromisoformat(day).replace(hour=9, tzinfo=datetime.UTC)
        traveller = time_machine.travel(start, tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request in another language leaves it active in the thread; start every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test rolls the content version back, so cached renderings must go with it."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def password() -> str:
    return PASSWORD


def make_user(username: str, *groups: str, **extra) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, **extra)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def worker(db) -> User:
    return make_user("worker1", roles.FRONTLINE)


@pytest.fixture
def supervisor(db) -> User:
    return make_user("supervisor1", roles.SUPERVISORS)


@pytest.fixture
def editor(db) -> User:
    return make_user("editor1", roles.EDITORS, is_staff=True)


def pass_second_factor(client, user: User) -> None:
    """The second sign-in step as a person takes it: a code from their authenticator app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
    response = client.post(reverse("two_factor:verify"), {"code": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302, response.content.decode()
    assert client.session.get("otp_device_id"), "the second factor was not accepted"


def sign_in(client, user: User) -> None:
    """Sign in (the password step is skipped); staff then pass their second factor."""
    client.force_login(user)
    if user.is_staff or user.is_superuser or user.has_perm("screening.view_dashboard"):
        pass_second_factor(client, user)


@pytest.fixture
def worker_client(client, worker):
    sign_in(client, worker)
    return client


@pytest.fixture
def supervisor_client(client, supervisor):
    sign_in(client, supervisor)
    return client


@pytest.fixture
def editor_client(client, editor):
    sign_in(client, editor)
    return client


def make_country(code: str = "tl", name: str = "Testland", **fields) -> Country:
    country, _created = Country.objects.get_or_create(code=code, defaults={"name": name, **fields})
    return country


def make_region(code: str = "test-region", **fields) -> Region:
    """A region; its country may be given by name (made on the fly) or as a Country."""
    fields.setdefault("name", code.replace("-", " ").title())
    country = fields.pop("country", "Testland")
    if isinstance(country, str):
        country = make_country(slugify(country)[:10] or "tl", country)
    return Region.objects.create(code=code, country=country, **fields)


def make_section(slug: str = "test-section", **fields) -> Section:
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    fields.setdefault("intro", "Why this is hard to see.")
    fields.setdefault("source", "Test source (2026).")
    return Section.objects.create(slug=slug, **fields)


def make_indicator(section: Section, slug: str, **fields) -> Indicator:
    fields.setdefault("text", f"Indicator {slug}")
    fields.setdefault("help", f"What {slug} can look like.")
    fields.setdefault("source", "Test source (2026).")
    return Indicator.objects.create(section=section, slug=slug, **fields)


def make_contact(name: str, kind: str = ContactKind.CHILD_HELPLINE, **fields) -> SupportContact:
    regions = fields.pop("regions", [])
    fields.setdefault("phones", "1098")
    fields.setdefault("scope", ContactScope.NATIONAL)
    contact = SupportContact.objects.create(name=name, kind=kind, **fields)
    contact.regions.set(regions)
    return contact


def make_guidance(slug: str, **fields) -> Guidance:
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    fields.setdefault("body", f"Guidance about {slug}.")
    fields.setdefault("source", "Test source (2026).")
    return Guidance.objects.create(slug=slug, **fields)


def make_record(
    *,
    day: datetime.date | None = None,
    region: Region | None = None,
    setting: str = "",
    age_band: str = "",
    immediate_danger: bool = False,
    answers: dict | None = None,
    contact_kinds: tuple[str, ...] = (),
) -> UsageRecord:
    """Save a usage record through the production writer; answers maps an Indicator to an answer."""
    answers = answers or {}
    saved = record_usage(
        token=secrets.token_urlsafe(24),
        answers={indicator.current_version_id: answer for indicator, answer in answers.items()},
        region_id=region.pk if region else None,
        setting=setting,
        age_band=age_band,
        immediate_danger=immediate_danger,
        contact_kinds=list(contact_kinds),
        today=day or datetime.date(2026, 11, 2),
    )
    assert saved, "a fresh token is never spent"
    return UsageRecord.objects.latest("pk")


@pytest.fixture
def content(db) -> dict:
    """A small, known content set that does not depend on the shipped default content."""
    region = make_region("north", name="North Province", country="Testland")
    other = make_region("south", name="South Province", country="Testland")
    hidden = make_section("hidden-test", title="Hidden test section", position=100)
    age = make_section("age-test", title="Age test section", position=101)
    indicators = {
        "venue": make_indicator(
            hidden,
            "venue-test",
            text="Met at a test venue",
            position=1,
            guidance="Guidance when venue is noted.",
        ),
        "address": make_indicator(
            hidden, "address-test", text="Does not know the address", position=2
        ),
        "no-id": make_indicator(
            age,
            "no-id-test",
            text="Has no identity document",
            position=1,
            guidance="Treat as a child until age is verified.",
        ),
    }
    contacts = {
        "emergency": make_contact("Test Police 100", ContactKind.EMERGENCY, phones="100"),
        "local": make_contact(
            "North Shelter",
            ContactKind.SHELTER,
            phones="+977 1 555 0101",
            scope=ContactScope.LOCAL,
            regions=[region],
        ),
        "south": make_contact(
            "South Shelter",
            ContactKind.SHELTER,
            phones="+977 1 555 0202",
            scope=ContactScope.LOCAL,
            regions=[other],
        ),
        "helpline": make_contact("Test Child Helpline", ContactKind.CHILD_HELPLINE, phones="1098"),
        "international": make_contact(
            "Test International",
            ContactKind.ANTI_TRAFFICKING,
            phones="+1 555 0100",
            scope=ContactScope.INTERNATIONAL,
        ),
    }
    return {
        "region": region,
        "other_region": other,
        "sections": [hidden, age],
        "indicators": indicators,
        "contacts": contacts,
    }


def count_usage() -> None:
    """What the nightly job (manage.py summarise_usage) does: count the ended quarters."""
    from django.utils import timezone

    from screening.dashboard import stats

    stats.summarise_ended_quarters(today=timezone.localdate())


def choose_place(client, *, region: str | None = None, country: str | None = None, back="/"):
    """Choose the worker's place as the page's form does: a POST, then back to the page."""
    data = {"next": back}
    if region is not None:
        data["region"] = region
    if country is not None:
        data["country"] = country
    response = client.post(reverse("screening:choose_place"), data)
    assert response.status_code == 302, response
    return response
