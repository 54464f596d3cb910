"""Practice: the same checklist and result on an invented case, and nothing recorded."""

import json
import re

import pytest
from django.conf import settings
from django.urls import reverse

from screening.content import translation_files
from screening.frontline.regions import REGION_KEY, RESULT_KEY
from screening.models import (
    AccountPreference,
    Indicator,
    PracticeCase,
    SubmissionToken,
    UsageAnswer,
    UsageContactKind,
    UsageRecord,
    UsageSummary,
)
from tests.conftest import sign_in

PRACTICE = reverse("screening:practice")
USAGE_TABLES = (
    UsageRecord,
    UsageAnswer,
    UsageContactKind,
    SubmissionToken,
    UsageSummary,
    AccountPreference,
)


def case_url(slug: str) -> str:
    return reverse("screening:practice_case", args=[slug])


def field(slug: str) -> str:
    return f"v{Indicator.objects.get(slug=slug).current_version_id}"


def token_from(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def usage_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in USAGE_TABLES}


def practise(client, slug: str, **answers):
    token = token_from(client.get(case_url(slug)))
    return client.post(case_url(slug), {"token": token, **answers})


def test_eight_cases_ship_covering_settings_ages_danger_and_movement(db):
    cases = list(PracticeCase.objects.active())
    assert len(cases) >= 8
    assert len({case.setting for case in cases}) >= 6
    assert len({case.age_band for case in cases}) >= 3
    assert any(case.in_danger for case in cases) and not all(case.in_danger for case in cases)
    settings_used = {case.setting for case in cases}
    assert {"border", "school", "health", "police"} <= settings_used
    for case in cases:
        assert case.source.strip(), case.slug
        assert case.signs.exists(), case.slug
        # The wording rules hold in every case (domain brief, Luxembourg Guidelines).
        text = f"{case.title} {case.story} {case.notes}".lower()
        for banned in ("child prostitute", "child sex worker", "child pornography", "sex tourism"):
            assert banned not in text, (case.slug, banned)


def test_practice_is_offered_from_the_start_page_and_the_menu(worker_client):
    html = worker_client.get(reverse("screening:start")).content.decode()
    assert html.count(f'href="{PRACTICE}"') == 2
    listing = worker_client.get(PRACTICE).content.decode()
    for case in PracticeCase.objects.active():
        assert f'href="{case_url(case.slug)}"' in listing


