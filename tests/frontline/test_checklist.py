"""The worker's flow: checklist, result, finish, and the anonymised record it leaves."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from screening.models import (
    AccountPreference,
    Indicator,
    SubmissionToken,
    UsageAnswer,
    UsageContactKind,
    UsageRecord,
)
from tests.conftest import make_contact, make_indicator, make_section, sign_in

CHECKLIST = reverse("screening:checklist")
RESULT = reverse("screening:result")
FINISH = reverse("screening:finish")


def field(indicator: Indicator) -> str:
    return f"v{indicator.current_version_id}"


def token_from(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def start_checklist(client: Client) -> str:
    response = client.get(CHECKLIST)
    assert response.status_code == 200
    return token_from(response)


def submit(client: Client, **data):
    data.setdefault("token", start_checklist(client))
    return client.post(CHECKLIST, data)


def test_it_shows_each_active_section_as_a_fieldset_with_its_indicators(worker_client, content):
    response = worker_client.get(CHECKLIST)
    html = response.content.decode()
    assert '<fieldset class="section" id="section-hidden-test">' in html
    assert "<legend>Hidden test section</legend>" in html
    assert 'id="indicator-venue-test"' in html
    assert "Met at a test venue" in html
    assert "What venue-test can look like." in html
    assert response["Cache-Control"].count("no-store") == 1


def test_worker_completes_checklist_and_sees_steps_guidance_and_contacts(worker_client, content):
    ind = content["indicators"]
    response = submit(
        worker_client,
        immediate_danger="no",
        region="north",
        setting="street",
        age_band="15_17",
        **{
            field(ind["venue"]): "yes",
            field(ind["no-id"]): "not_sure",
            field(ind["address"]): "no",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == RESULT

    result = worker_client.get(RESULT)
    html = result.content.decode()
    assert result.status_code == 200
    assert "no-store" in result["Cache-Control"]
    # What was noted, yes and not sure apart, in neutral words.
    assert "Does not know the address" not in html
    assert html.index("Signs noted") < html.index("Met at a test venue")
    assert html.index("Met at a test venue") < html.index("<h3>Not sure</h3>")
    assert html.index("<h3>Not sure</h3>") < html.index("Has no identity document")
    assert "1 sign noted, 1 not sure." in html
    # Next steps chosen by the rules: refer, treat as a child, victim first (met in the
    # street, so not the custody wording).
    assert 'id="step-refer"' in html
    assert 'id="step-treat-as-child"' in html
    assert 'id="step-victim-first"' in html
    assert 'id="step-not-an-offender"' not in html
    assert 'id="step-call-emergency"' not in html
    # Guidance attached to the noted indicators.
    assert "Guidance when venue is noted." in html
    assert "Treat as a child until age is verified." in html
    # The contacts the steps name, national before international; not another region's,
    # and not a shelter, which no step shown here names (no accompanying adult noted).
    assert html.index("Test Child Helpline") < html.index("Test International")
    assert "South Shelter" not in html
    assert "North Shelter" not in html
    assert 'href="tel:1098"' in html
    # How each number was checked, beside it; never "example".
    assert "not checked by phone" in html
    assert "xample" not in html
    assert "not a diagnosis" in html


def test_saved_record_holds_exactly_the_allowed_fields(worker_client, content):
    ind = content["indicators"]
    submit(
        worker_client,
        immediate_danger="yes",
        region="north",
        setting="venue",
        age_band="not_sure",
        **{
            field(ind["venue"]): "yes",
            field(ind["no-id"]): "not_sure",
            field(ind["address"]): "no",
        },
    )
    assert UsageRecord.objects.count() == 1
    record = UsageRecord.objects.values().get()
    assert set(record) == {
        "id",
        "day",
        "region_id",
        "setting",
        "age_band",
        "immediate_danger",
        "noted_count",
    }
    assert record["day"] == timezone.localdate()
    assert record["region_id"] == content["region"].pk
    assert (record["setting"], record["age_band"]) == ("venue", "not_sure")
    assert record["immediate_danger"] is True
    assert record["noted_count"] == 2
    answers = set(UsageAnswer.objects.values_list("indicator_version_id", "answer"))
    assert answers == {
        (ind["venue"].current_version_id, "yes"),
        (ind["no-id"].current_version_id, "not_sure"),
    }
    # The kinds of the contacts shown: those the steps name (no step names a shelter here).
    kinds = set(UsageContactKind.objects.values_list("kind", flat=True))
    assert kinds == {"emergency", "child_helpline", "anti_trafficking"}


def test_stored_tables_have_no_column_that_could_identify_anyone(db):
    allowed = {
        "screening_usagerecord": {
            "id",
            "day",
            "region_id",
            "setting",
            "age_band",
            "immediate_danger",
            "noted_count",
        },
        "screening_usageanswer": {"id", "record_id", "indicator_version_id", "answer"},
        "screening_usagecontactkind": {"id", "record_id", "kind"},
        "screening_submissiontoken": {"token_hash", "day"},
    }
    with connection.cursor() as cursor:
        for table, columns in allowed.items():
            description = connection.introspection.get_table_description(cursor, table)
            assert {col.name for col in description} == columns, table


def test_result_puts_the_danger_panel_and_call_step_before_the_next_steps(worker_client, content):
    ind = content["indicators"]
    submit(worker_client, immediate_danger="yes", region="north", **{field(ind["venue"]): "yes"})
    html = worker_client.get(RESULT).content.decode()
    # The call button comes before everything else in the page's main content.
    main = html.split('<main id="main"', 1)[1]
    assert main.index('href="tel:100"') < main.index("Leave this page")
    assert main.index('href="tel:100"') < main.index("<h1>")
    assert html.index("The child is in danger: call now") < html.index('id="step-refer"')


def test_result_with_nothing_noted_still_shows_contacts_and_says_nothing_is_ruled_out(
    worker_client, content
):
    ind = content["indicators"]
    submit(worker_client, **{field(ind["venue"]): "no"})
    html = worker_client.get(RESULT).content.decode()
    assert 'id="step-nothing-noted"' in html
    assert "no checklist can rule trafficking out" in html
    assert 'id="step-refer"' not in html
    assert "Test Child Helpline" in html
    record = UsageRecord.objects.get()
    assert record.noted_count == 0
    assert not UsageAnswer.objects.exists()


def test_submitting_the_same_form_twice_saves_one_record(worker_client, content):
    ind = content["indicators"]
    data = {"token": start_checklist(worker_client), field(ind["venue"]): "yes"}
    first = worker_client.post(CHECKLIST, data)
    second = worker_client.post(CHECKLIST, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == RESULT
    assert UsageRecord.objects.count() == 1
    assert SubmissionToken.objects.count() == 1


def test_a_spent_token_saves_nothing_even_when_the_session_forgot_it(client, worker, content):
    ind = content["indicators"]
    sign_in(client, worker)
    token = start_checklist(client)
    client.post(CHECKLIST, {"token": token, field(ind["venue"]): "yes"})
    # A second device or a restored session sends the same form again.
    session = client.session
    session["checklist_token"] = token
    session.pop("checklist_result")
    session.save()
    client.post(CHECKLIST, {"token": token, field(ind["venue"]): "yes"})
    assert UsageRecord.objects.count() == 1


def test_finish_forgets_the_result(worker_client, content):
    ind = content["indicators"]
    submit(worker_client, **{field(ind["venue"]): "yes"})
    response = worker_client.post(FINISH)
    assert response.status_code == 302
    assert "checklist_result" not in worker_client.session
    after = worker_client.get(RESULT)
    assert after.status_code == 302
    assert after["Location"] == CHECKLIST
    # The anonymised record stays: it never held the answers' owner.
    assert UsageRecord.objects.count() == 1


def test_result_without_a_checklist_sends_the_worker_to_the_checklist(worker_client, db):
    response = worker_client.get(RESULT)
    assert response.status_code == 302
    assert response["Location"] == CHECKLIST


def test_editing_an_indicator_after_a_record_leaves_the_record_meaning_unchanged(
    worker_client, content
):
    venue = content["indicators"]["venue"]
    old_version = venue.current_version
    submit(worker_client, **{field(venue): "yes"})
    venue.text = "Was met in a place where sex is sold"
    venue.save()
    venue.refresh_from_db()
    answer = UsageAnswer.objects.select_related("indicator_version").get()
    assert answer.indicator_version == old_version
    assert answer.indicator_version.text == "Met at a test venue"
    assert venue.current_version != old_version
    assert venue.current_version.text == "Was met in a place where sex is sold"
    # The worker's result still shows the wording they answered.
    assert "Met at a test venue" in worker_client.get(RESULT).content.decode()


def test_inactive_indicator_is_not_on_new_checklists(worker_client, content):
    venue = content["indicators"]["venue"]
    venue.active = False
    venue.save()
    html = worker_client.get(CHECKLIST).content.decode()
    assert "Met at a test venue" not in html
    assert "Does not know the address" in html


# Bad input: a clear message or a 400, never a 500, never a record.


def test_forged_indicator_id_gets_a_clear_message_and_saves_nothing(worker_client, content):
    response = submit(worker_client, v999999="yes")
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "The checklist was updated while you were filling it in" in html
    assert not UsageRecord.objects.exists()


@pytest.mark.parametrize(
    "name,value",
    [
        ("answer", "maybe"),
        ("immediate_danger", "definitely"),
        ("setting", "nightclub-2"),
        ("age_band", "17"),
        ("region", "atlantis"),
        ("answer", "x" * 10_000),
    ],
)
def test_forged_choice_or_unknown_region_is_refused_next_to_the_field(
    worker_client, content, name, value
):
    ind = content["indicators"]
    data = {field(ind["venue"]): "yes"}
    target = field(ind["address"]) if name == "answer" else name
    data[target] = value
    response = submit(worker_client, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Select a valid choice" in html
    expected_anchor = f'href="#id_{target}' if name != "answer" else f'href="#id_{target}_0"'
    assert expected_anchor in html
    assert not UsageRecord.objects.exists()
    # The answers already given are kept for the next try.
    assert f'name="{field(ind["venue"])}" value="yes"' in html and "checked" in html


def test_empty_checklist_is_refused_with_a_message(worker_client, content):
    response = submit(worker_client, region="north")
    assert response.status_code == 200
    assert "Answer at least one question" in response.content.decode()
    assert not UsageRecord.objects.exists()


def test_wrong_types_and_repeated_values_never_give_a_500(worker_client, content):
    venue = field(content["indicators"]["venue"])
    token = start_checklist(worker_client)
    response = worker_client.post(
        CHECKLIST,
        f"token={token}&{venue}=yes&{venue}=no&region[]=north&setting=%00&age_band=%FF",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not UsageRecord.objects.exists()


def test_missing_csrf_token_is_refused_with_a_clear_page(worker, content):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, worker)
    token = start_checklist(client)
    response = client.post(
        CHECKLIST, {"token": token, field(content["indicators"]["venue"]): "yes"}
    )
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert not UsageRecord.objects.exists()


def test_oversized_body_is_refused_with_a_400(worker_client, content):
    token = start_checklist(worker_client)
    response = worker_client.post(CHECKLIST, {"token": token, "padding": "x" * 400_000})
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
    assert not UsageRecord.objects.exists()


def test_too_many_fields_is_refused_with_a_400(worker_client, content):
    token = start_checklist(worker_client)
    data = {"token": token, **{f"v{n}": "yes" for n in range(1000, 1600)}}
    response = worker_client.post(CHECKLIST, data)
    assert response.status_code == 400
    assert not UsageRecord.objects.exists()


def test_a_stale_token_keeps_the_answers_and_asks_to_send_again(worker_client, content):
    venue = field(content["indicators"]["venue"])
    start_checklist(worker_client)
    response = worker_client.post(CHECKLIST, {"token": "from-an-old-page", venue: "yes"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "send again" in html
    assert not UsageRecord.objects.exists()
    # Sending again with the fresh token on the re-shown form works.
    again = worker_client.post(CHECKLIST, {"token": token_from(response), venue: "yes"})
    assert again.status_code == 302
    assert UsageRecord.objects.count() == 1


def test_a_failed_save_leaves_nothing_half_saved(worker_client, content, monkeypatch):
    from django.db import DatabaseError

    def explode(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(UsageContactKind.objects, "bulk_create", explode)
    venue = field(content["indicators"]["venue"])
    worker_client.raise_request_exception = False
    response = submit(worker_client, **{venue: "yes"})
    assert response.status_code == 500
    assert not UsageRecord.objects.exists()
    assert not UsageAnswer.objects.exists()
    assert not SubmissionToken.objects.exists()


def test_a_refused_form_is_built_from_content_kept_per_language(
    worker_client, content, monkeypatch
):
    from screening.frontline import views

    venue = content["indicators"]["venue"]
    Indicator.objects.filter(pk=venue.pk).update(text_ne="परीक्षण स्थानमा भेटियो")
    read = []
    sections = views.checklist_sections
    monkeypatch.setattr(views, "checklist_sections", lambda: read.append(1) or sections())
    start_checklist(worker_client)
    refused = {"token": "from-an-old-page", field(venue): "yes"}
    for language, text in [("en", "Met at a test venue"), ("ne", "परीक्षण स्थानमा भेटियो")]:
        worker_client.cookies["django_language"] = language
        read.clear()
        first = worker_client.post(CHECKLIST, refused).content.decode()
        assert text in first
        assert read, "the form's content was not read for this language"
        read.clear()
        again = worker_client.post(CHECKLIST, refused).content.decode()
        assert text in again
        # Read again only for the translation note, which is not kept (not in English).
        assert len(read) == (0 if language == "en" else 1)
    assert "Met at a test venue" not in first


def test_checklist_items_are_plain_text_in_the_active_language(content):
    from django.utils import translation

    from screening.frontline.forms import checklist_items
    from screening.frontline.views import checklist_sections

    venue = content["indicators"]["venue"]
    Indicator.objects.filter(pk=venue.pk).update(text_ne="परीक्षण स्थानमा भेटियो")
    with translation.override("ne"):
        items = checklist_items(checklist_sections())
    indicators = {item.slug: item for section in items for item in section.indicators}
    assert indicators["venue-test"].text == "परीक्षण स्थानमा भेटियो"
    assert (
        indicators["venue-test"].version_id == Indicator.objects.get(pk=venue.pk).current_version_id
    )
    assert type(indicators["venue-test"].text) is str
    slugs = [section.slug for section in items]
    assert slugs.index("hidden-test") < slugs.index("age-test")  # in position order


# Query counts: flat when indicators are added.


def add_indicators(count: int) -> None:
    section = make_section("bulk-test", title="Bulk", position=200)
    for n in range(count):
        make_indicator(section, f"bulk-{n}", position=n)


def test_checklist_query_count_is_pinned_and_flat(
    worker_client, content, django_assert_num_queries
):
    # A cold cache (first view of this content): 1 session with its user and the content
    # version (screening/session_backends), 2 regions with their countries, 3 countries,
    # 4 the account's remembered region (once a session), 5 the place's emergency numbers (the
    # Call button under the danger question), 6-7 every region's first emergency number and
    # their regions (the button follows the region picked), 8 sections, 9 indicators
    # (prefetch), 10 the Dashboard permission for the menu (one query, then kept a minute,
    # screening/web/context_processors.py), 11 the session update that stores the new
    # one-time token, 12-13 the savepoint pair.
    with django_assert_num_queries(13):
        worker_client.get(CHECKLIST)
    add_indicators(30)
    # Cold again (the content changed), token and region already in the session: 1 session
    # with its user and the content version, 2 regions, 3 countries, 4 emergency numbers, 5-6
    # every region's first emergency number, 7 sections, 8 indicators (the Dashboard
    # permission is kept).
    with django_assert_num_queries(8):
        worker_client.get(CHECKLIST)
    # Warm, the whole page from the cache: 1 session with its user and the content version.
    with django_assert_num_queries(1):
        worker_client.get(CHECKLIST)


def test_result_query_count_is_pinned_and_flat(worker_client, content, django_assert_num_queries):
    add_indicators(30)
    data = {f"v{ind.current_version_id}": "yes" for ind in Indicator.objects.all()}
    submit(worker_client, region="north", **data)
    # 1 session with its user and the content version, 2 noted versions with indicator and
    # section, 3 contacts, 4 contacts' regions (prefetch), 5 the chosen steps' texts with
    # their guidance, 6 the other guidance to link to (the regions and countries come from
    # the content cache the checklist filled; the Dashboard permission was kept from the
    # checklist). No session write: the submission saved it less than a minute ago.
    with django_assert_num_queries(6):
        response = worker_client.get(RESULT)
    assert response.status_code == 200
    noted = response.content.decode().split("Signs noted", 1)[1].split("More guidance")[0]
    assert noted.count("<li>") >= 33
    # Again, the page from the cache: 1 session with its user and the content version.
    with django_assert_num_queries(1):
        again = worker_client.get(RESULT)
    assert again.content.decode().split("Signs noted", 1)[1].split("More guidance")[0] == noted


def test_contacts_query_count_is_pinned_and_flat(worker_client, content, django_assert_num_queries):
    contacts = reverse("screening:contacts")
    # A cold cache, first page of the session: 1 session with its user and the content
    # version, 2 regions with their countries, 3 countries, 4 the account's remembered region
    # (once a session), 5 the Dashboard permission for the menu (then kept a minute), 6 the
    # active contacts with their country, 7 their regions (prefetch), 8 savepoint, 9 the session
    # update that keeps the remembered region, 10 release savepoint.
    with django_assert_num_queries(10):
        assert worker_client.get(contacts).status_code == 200
    for n in range(30):
        make_contact(f"Bulk contact {n}", phones=f"1{n:03d}")
    # Cold again (the content changed), more contacts, region kept in the session: 1 session
    # with its user and the content version, 2 regions, 3 countries, 4 contacts, 5 their
    # regions. Not one query per contact.
    with django_assert_num_queries(5):
        html = worker_client.get(contacts).content.decode()
    assert "Bulk contact 29" in html
    # Warm, the whole page from the cache: 1 session with its user and the content version.
    with django_assert_num_queries(1):
        worker_client.get(contacts)


def test_not_sure_about_danger_is_not_stored_as_danger(worker_client, content):
    ind = content["indicators"]
    submit(worker_client, immediate_danger="not_sure", **{field(ind["venue"]): "yes"})
    submit(worker_client, immediate_danger="yes", **{field(ind["venue"]): "yes"})
    submit(worker_client, immediate_danger="no", **{field(ind["venue"]): "yes"})
    assert list(UsageRecord.objects.order_by("pk").values_list("immediate_danger", flat=True)) == [
        False,
        True,
        False,
    ]


@pytest.mark.django_db(transaction=True)
def test_a_spent_token_outside_a_test_transaction_saves_nothing_and_leaves_no_error():
    """As in production, where no test transaction wraps the request (autocommit)."""
    from django.db import transaction

    from screening.frontline.recording import record_usage

    def record() -> bool:
        return record_usage(
            token="one-token",  # noqa: S106 - a submission token, not a password
            answers={},
            region_id=None,
            setting="",
            age_band="",
            immediate_danger=True,
            contact_kinds=[],
        )

    assert record() is True
    with CaptureQueriesContext(connection) as queries:
        assert record() is False
    assert UsageRecord.objects.count() == 1
    assert SubmissionToken.objects.count() == 1
    assert not any("SAVEPOINT" in query["sql"] for query in queries.captured_queries)
    # Inside an outer transaction too: refused, and the outer one goes on.
    with transaction.atomic():
        assert record() is False
        assert UsageRecord.objects.count() == 1
    assert connection.get_autocommit() and not connection.in_atomic_block


def test_the_submission_token_is_stored_hashed_never_raw(worker_client, content):
    import hashlib

    token = start_checklist(worker_client)
    submit(worker_client, token=token, immediate_danger="yes", region="north")
    stored = list(SubmissionToken.objects.values_list("token_hash", flat=True))
    assert stored == [hashlib.sha256(token.encode()).hexdigest()]
    assert token not in stored[0]


def test_a_record_keeps_only_a_region_the_worker_chose(client, worker, content, settings):
    # The deployment's default region gives the numbers, but the worker did not choose it.
    settings.SCREENING_DEFAULT_REGION = "north"
    sign_in(client, worker)
    assert submit(client, immediate_danger="yes").status_code == 302
    assert UsageRecord.objects.latest("pk").region is None
    # A region chosen on the form is kept.
    assert submit(client, immediate_danger="yes", region="south").status_code == 302
    assert UsageRecord.objects.latest("pk").region == content["other_region"]
    # A country chosen without a region (a new session, nothing remembered on the account).
    settings.SCREENING_DEFAULT_REGION = ""
    AccountPreference.objects.filter(user=worker).delete()
    other = Client()
    sign_in(other, worker)
    other.get(CHECKLIST, {"country": content["region"].country.code})
    assert submit(other, immediate_danger="yes").status_code == 302
    assert UsageRecord.objects.latest("pk").region is None
    # The numbers came from that country all the same: the result names its emergency number.
    assert 'href="tel:100"' in other.get(RESULT).content.decode()
