"""The interface catalogues: complete, unambiguous, placeholders intact, compiled up to date."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# %(name)s, %s, %d, %% and {name} placeholders, as Python formats them.
PERCENT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
BRACE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def catalogue(language: str, ext: str = "po") -> Path:
    return ROOT / "locale" / language / "LC_MESSAGES" / f"django.{ext}"


def placeholders(text: str) -> list[str]:
    return sorted(PERCENT.findall(text) + BRACE.findall(text))


def messages(entries) -> dict:
    """The catalogue's messages as (context, id) -> translation(s), header left out."""
    found = {}
    for entry in entries:
        if not entry.msgid:
            continue
        key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
        found[key] = (
            tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = polib.pofile(str(catalogue(language)))
    assert len(po) > 300
    assert not po.metadata_is_fuzzy, "a fuzzy header drops the plural rule from the .mo"
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    empty_plurals = [e.msgid for e in po if e.msgid_plural and not all(e.msgstr_plural.values())]
    assert untranslated == [] and fuzzy == [] and empty_plurals == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_keeps_the_placeholders_of_the_english(language):
    wrong = []
    for entry in polib.pofile(str(catalogue(language))):
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                # Languages with one plural form use the plural's placeholders.
                english = entry.msgid if index == 0 and len(entry.msgstr_plural) > 1 else None
                english = english or entry.msgid_plural
                if placeholders(text) != placeholders(english):
                    wrong.append((entry.msgid, text))
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append((entry.msgid, entry.msgstr))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plural_rule_is_declared(language):
    po = polib.pofile(str(catalogue(language)))
    assert po.metadata["Plural-Forms"].startswith("nplurals=")
    assert "INTEGER" not in po.metadata["Plural-Forms"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_po(language, tmp_path):
    po = polib.pofile(str(catalogue(language)))
    compiled_now = tmp_path / "django.mo"
    po.save_as_mofile(str(compiled_now))
    committed = polib.mofile(str(catalogue(language, "mo")))
    # Compiled here in Python (no gettext needed); msgfmt leaves empty and fuzzy entries out.
    wanted = {k: v for k, v in messages(polib.mofile(str(compiled_now))).items() if v}
    assert messages(committed) == wanted, (
        f"locale/{language}/LC_MESSAGES/django.mo is out of date: run `make messages`"
    )
    assert committed.metadata.get("Plural-Forms") == po.metadata["Plural-Forms"]


def test_the_app_reads_the_committed_catalogues():
    from django.utils import translation

    with translation.override("ne"):
        assert translation.gettext("Checklist") == "जाँचसूची"
    with translation.override("ur"):
        assert translation.gettext("Checklist") == "چیک لسٹ"


def fresh_catalogue(tmp_path: Path) -> polib.POFile:
    """Run makemessages over a copy of the code and templates; return the catalogue it makes."""
    if shutil.which("xgettext") is None:
        if os.environ.get("REQUIRE_GETTEXT"):
            pytest.fail("xgettext is missing; CI must install gettext")
        pytest.skip("GNU gettext (xgettext) is not installed; apt-get install gettext")
    copy = tmp_path / "src"
    copy.mkdir()
    for name in ("manage.py", "project", "screening", "templates"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    (copy / "locale").mkdir()
    env = {**os.environ, "DEBUG": "1", "PYTHONPATH": str(copy)}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ne", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return polib.pofile(str(copy / "locale" / "ne" / "LC_MESSAGES" / "django.po"))


def test_every_string_in_the_code_and_templates_is_in_every_catalogue(tmp_path):
    wanted = {(e.msgctxt, e.msgid) for e in fresh_catalogue(tmp_path) if e.msgid}
    assert len(wanted) > 300
    missing = {}
    for language in LANGUAGES:
        have = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue(language)))}
        if wanted - have:
            missing[language] = sorted(msgid for _ctx, msgid in wanted - have)[:10]
    assert missing == {}, "run `make messages` and translate the new entries"