def test_a_case_page_shows_the_case_the_banner_and_the_same_checklist(worker_client):
    response = worker_client.get(case_url("bus-station-uncle"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<body class="practice">' in html
    assert 'class="practice-banner"' in html
    assert "night bus" in html
    # The same checklist: every active indicator, sent to the practice page, never kept.
    for indicator in Indicator.objects.active().filter(section__active=True):
        assert f'name="v{indicator.current_version_id}"' in html
    assert f'action="{case_url("bus-station-uncle")}"' in html
    assert "data-keep" not in html
    assert reverse("screening:checklist_keep") not in html


def test_practice_records_nothing_spends_no_token_and_keeps_the_real_checklist(
    worker_client, worker
):
    # A real checklist open in another tab: its token and a kept draft must survive.
    real = worker_client.get(reverse("screening:checklist"))
    real_token = token_from(real)
    region_before = worker_client.session.get(REGION_KEY, "")
    before = usage_counts()
    response = practise(
        worker_client,
        "street-night",
        immediate_danger="no",
        setting="police",
        age_band="15_17",
        region="np-bagmati",
        **{field("vuln-street-runaway"): "yes", field("exploit-sex-for-needs"): "not_sure"},
    )
    assert response.status_code == 302
    result = worker_client.get(response["Location"])
    assert result.status_code == 200
    assert usage_counts() == before
    session = worker_client.session
    assert session["checklist_token"] == real_token
    assert RESULT_KEY not in session
    assert session.get(REGION_KEY, "") == region_before == ""
    # No region remembered from practice, neither in the session nor on the account.
    assert not AccountPreference.objects.filter(user=worker).exclude(region=None).exists()
    # The real checklist still takes its own token and saves one record.
    sent = worker_client.post(
        reverse("screening:checklist"),
        {"token": real_token, field("vuln-street-runaway"): "yes"},
    )
    assert sent.status_code == 302 and sent["Location"] == reverse("screening:result")
    assert UsageRecord.objects.count() == before["UsageRecord"] + 1


def test_the_result_is_the_same_page_with_what_an_experienced_worker_would_note(worker_client):
    response = practise(
        worker_client,
        "hotel-room",
        immediate_danger="no",
        **{field("disclose-fearful"): "yes", field("control-adult-speaks"): "no"},
    )
    html = worker_client.get(response["Location"]).content.decode()
    assert 'class="practice-banner"' in html
    assert "What to do next" in html and "Next steps" in html and "Who to contact" in html
    panel = html[html.index('class="panel practice-panel"') :]
    assert "You did not mark danger. In a real case, call first." in panel
    assert "Signs an experienced worker would note here: 4. Of these, you noted: 1." in panel
    assert 'class="sign-missed"' in panel and 'class="sign-noted"' in panel
    assert "Sources:" in panel and "UNICEF" in panel


def test_a_danger_answer_on_a_danger_case_fits_and_puts_the_call_first(worker_client):
    response = practise(worker_client, "hotel-room", immediate_danger="yes")
    html = worker_client.get(response["Location"]).content.decode()
    assert "Your answer to the danger question fits." in html
    assert html.index("danger-first") < html.index("practice-panel")


def test_finish_clears_the_practice_result_only_and_leave_clears_it_too(worker_client):
    response = practise(
        worker_client, "shelter-after-flood", **{field("vuln-out-of-school"): "yes"}
    )
    result_url = response["Location"]
    finished = worker_client.post(reverse("screening:finish"), {"practice": "1"})
    assert finished["Location"] == PRACTICE
    again = worker_client.get(result_url)
    assert again.status_code == 302 and again["Location"] == case_url("shelter-after-flood")
    practise(worker_client, "shelter-after-flood", **{field("vuln-out-of-school"): "yes"})
    worker_client.post(reverse("screening:leave"))
    assert worker_client.get(result_url).status_code == 302


def test_bad_input_gets_a_message_and_no_500(worker_client):
    before = usage_counts()
    empty = practise(worker_client, "bus-station-uncle")
    assert empty.status_code == 200
    assert "Answer at least one question" in empty.content.decode()
    forged = practise(worker_client, "bus-station-uncle", v999999="yes", setting="moon")
    assert forged.status_code == 200
    assert worker_client.get(case_url("no-such-case")).status_code == 404
    PracticeCase.objects.filter(slug="bus-station-uncle").update(active=False)
    assert worker_client.get(case_url("bus-station-uncle")).status_code == 404
    assert usage_counts() == before


def test_a_result_for_another_case_is_not_shown(worker_client):
    response = practise(worker_client, "hotel-room", immediate_danger="yes")
    assert response.status_code == 302
    other = reverse("screening:practice_result", args=["street-night"])
    assert worker_client.get(other)["Location"] == case_url("street-night")


def test_practice_needs_sign_in_like_the_checklist(client, db):
    response = client.get(case_url("hotel-room"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_service_worker_keeps_the_practice_pages(worker_client):
    body = worker_client.get(reverse("screening:service_worker")).content.decode()
    config = json.loads(re.search(r"const CONFIG = (\{.*?\});\n", body, re.S).group(1))
    assert PRACTICE in config["pages"]
    for case in PracticeCase.objects.active():
        assert case_url(case.slug) in config["pages"]
    assert config["text"]["practiceNotSent"]


def test_editors_manage_cases_in_the_admin_with_history(client, editor):
    sign_in(client, editor)
    case = PracticeCase.objects.get(slug="clinic-new-phone")
    url = reverse("admin:screening_practicecase_change", args=[case.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "title_en": "A boy at the clinic (edited)",
            "signs": [i.pk for i in case.signs.all()],
        }
    )
    for lang, _name in settings.LANGUAGES:
        for name in ("title", "story", "notes"):
            data.setdefault(f"{name}_{lang}", getattr(case, f"{name}_{lang}") or "")
    data["title_en"] = "A boy at the clinic (edited)"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    assert case.title_en == "A boy at the clinic (edited)"
    assert case.history.count() >= 1


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_every_case_ships_in_every_interface_language(db, language):
    entries = translation_files.read_file(language)
    for case in PracticeCase.objects.active():
        for name in ("title", "story", "notes"):
            key = f"practice:{case.slug}:{name}"
            assert entries.get(key, "").strip(), f"{language}: {key} is missing"


def test_a_real_result_and_draft_survive_practice_and_a_practice_finish(worker_client):
    # A real result, then a real checklist started and kept as a draft before a detour.
    real = worker_client.post(
        reverse("screening:checklist"),
        {
            "token": token_from(worker_client.get(reverse("screening:checklist"))),
            field("vuln-street-runaway"): "yes",
        },
    )
    assert real["Location"] == reverse("screening:result")
    token = token_from(worker_client.get(reverse("screening:checklist")))
    worker_client.post(
        reverse("screening:checklist_keep"), {"token": token, field("hidden-venue"): "yes"}
    )
    session = worker_client.session
    kept = {key: session[key] for key in (RESULT_KEY, "checklist_token", "checklist_draft")}
    practise(worker_client, "hotel-room", immediate_danger="yes")
    worker_client.post(reverse("screening:finish"), {"practice": "1"})
    session = worker_client.session
    assert {key: session.get(key) for key in kept} == kept


def test_choosing_a_country_on_a_practice_page_is_kept_in_its_address_only(worker_client):
    real = worker_client.post(
        reverse("screening:checklist"),
        {
            "token": token_from(worker_client.get(reverse("screening:checklist"))),
            field("vuln-street-runaway"): "yes",
        },
    )
    assert real.status_code == 302
    saved = dict(worker_client.session[RESULT_KEY])
    page = worker_client.get(case_url("hotel-room")).content.decode()
    # The country question is a GET to the page itself: no session, no account is written.
    assert 'method="get" action="/practice/hotel-room/" class="place-choice"' in page
    assert reverse("screening:choose_place") not in page
    chosen = worker_client.get(case_url("hotel-room"), {"country": "kh"}).content.decode()
    assert 'action="/practice/hotel-room/?country=kh"' in chosen
    token = token_from(worker_client.get(case_url("hotel-room")))
    sent = worker_client.post(
        case_url("hotel-room") + "?country=kh", {"token": token, "immediate_danger": "yes"}
    )
    result = worker_client.get(sent["Location"]).content.decode()
    assert 'href="tel:117"' in result  # Cambodia's police, from the address only
    session = worker_client.session
    assert session[RESULT_KEY] == saved
    assert session.get("country", "") == "" and session.get(REGION_KEY, "") == ""
    assert not AccountPreference.objects.exclude(region=None).exists()


def test_a_practice_result_offers_no_number_report(worker_client):
    token = token_from(worker_client.get(case_url("hotel-room")))
    sent = worker_client.post(
        case_url("hotel-room"), {"token": token, "immediate_danger": "yes", "region": "np-bagmati"}
    )
    html = worker_client.get(sent["Location"]).content.decode()
    assert 'class="contact-row"' in html
    assert reverse("screening:report_number") not in html


def test_a_case_retired_or_a_sign_changed_between_page_and_send(worker_client):
    token = token_from(worker_client.get(case_url("bus-station-uncle")))
    retired = Indicator.objects.get(slug="move-promise")
    answer = {field("move-promise"): "yes"}
    retired.active = False
    retired.save()  # as an editor would: the content version moves on
    stale = worker_client.post(case_url("bus-station-uncle"), {"token": token, **answer})
    assert stale.status_code == 200
    assert "The checklist was updated while you were filling it in." in stale.content.decode()
    PracticeCase.objects.filter(slug="bus-station-uncle").update(active=False)
    gone = worker_client.post(case_url("bus-station-uncle"), {"token": token, **answer})
    assert gone.status_code == 404


def test_a_sign_nobody_can_answer_is_not_counted_against_the_worker(worker_client):
    Indicator.objects.filter(slug="age-looks-younger").update(active=False)
    response = practise(worker_client, "hotel-room", immediate_danger="yes")
    panel = worker_client.get(response["Location"]).content.decode()
    assert "Signs an experienced worker would note here: 3." in panel


def test_leave_on_a_practice_page_clears_everything_like_on_a_real_one(worker_client):
    """Leave is the way out when someone looks at the screen: it keeps nothing, practice or not."""
    token = token_from(worker_client.get(reverse("screening:checklist")))
    worker_client.post(
        reverse("screening:checklist_keep"), {"token": token, field("hidden-venue"): "yes"}
    )
    practise(worker_client, "hotel-room", immediate_danger="yes")
    left = worker_client.post(reverse("screening:leave"))
    assert left["Location"] == reverse("screening:neutral")
    session = worker_client.session
    for key in ("checklist_token", "checklist_draft", RESULT_KEY, "practice_result"):
        assert key not in session, key


def test_practice_pages_refuse_head_and_other_methods_cleanly(worker_client):
    assert worker_client.head(case_url("hotel-room")).status_code == 405
    assert worker_client.put(case_url("hotel-room")).status_code == 405
    assert worker_client.post(PRACTICE).status_code == 405
