"""The result's first screen in Khmer, Lao, Burmese and Vietnamese, on a 360 x 740 phone, for
a worker in that country: its own emergency number first, in the language's own words, with
lines tall enough for the script."""

import pytest
from django.utils import translation

from screening.content import translation_files
from screening.models import AccountPreference, Region
from tests.conftest import make_user

SCREEN = 740
COUNTRY = {"km": "kh", "lo": "la", "my": "mm", "vi": "vn"}
# Line height over font size: the stacked scripts need more than Latin's 1.5.
MIN_LINE_HEIGHT = {"km": 1.75, "lo": 1.75, "my": 1.85, "vi": 1.45}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("language", sorted(COUNTRY))
def test_the_result_first_screen_in_each_mekong_language(
    live_server, page, sign_in, axe_violations, language
):
    translation_files.apply_translations(translation_files.read_file(language), language=language)
    region = Region.objects.filter(country__code=COUNTRY[language]).order_by("position").first()
    assert region is not None, f"no region in {COUNTRY[language]}"
    worker = make_user(f"worker-{language}", "Frontline workers")
    AccountPreference.objects.create(user=worker, region=region, language=language)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    sign_in(worker)
    page.goto(f"{live_server.url}/checklist/")
    page.check("input[name=immediate_danger][value=yes]")
    page.click("#checklist-form button[name=submit]")
    page.wait_for_url(f"{live_server.url}/checklist/result/")

    assert page.evaluate("document.documentElement.lang") == language
    # One header row: the brand wraps inside its box, Menu stays beside it.
    brand, menu = (
        page.locator("header .brand").bounding_box(),
        page.locator("header summary").bounding_box(),
    )
    assert menu["y"] < brand["y"] + brand["height"], (brand, menu)
    with translation.override(language):
        assert page.locator("h1").inner_text() == translation.gettext("What to do next")
    # The country's own emergency number, on the first screen.
    call = page.locator('.danger-first a[href^="tel:"]').first
    box = call.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SCREEN, box
    emergency = region.country.contacts.filter(kind="emergency").values_list("phones", flat=True)
    digits = call.get_attribute("href")[4:]
    assert any(digits in phones.replace(" ", "") for phones in emergency), digits
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px of horizontal scroll"
    ratio = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.not-diagnosis'));"
        " return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })()"
    )
    assert ratio >= MIN_LINE_HEIGHT[language], ratio
    assert axe_violations(page) == []
