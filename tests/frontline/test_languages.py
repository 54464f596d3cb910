"""Every page a worker or supervisor sees reads in their language's own script."""

import csv
import datetime
import io
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from screening.choices import AgeBand, Answer, Setting
from screening.content import reviews
from screening.models import Indicator, IndicatorVersion, Region
from tests.conftest import make_record

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# A content text in each script, written into every content field for the test: content is
# translated by translators later, so the test measures the interface around it.
SAMPLE = {
    "ne": "नेपाली परीक्षण पाठ",
    "hi": "हिंदी परीक्षण पाठ",
    "bn": "বাংলা পরীক্ষার লেখা",
    "th": "ข้อความทดสอบภาษาไทย",
    "ur": "اردو آزمائشی عبارت",
    "km": "អត្ថបទសាកល្បងភាសាខ្មែរ",
    "lo": "ຂໍ້ຄວາມທົດລອງພາສາລາວ",
    "my": "မြန်မာဘာသာ စမ်းသပ်စာသား",
    "vi": "Văn bản thử nghiệm tiếng Việt",
}
MAX_LATIN = 0.15
# Vietnamese is written in Latin letters: there the measure is the share of English words.
LATIN_SCRIPT = {"vi"}
MAX_ENGLISH_WORDS = 0.05
ENGLISH_WORDS = {
    "the",
    "and",
    "your",
    "you",
    "with",
    "this",
    "that",
    "what",
    "who",
    "where",
    "when",
    "how",
    "are",
    "is",
    "of",
    "for",
    "from",
    "not",
    "child",
    "children",
    "call",
    "checklist",
    "sign",
    "signs",
    "next",
    "steps",
    "contacts",
    "contact",
    "guidance",
    "region",
    "start",
    "page",
    "leave",
    "menu",
    "language",
    "change",
    "help",
    "number",
    "numbers",
    "result",
    "practice",
    "case",
    "country",
    "choose",
    "danger",
    "emergency",
    "send",
    "see",
    "all",
    "more",
    "yes",
}


class VisibleText(HTMLParser):
    """Collect the text a reader sees, leaving out names and addresses marked translate="no"
    and anything marked as another language (the language switcher's own names)."""

    SKIP = {"script", "style", "head"}
    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        lang = attrs.get("lang")
        hidden = (
            tag in self.SKIP
            or attrs.get("translate") == "no"
            or (lang is not None and lang != self.language)
        )
        self.stack.append(hidden or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str, *, language: str, leave_out: tuple[str, ...] = ()) -> str:
    parser = VisibleText(language)
    parser.feed(html)
    text = " ".join(parser.parts)
    for phrase in leave_out:
        text = text.replace(phrase, " ")
    return text


def english_share(html: str, *, language: str, leave_out: tuple[str, ...] = ()) -> float:
    """For a language in Latin letters: the share of its words that are common English ones."""
    words = re.findall(r"[^\W\d_]+", visible_text(html, language=language, leave_out=leave_out))
    assert words, "the page shows no text"
    return sum(1 for word in words if word.lower() in ENGLISH_WORDS) / len(words)


def latin_share(html: str, *, language: str, leave_out: tuple[str, ...] = ()) -> float:
    text = visible_text(html, language=language, leave_out=leave_out)
    letters = [ch for ch in text if ch.isalpha()]
    latin = [ch for ch in letters if "LATIN" in unicodedata.name(ch, "")]
    assert letters, "the page shows no text"
    return len(latin) / len(letters)


def fill_content(language: str) -> None:
    """Write a text in the language's script into every translated content field."""
    for entry in reviews.REGISTRY.values():
        entry.model.objects.update(**{f"{f}_{language}": SAMPLE[language] for f in entry.fields})


def in_language(client, language: str):
    client.cookies["django_language"] = language
    return client


