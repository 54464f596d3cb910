"""Moving content between deployments: round trip, updates, and bad files that change nothing."""

import copy
import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from screening.content import transfer as content_io
from screening.models import (
    Guidance,
    Indicator,
    IndicatorVersion,
    Region,
    Section,
    SupportContact,
    UsageAnswer,
)
from tests.conftest import make_guidance, make_record, sign_in

MODELS = (Region, Section, Indicator, Guidance, SupportContact)


def snapshot() -> dict:
    """Every content row's fields, keyed by model, independent of the export code."""
    result = {}
    for model in MODELS:
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.name not in ("id", "current_version")
        ]
        rows = []
        for obj in model.objects.order_by("pk"):
            row = {name: getattr(obj, name) for name in fields}
            # Empty and missing translations read the same to a worker: both fall back.
            row = {k: (None if v == "" else v) for k, v in row.items()}
            if model is Indicator:
                row["section_id"] = obj.section.slug
            if model is SupportContact:
                row["regions"] = sorted(r.code for r in obj.regions.all())
            rows.append(row)
        result[model.__name__] = sorted(rows, key=repr)
    return result


@pytest.fixture
def rich_content(content):
    """The shared content plus translations, guidance and a verified local contact."""
    venue = content["indicators"]["venue"]
    venue.text_ne = "परीक्षण स्थानमा भेटियो"
    venue.help_hi = "उदाहरण"
    venue.save()
    content["region"].name_ne = "उत्तर प्रदेश"
    content["region"].save()
    make_guidance("refer-test", title_th="ส่งต่อ", on_result=False, position=3)
    local = content["contacts"]["local"]
    local.email = "help@example.org"
    local.website = "https://example.org/help"
    local.last_verified = datetime.date(2026, 1, 15)
    local.phones = "+977 1 555 0101\n1098"
    local.notes_ne = "नोट"
    local.save()
    content["sections"][1].active = False
    content["sections"][1].save()
    return content


def delete_all_content() -> None:
    UsageAnswer.objects.all().delete()
    Indicator.objects.all().delete()
    for model in (Section, Guidance, SupportContact, Region):
        model.objects.all().delete()


def test_it_reproduces_the_content_exactly_after_export_and_import_into_an_empty_database(
    rich_content,
):
    before = snapshot()
    exported = content_io.export_content()
    delete_all_content()
    assert snapshot() != before

    content_io.import_content(json.loads(content_io.dumps(exported)))

    assert snapshot() == before
    again = content_io.export_content()
    assert {**again, "exported_at": None} == {**exported, "exported_at": None}
    for indicator in Indicator.objects.all():
        assert indicator.current_version.text == indicator.text_en


def test_it_changes_nothing_when_the_same_file_is_imported_twice(rich_content):
    data = content_io.export_content()
    history_rows = [model.history.count() for model in MODELS]
    summary = content_io.import_content(data)
    assert all(
        counts["created"] == counts["updated"] == counts["deactivated"] == 0
        for counts in summary.values()
    )
    assert [model.history.count() for model in MODELS] == history_rows


def test_it_makes_a_new_version_when_imported_wording_changes(content):
    venue = content["indicators"]["venue"]
    old_version = venue.current_version
    record = make_record(answers={venue: "yes"})
    data = content_io.export_content()
    item = next(i for i in data["indicators"] if i["slug"] == "venue-test")
    item["text"]["en"] = "Met at or linked to a test venue"

    content_io.import_content(data)

    venue.refresh_from_db()
    assert venue.current_version.number == 2
    assert venue.current_version.text == "Met at or linked to a test venue"
    answer = record.answers.get()
    assert answer.indicator_version == old_version
    assert answer.indicator_version.text == "Met at a test venue"
    assert venue.history.first().history_change_reason == content_io.CHANGE_REASON


def test_it_retires_content_missing_from_the_file_and_never_deletes_it(content):
    data = content_io.export_content()
    data["indicators"] = [i for i in data["indicators"] if i["slug"] != "address-test"]
    data["contacts"] = [c for c in data["contacts"] if c["name"]["en"] != "South Shelter"]

    summary = content_io.import_content(data)

    address = Indicator.objects.get(slug="address-test")
    assert not address.active
    assert not SupportContact.objects.get(name_en="South Shelter").active
    assert summary["indicators"]["deactivated"] == 1
    assert summary["contacts"]["deactivated"] == 1