@pytest.mark.parametrize("language", LANGUAGES)
def test_gnu_msgfmt_checks_every_catalogue_clean(language, tmp_path):
    """msgfmt -c: the header, plural forms and every format string, as gettext itself reads them."""
    if shutil.which("msgfmt") is None:
        if os.environ.get("REQUIRE_GETTEXT"):
            pytest.fail("msgfmt is missing; CI must install gettext")
        pytest.skip("GNU gettext (msgfmt) is not installed; apt-get install gettext")
    result = subprocess.run(
        ["msgfmt", "-c", "--statistics", "-o", str(tmp_path / "out.mo"), str(catalogue(language))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_no_javascript_string_needs_a_catalogue():
    # The one script shows a button; if JS ever gains text, add a djangojs catalogue.
    for script in (ROOT / "screening" / "static").rglob("*.js"):
        assert "gettext" not in script.read_text(encoding="utf-8")


# The terms domain.md (Luxembourg Terminology Guidelines, 2016) rules out, per language; the
# README's Languages section lists them with the terms to use instead.
NEVER = {
    "ne": [
        "बाल वेश्या",
        "बाल यौनकर्मी",
        "देह बेच्ने",
        "यौन व्यवसायमा लागेका",
        "पोर्नोग्राफी",
        "बाल अश्लील",
        "बाल यौन पर्यटन",
    ],
    "hi": [
        "बाल वेश्या",
        "धंधा",
        "यौनकर्मी",
        "सेक्स वर्कर",
        "जिस्मफ़रोशी",
        "कॉल गर्ल",
        "पोर्नोग्राफी",
        "बाल अश्लील",
        "सेक्स टूरिज़्म",
    ],
    "bn": [
        "শিশু পতিতা",
        "বেশ্যা",
        "যৌনকর্মী",
        "যৌনবৃত্তি",
        "দেহব্যবসায়ী",
        "পর্নোগ্রাফি",
        "অশ্লীল ছবি",
        "শিশু যৌন পর্যটন",
    ],
    "th": [
        "โสเภณีเด็ก",
        "เด็กขายบริการ",
        "เด็กขายตัว",
        "เด็กค้าประเวณี",
        "ไซด์ไลน์",
        "สื่อลามก",
        "หนังโป๊",
        "การท่องเที่ยวทางเพศเด็ก",
    ],
    "ur": ["طوائف", "جسم فروش بچے", "دھندا", "کال گرل", "پورنوگرافی", "فحش", "عریاں", "جنسی سیاحت"],
    # The four Mekong languages: child prostitute, sex worker, slang, pornography, and the
    # word for smuggling, which would make trafficking sound agreed to.
    "km": ["ពេស្យាកុមារ", "ស្រីពេស្យា", "ស្រីរកស៊ី", "អាសអាភាស", "ការរត់ពន្ធ"],
    "lo": [
        "ໂສເພນີເດັກ",
        "ເດັກຂາຍບໍລິການ",
        "ເດັກຂາຍຕົວ",
        "ສາວບໍລິການ",
        "ລາມົກ",
        "ການທ່ອງທ່ຽວທາງເພດເດັກ",
        "ລັກລອບ",
    ],
    "my": ["ကလေးပြည့်တန်ဆာ", "ဖာသည်", "ဖာခန်း", "လိင်အလုပ်သမား", "ညစ်ညမ်း", "မှောင်ခို"],
    "vi": [
        "gái mại dâm",
        "gái gọi",
        "làm gái",
        "gái bán dâm",
        "trẻ em bán dâm",
        "mại dâm trẻ em",
        "khiêu dâm trẻ em",
        "du lịch tình dục trẻ em",
        "buôn lậu",
        "đưa người trái phép",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_uses_a_term_the_guidelines_rule_out(language):
    found = [
        (entry.msgid, term)
        for entry in polib.pofile(str(catalogue(language)))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        for term in NEVER[language]
        if term in text
    ]
    assert found == []