def assert_script(response, language: str, leave_out: tuple[str, ...] = ()) -> None:
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    if language in LATIN_SCRIPT:
        share = english_share(html, language=language, leave_out=leave_out)
        assert share <= MAX_ENGLISH_WORDS, (
            f"{share:.0%} of the words are English on {response.request}"
        )
        return
    share = latin_share(html, language=language, leave_out=leave_out)
    assert share <= MAX_LATIN, f"{share:.0%} of the letters are Latin on {response.request}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_frontline_pages_read_in_the_language_chosen(worker_client, language):
    fill_content(language)
    client = in_language(worker_client, language)
    for name in ("screening:start", "screening:checklist", "screening:guidance"):
        assert_script(client.get(reverse(name)), language)
    assert_script(client.get(reverse("screening:contacts")), language)

    checklist = client.get(reverse("screening:checklist")).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', checklist).group(1)
    noted = Indicator.objects.active().exclude(current_version=None).first()
    response = client.post(
        reverse("screening:checklist"),
        {
            "token": token,
            "immediate_danger": Answer.NOT_SURE,
            "region": Region.objects.active().first().code,
            "setting": Setting.STREET,
            "age_band": AgeBand.AGE_15_17,
            f"v{noted.current_version_id}": Answer.YES,
        },
    )
    assert response.status_code == 302
    assert_script(client.get(reverse("screening:result")), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_practice_pages_read_in_the_language_chosen(worker_client, language):
    fill_content(language)
    client = in_language(worker_client, language)
    assert_script(client.get(reverse("screening:practice")), language)
    case = reverse("screening:practice_case", args=["hotel-room"])
    page = client.get(case, {"region": "np-bagmati"})
    assert_script(page, language)
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    sent = client.post(case, {"token": token, "immediate_danger": Answer.YES})
    assert sent.status_code == 302
    assert_script(client.get(sent["Location"]), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_in_and_error_pages_read_in_the_language_chosen(client, db, language):
    in_language(client, language)
    assert_script(client.get(reverse("login")), language)
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert_script(missing, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_reads_in_the_language_chosen(supervisor_client, content, language, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 11, 25))
    venue = content["indicators"]["venue"]
    for i in range(12):
        make_record(
            day=datetime.date(2026, 4, 6 + i % 5),
            region=content["region"],
            setting=Setting.STREET,
            age_band=AgeBand.AGE_15_17,
            answers={venue: Answer.YES},
        )
    fill_content(language)
    response = in_language(supervisor_client, language).get(reverse("screening:dashboard"))
    assert response.status_code == 200
    # The dashboard names each indicator by the English wording that was answered: content,
    # like a name, so it is left out of the measure.
    answered = tuple(IndicatorVersion.objects.values_list("text", flat=True))
    assert_script(response, language, leave_out=answered)


def test_the_measure_notices_an_english_page(worker_client):
    translation.activate("en")
    html = worker_client.get(reverse("screening:guidance")).content.decode()
    assert latin_share(html, language="en") > 0.9
    # And in Latin letters, an English page is told from a Vietnamese one.
    assert english_share(html, language="en") > MAX_ENGLISH_WORDS


def test_urdu_pages_are_right_to_left_and_others_left_to_right(client, db):
    assert 'dir="rtl"' in in_language(client, "ur").get(reverse("login")).content.decode()[:300]
    assert 'dir="ltr"' in in_language(client, "ne").get(reverse("login")).content.decode()[:300]
    missing = in_language(client, "ur").get("/no-such-page/").content.decode()
    assert '<html lang="ur" dir="rtl">' in missing


def test_phone_numbers_keep_western_digits_and_read_left_to_right(worker_client, content):
    contacts = reverse("screening:contacts")
    html = in_language(worker_client, "ur").get(contacts, {"region": "north"}).content.decode()
    assert 'href="tel:+97715550101"' in html
    assert '<span class="phone-number" dir="ltr">+977 1 555 0101</span>' in html


def test_the_language_switcher_lists_each_language_in_its_own_script(client, db):
    html = client.get(reverse("login")).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    for code, name in [
        ("ne", "नेपाली"),
        ("hi", "हिंदी"),
        ("bn", "বাংলা"),
        ("th", "ภาษาไทย"),
        ("ur", "اردو"),
        ("km", "ខ្មែរ"),
        ("lo", "ລາວ"),
        ("my", "မြန်မာဘာသာ"),
        ("vi", "Tiếng Việt"),
    ]:
        assert f'lang="{code}">{name}</option>' in header


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_csv_export_has_its_headers_in_the_language_chosen(
    supervisor_client, content, language, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 11, 25))
    for _ in range(6):
        make_record(day=datetime.date(2026, 4, 6), region=content["region"])
    response = in_language(supervisor_client, language).get(reverse("screening:dashboard_export"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    # The Count column holds numbers only; why a cell is empty is a column of its own.
    header = next(row for row in rows if len(row) == 6)
    words = ("Figure", "Group", "Item", "Measure", "Count", "Why not shown")
    with translation.override(language):
        assert header == [translation.gettext(word) for word in words]
    if language in LATIN_SCRIPT:
        assert english_share(f"<p>{' '.join(header)}</p>", language=language) == 0
    else:
        assert latin_share(f"<p>{' '.join(header)}</p>", language=language) == 0


def test_a_number_written_in_another_script_dials_with_western_digits():
    from screening.templatetags.screening_tags import tel_href

    assert tel_href("+۹۷۷ ۱ ۴۴۳۳") == "tel:+97714433"
    assert tel_href("१०९८") == "tel:1098"
    assert tel_href("১০৯৮") == "tel:1098"