def test_it_creates_content_new_to_the_deployment_and_moves_indicators(content):
    data = content_io.export_content()
    data["sections"].append(
        {
            "slug": "new-section",
            "title": {"en": "New section", "ne": "नयाँ खण्ड"},
            "intro": {"en": "Why."},
            "source": "Test (2026).",
            "position": 5,
            "active": True,
        }
    )
    next(i for i in data["indicators"] if i["slug"] == "no-id-test")["section"] = "new-section"

    content_io.import_content(data)

    section = Section.objects.get(slug="new-section")
    assert section.title_ne == "नयाँ खण्ड"
    assert Indicator.objects.get(slug="no-id-test").section == section


# --- bad files ----------------------------------------------------------------------------


def valid_file() -> dict:
    return content_io.export_content()


def with_change(change) -> bytes:
    data = valid_file()
    change(data)
    return json.dumps(data).encode()


def first(kind: str):
    def get(data):
        return data[kind][0]

    return get


def set_in(kind: str, key: str, value, index: int = 0):
    def change(data):
        data[kind][index][key] = value

    return change


def deep_nesting() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


BAD_FILES = {
    "empty": (lambda: b"", "the file is empty"),
    "not json": (lambda: b"<html>hello</html>", "not valid JSON"),
    "truncated": (lambda: json.dumps(valid_file()).encode()[:-40], "not valid JSON"),
    "not utf-8": (lambda: "{}".encode("utf-16"), "not UTF-8"),
    "a list": (lambda: b"[]", "expected a JSON object"),
    "other format": (lambda: with_change(lambda d: d.update(format="x")), "not a content file"),
    "wrong version": (lambda: with_change(lambda d: d.update(version=3)), "version 3"),
    "a file from before countries": (
        lambda: with_change(lambda d: d.update(version=1)),
        "the file is version 1; this deployment reads version 2",
    ),
    "unknown country": (
        lambda: with_change(set_in("regions", "country", "atlantis")),
        "unknown country 'atlantis'",
    ),
    "unchecked way of checking": (
        lambda: with_change(set_in("contacts", "verification", "guessed")),
        "contacts[0].verification",
    ),
    "checked without a day": (
        lambda: with_change(
            lambda d: d["contacts"][0].update(verification="called", last_verified=None)
        ),
        "a checked contact needs the day it was checked",
    ),
    "version as text": (lambda: with_change(lambda d: d.update(version="1")), "version"),
    "unknown top key": (lambda: with_change(lambda d: d.update(users=[])), "users: unknown key"),
    "missing list": (lambda: with_change(lambda d: d.pop("contacts")), "contacts: is missing"),
    "duplicate key": (
        lambda: b'{"format": "recognise-and-refer-content", "format": "x"}',
        "repeats the key 'format'",
    ),
    "NaN": (lambda: b'{"version": NaN}', "NaN"),
    "deep nesting": (deep_nesting, "nested too deeply"),
    "integer of 4,301 digits": (lambda: b"[" + b"9" * 4301 + b"]", "too large to read"),
    "object nested in a list item": (
        lambda: with_change(set_in("regions", "code", {"a": [[[[]]]]})),
        "regions[0].code",
    ),
    "huge": (lambda: b" " * (content_io.MAX_FILE_BYTES + 1), "larger than"),
    "unknown item key": (
        lambda: with_change(set_in("indicators", "is_admin", True)),
        "indicators[0].is_admin: unknown key",
    ),
    "missing item key": (
        lambda: with_change(lambda d: d["indicators"][1].pop("source")),
        "indicators[1].source: is missing",
    ),
    "unknown section": (
        lambda: with_change(set_in("indicators", "section", "nowhere", index=2)),
        "indicators[2].section: unknown section 'nowhere'",
    ),
    "unknown region": (
        lambda: with_change(set_in("contacts", "regions", ["atlantis"])),
        "unknown region 'atlantis'",
    ),
    "bad slug": (
        lambda: with_change(set_in("sections", "slug", "no spaces allowed")),
        "sections[0].slug: 'no spaces allowed' is not a code",
    ),
    "duplicate slug": (
        lambda: with_change(lambda d: d["indicators"].append(copy.deepcopy(d["indicators"][0]))),
        "repeats indicators[0]",
    ),
    "missing english": (
        lambda: with_change(set_in("indicators", "text", {"ne": "केवल नेपाली"})),
        "indicators[0].text: the 'en' text is missing",
    ),
    "unknown language": (
        lambda: with_change(set_in("sections", "title", {"en": "T", "xx": "?"})),
        "sections[0].title.xx: unknown language",
    ),
    "too long": (
        lambda: with_change(set_in("indicators", "text", {"en": "x" * 301})),
        "the limit is 300",
    ),
    "wrong type": (
        lambda: with_change(set_in("regions", "position", "first")),
        "regions[0].position: expected a whole number, got text",
    ),
    "bool as position": (
        lambda: with_change(set_in("regions", "position", True)),
        "regions[0].position: expected a whole number",
    ),
    "negative position": (
        lambda: with_change(set_in("regions", "position", -1)),
        "must be between 0",
    ),
    "active as text": (
        lambda: with_change(set_in("sections", "active", "yes")),
        "sections[0].active: expected true or false",
    ),
    "forged kind": (
        lambda: with_change(set_in("contacts", "kind", "police_bribe")),
        "'police_bribe' is not one of",
    ),
    "bad phone": (
        lambda: with_change(set_in("contacts", "phones", ["1098", "javascript:alert(1)"])),
        "contacts[0].phones[1]: 'javascript:alert(1)' is not a phone number",
    ),
    "phones as text": (
        lambda: with_change(set_in("contacts", "phones", "1098")),
        "expected a list of phone numbers",
    ),
    "bad email": (
        lambda: with_change(set_in("contacts", "email", "nobody@")),
        "is not a valid email address",
    ),
    "javascript url": (
        lambda: with_change(set_in("contacts", "website", "javascript:alert(1)")),
        "is not a valid web address",
    ),
    "unreachable contact": (
        lambda: with_change(lambda d: d["contacts"][0].update(phones=[], email="", website="")),
        "give at least a phone number",
    ),
    "bad date": (
        lambda: with_change(set_in("contacts", "last_verified", "2026-02-30")),
        "not a real date",
    ),
    "NUL character": (
        lambda: with_change(set_in("sections", "source", "a\x00b")),
        "control characters",
    ),
    "too many items": (
        lambda: with_change(
            lambda d: d.update(sections=d["sections"] * (content_io.MAX_ITEMS["sections"] + 1))
        ),
        "the limit is 100",
    ),
    "bad last item only": (
        lambda: with_change(set_in("contacts", "scope", "galactic", index=-1)),
        "'galactic' is not one of",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_it_refuses_a_bad_file_with_a_clear_message_and_changes_nothing(content, name):
    make_file, message = BAD_FILES[name]
    raw = make_file()
    # Make valid parts of the file differ from the database, so a partial write would show.
    Indicator.objects.filter(slug="venue-test").update(position=42)
    before = snapshot()
    versions = IndicatorVersion.objects.count()

    with pytest.raises(content_io.ContentFileError) as excinfo:
        content_io.import_content(content_io.loads(raw))

    assert message in str(excinfo.value), excinfo.value.messages
    assert snapshot() == before
    assert IndicatorVersion.objects.count() == versions


def test_it_lists_every_problem_in_the_file_at_once(content):
    data = valid_file()
    data["regions"][0]["position"] = "x"
    data["indicators"][1]["active"] = None
    with pytest.raises(content_io.ContentFileError) as excinfo:
        content_io.validate_content(data)
    assert len(excinfo.value.messages) == 2


def test_it_rolls_back_everything_when_the_database_refuses_a_write(content, monkeypatch):
    data = valid_file()
    data["regions"][0]["name"]["en"] = "Renamed region"
    before = snapshot()
    real_save = content_io._save
    calls = []

    def failing_save(obj):
        calls.append(obj)
        if isinstance(obj, Indicator):
            from django.db import IntegrityError

            raise IntegrityError("simulated failure")
        real_save(obj)

    data["indicators"][0]["position"] = 99
    monkeypatch.setattr(content_io, "_save", failing_save)
    with pytest.raises(content_io.ContentFileError, match="the database refused"):
        content_io.import_content(data)
    assert calls  # the region was written before the failure, and rolled back with it
    assert snapshot() == before


# --- commands -----------------------------------------------------------------------------


def test_it_exports_and_imports_with_the_commands(rich_content, tmp_path):
    file = tmp_path / "content.json"
    call_command("export_content", str(file))
    before = snapshot()
    delete_all_content()
    call_command("import_content", str(file))
    assert snapshot() == before
    assert json.loads(file.read_text(encoding="utf-8"))["format"] == content_io.FORMAT


def test_it_exits_with_an_error_and_writes_nothing_on_a_bad_file(content, tmp_path):
    file = tmp_path / "bad.json"
    file.write_bytes(with_change(set_in("indicators", "section", "nowhere")))
    before = snapshot()
    with pytest.raises(CommandError, match="nothing was changed") as excinfo:
        call_command("import_content", str(file))
    assert "indicators[0].section: unknown section 'nowhere'" in str(excinfo.value)
    assert snapshot() == before
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_content", str(tmp_path / "missing.json"))


def test_it_checks_a_file_without_writing(content, tmp_path, capsys):
    file = tmp_path / "content.json"
    data = valid_file()
    data["regions"][0]["name"]["en"] = "Renamed region"
    file.write_text(json.dumps(data), encoding="utf-8")
    call_command("import_content", str(file), "--check")
    assert "is a valid content file" in capsys.readouterr().out
    assert not Region.objects.filter(name_en="Renamed region").exists()


# --- admin --------------------------------------------------------------------------------


def upload(raw: bytes) -> dict:
    file = SimpleUploadedFile("content.json", raw, content_type="application/json")
    return {"file": file, "confirm": "on"}


def test_it_downloads_the_content_file_from_the_admin(editor_client, content):
    response = editor_client.get(reverse("admin:screening_content_export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["format"] == content_io.FORMAT
    assert {i["slug"] for i in data["indicators"]} >= {"venue-test", "address-test"}


def test_it_imports_a_file_from_the_admin(editor_client, content):
    data = valid_file()
    data["regions"][0]["name"]["en"] = "Renamed region"
    url = reverse("admin:screening_content_transfer")
    response = editor_client.post(url, upload(json.dumps(data).encode()), follow=True)
    assert response.status_code == 200
    assert "Content imported" in response.content.decode()
    assert Region.objects.filter(name_en="Renamed region").exists()


def test_it_shows_the_problems_of_a_bad_upload_and_changes_nothing(editor_client, content):
    before = snapshot()
    url = reverse("admin:screening_content_transfer")
    response = editor_client.post(
        url, upload(with_change(set_in("indicators", "section", "nowhere")))
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "nothing was changed" in html
    assert "indicators[0].section: unknown section &#x27;nowhere&#x27;" in html
    assert snapshot() == before


@pytest.mark.parametrize("raw", [b"[" + b"9" * 4301 + b"]", b"[" * 50_000, b"\xff\xfe{", b"1e999"])
def test_every_malformed_upload_gets_a_400_with_a_message(editor_client, content, raw):
    before = snapshot()
    response = editor_client.post(reverse("admin:screening_content_transfer"), upload(raw))
    assert response.status_code == 400
    assert "nothing was changed" in response.content.decode()
    assert snapshot() == before


def test_it_asks_the_editor_to_confirm_before_importing(editor_client, content):
    data = upload(json.dumps(valid_file()).encode())
    del data["confirm"]
    response = editor_client.post(reverse("admin:screening_content_transfer"), data)
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


@pytest.mark.parametrize("role", ["worker", "supervisor"])
def test_it_keeps_other_roles_away_from_content_transfer(client, content, role, request):
    sign_in(client, request.getfixturevalue(role))
    before = snapshot()
    for url in (
        reverse("admin:screening_content_transfer"),
        reverse("admin:screening_content_export"),
    ):
        assert client.get(url).status_code == 302
    response = client.post(
        reverse("admin:screening_content_transfer"), upload(json.dumps(valid_file()).encode())
    )
    assert response.status_code == 302
    assert snapshot() == before
