"""Cambodia, Lao PDR, Myanmar and Vietnam (migration 0092): every division, sourced numbers,
the right numbers for a place, and a clean reverse."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from screening.frontline.result import emergency_contacts
from screening.models import (
    AccountPreference,
    ContactReport,
    Country,
    Region,
    SupportContact,
    UsageRecord,
    serving,
)
from tests.conftest import make_user

MEKONG = importlib.import_module("screening.migrations.0092_mekong_countries")
NAME = ("screening", "0092_mekong_countries")
BEFORE = ("screening", "0091_mekong_languages")

DIVISIONS = {"kh": 25, "la": 18, "mm": 15, "vn": 34}
NAMES = {"kh": "Cambodia", "la": "Lao PDR", "mm": "Myanmar", "vn": "Vietnam"}
ADDED = [data["name"] for data in MEKONG.CONTACTS]


def frozen_apps():
    return MigrationExecutor(connection).loader.project_state(NAME).apps


def reverse_and_forward(apps):
    editor = SimpleNamespace(connection=connection)
    MEKONG.backward(apps, editor)
    return lambda: MEKONG.forward(apps, editor)


def numbers(region: Region, kind: str | None = None) -> set[str]:
    contacts = SupportContact.objects.active().filter(serving(region)).distinct()
    if kind:
        contacts = contacts.filter(kind=kind)
    return {phone for contact in contacts for phone in contact.phone_list}


def test_the_four_countries_come_with_every_first_level_division(db):
    for code, count in DIVISIONS.items():
        country = Country.objects.get(code=code)
        assert country.name_en == country.name == NAMES[code]
        assert country.active
        regions = Region.objects.filter(country=country)
        assert regions.count() == count, code
        assert regions.filter(active=True, offered_to_workers=True).count() == count, code
        for region in regions:
            assert region.code.startswith(f"{code}-"), region.code
            assert region.name_en == region.name
            assert region.name_km is None and region.name_th is None  # from the files, later
    assert sum(len(regions) for regions in MEKONG.REGIONS.values()) == 92


def test_vietnam_has_its_34_units_since_1_july_2025_not_the_63_before(db):
    names = set(Region.objects.filter(country__code="vn").values_list("name_en", flat=True))
    cities = {"Hanoi", "Hue", "Hai Phong", "Da Nang", "Ho Chi Minh City", "Can Tho"}
    assert cities <= names
    # Merged away by Resolution 202/2025/QH15: none of them is a division any more.
    for gone in ("Ha Giang", "Binh Duong", "Ba Ria-Vung Tau", "Quang Nam", "Kon Tum", "Long An"):
        assert gone not in names


def test_myanmar_has_its_regions_states_and_union_territory(db):
    names = list(Region.objects.filter(country__code="mm").values_list("name_en", flat=True))
    assert sum(name.endswith(" Region") for name in names) == 7
    assert sum(name.endswith(" State") for name in names) == 7
    assert "Nay Pyi Taw Union Territory" in names


def test_every_new_contact_has_a_number_a_source_and_no_claim_of_a_phone_check(db):
    contacts = list(SupportContact.objects.filter(name_en__in=ADDED))
    assert len(contacts) == len(ADDED) == 13
    for contact in contacts:
        assert contact.phone_list, contact.name
        assert "https://" in contact.source or "http://" in contact.source, contact.name
        # Nobody has called these numbers: never "checked by phone".
        assert contact.verification in ("official", "not_checked"), contact.name
        assert contact.verification != "called"
        if contact.verification == "official":
            # Only a number from the service's own website, on the day it was read.
            assert contact.website and contact.website.split("//")[1] in contact.source
            assert contact.last_verified == MEKONG.REVIEW
            assert contact.recheck_due > contact.last_verified
        else:
            assert contact.last_verified is None
        assert contact.country.code in DIVISIONS
        assert contact.editor_notes.endswith("(Research pass of 2026-12-07.)")
        contact.full_clean()


def test_each_country_has_an_emergency_number_and_a_child_helpline_for_all_of_it(db):
    for code in DIVISIONS:
        national = SupportContact.objects.active().filter(country__code=code, regions__isnull=True)
        assert national.filter(kind="emergency").exclude(phones="").exists(), code
        assert national.filter(kind="child_helpline").exclude(phones="").exists(), code
        for region in Region.objects.filter(country__code=code):
            assert numbers(region, "emergency"), region.code
            assert numbers(region, "child_helpline"), region.code


def test_a_worker_in_a_cambodian_province_gets_cambodias_numbers_not_thailands(db):
    siem_reap = Region.objects.get(code="kh-siem-reap")
    found = numbers(siem_reap)
    assert {"117", "119", "1280"} <= found
    assert not found & {"191", "1669", "1387", "1300", "1155"}
    assert emergency_contacts(siem_reap)[0].phone_list == ["117"]
    bangkok = numbers(Region.objects.get(code="th-bangkok"))
    assert "191" in bangkok and not bangkok & {"117", "119", "1280"}


def test_each_country_gets_its_own_police_number_first(db):
    for code, police in (("la-luang-prabang", "1191"), ("mm-shan", "199"), ("vn-hanoi", "113")):
        region = Region.objects.get(code=code)
        assert emergency_contacts(region)[0].phone_list == [police], code
    for code, country in (("kh", "117"), ("vn", "113")):
        first = emergency_contacts(None, country=Country.objects.get(code=code))[0]
        assert first.phone_list == [country]


def test_numbers_that_serve_only_part_of_a_country_are_listed_only_there(db):
    # 1195: Vientiane Capital's ambulance centre (2023); 192: Nay Pyi Taw, Yangon, Mandalay.
    assert "1195" in numbers(Region.objects.get(code="la-vientiane-capital"))
    assert "1195" not in numbers(Region.objects.get(code="la-luang-prabang"))
    for code in ("mm-naypyidaw", "mm-yangon", "mm-mandalay"):
        assert "192" in numbers(Region.objects.get(code=code)), code
    assert "192" not in numbers(Region.objects.get(code="mm-shan"))
    laos = emergency_contacts(None, country=Country.objects.get(code="la"))
    assert "1195" not in {phone for contact in laos for phone in contact.phone_list}


def test_no_number_is_listed_twice_in_a_new_region(db):
    for region in Region.objects.filter(country__code__in=DIVISIONS):
        seen = []
        for contact in SupportContact.objects.active().filter(serving(region)).distinct():
            seen += contact.phone_list
        assert len(seen) == len(set(seen)), region.code


def test_every_added_row_has_a_history_entry_with_the_migrations_reason(db):
    for contact in SupportContact.objects.filter(name_en__in=ADDED):
        assert contact.history.filter(history_change_reason=MEKONG.REASON).count() == 1
    entry = SupportContact.objects.get(name_en="Ambulance 192 (Myanmar)").history.first()
    assert {r.region.code for r in entry.regions.all()} == {
        "mm-naypyidaw",
        "mm-yangon",
        "mm-mandalay",
    }
    region = Region.objects.get(code="vn-hue")
    assert region.history.get().history_change_reason == MEKONG.REASON


def test_the_reverse_removes_what_it_added_and_forward_puts_it_back(db):
    before = (Country.objects.count(), Region.objects.count(), SupportContact.objects.count())
    report = ContactReport.objects.create(
        contact=SupportContact.objects.get(name_en="Police 117 (Cambodia)"),
        day=datetime.date(2026, 12, 1),
        reason="no_answer",
    )
    worker = make_user("walker", "Frontline workers")
    AccountPreference.objects.create(user=worker, region=Region.objects.get(code="kh-kep"))

    forward = reverse_and_forward(frozen_apps())

    assert not Country.objects.filter(code__in=DIVISIONS).exists()
    assert not Region.objects.filter(country__code__in=DIVISIONS).exists()
    assert not Region.objects.filter(code__startswith="kh-").exists()
    assert not SupportContact.objects.filter(name_en__in=ADDED).exists()
    assert not ContactReport.objects.filter(pk=report.pk).exists()
    assert AccountPreference.objects.get(user=worker).region is None
    # The five other countries and their numbers are untouched.
    assert Country.objects.count() == before[0] - 4
    assert Region.objects.count() == before[1] - 92
    assert SupportContact.objects.count() == before[2] - 13
    assert not SupportContact.history.filter(history_change_reason=MEKONG.REASON).exists()
    assert not Region.history.filter(history_change_reason=MEKONG.REASON).exists()
    assert not Country.history.filter(history_change_reason=MEKONG.REASON).exists()

    forward()
    assert (Country.objects.count(), Region.objects.count(), SupportContact.objects.count()) == (
        before
    )
    assert numbers(Region.objects.get(code="kh-kep")) >= {"117", "119", "1280"}


def test_the_reverse_keeps_what_records_or_editors_still_need(db):
    kep = Region.objects.get(code="kh-kep")
    UsageRecord.objects.create(region=kep, day=datetime.date(2026, 12, 1))
    laos = Country.objects.get(code="la")
    own = SupportContact.objects.create(
        name="An editor's own Lao shelter",
        kind="shelter",
        phones="021 000000",
        country=laos,
        source="https://example.org",
    )
    called = SupportContact.objects.get(name_en="Child Helpline Cambodia 1280")
    called.verification, called.last_verified = "called", datetime.date(2026, 12, 5)
    called.save()

    reverse_and_forward(frozen_apps())

    # A region a record refers to stays, and so does its country.
    assert Region.objects.filter(code="kh-kep").exists()
    assert Country.objects.filter(code="kh").exists()
    assert Region.objects.filter(country__code="kh").count() == 1
    # An editor's contact stays, and its country with it; a number someone called stays.
    assert SupportContact.objects.filter(pk=own.pk).exists()
    assert Country.objects.filter(code="la").exists()
    assert not Region.objects.filter(country__code="la").exists()
    assert SupportContact.objects.filter(pk=called.pk).exists()
    # Countries nothing refers to go.
    assert not Country.objects.filter(code__in=("mm", "vn")).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.timeout(300)
def test_the_migration_reverses_and_reapplies_with_the_real_executor():
    def migrate(target):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([target] if target else executor.loader.graph.leaf_nodes())

    # An earlier transactional test may have flushed the tables: back and forth once first.
    migrate(BEFORE)
    migrate(None)
    counts = (Country.objects.count(), Region.objects.count(), SupportContact.objects.count())
    assert Region.objects.filter(country__code__in=DIVISIONS).count() == 92
    migrate(BEFORE)
    old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    assert not old.get_model("screening", "Country").objects.filter(code__in=DIVISIONS).exists()
    assert old.get_model("screening", "Region").objects.count() == counts[1] - 92
    migrate(None)
    assert (Country.objects.count(), Region.objects.count(), SupportContact.objects.count()) == (
        counts
    )
