"""The editors' admin: who gets in, what they can change, and how deletion is refused."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from screening.choices import ContactKind, ContactScope
from screening.models import (
    ContactReport,
    Guidance,
    Indicator,
    IndicatorVersion,
    Region,
    Section,
    SupervisorScope,
    SupportContact,
)
from tests.conftest import (
    make_contact,
    make_guidance,
    make_indicator,
    make_record,
    make_region,
    sign_in,
)

CONTENT = ["region", "section", "indicator", "guidance", "supportcontact"]


def content_pages(content: dict) -> list[str]:
    """Every admin page an editor works on: changelist, add, change and history per model."""
    guidance = make_guidance("refer-test")
    objects = {
        "region": content["region"],
        "section": content["sections"][0],
        "indicator": content["indicators"]["venue"],
        "guidance": guidance,
        "supportcontact": content["contacts"]["helpline"],
    }
    urls = []
    for model, obj in objects.items():
        urls += [
            reverse(f"admin:screening_{model}_changelist"),
            reverse(f"admin:screening_{model}_add"),
            reverse(f"admin:screening_{model}_change", args=[obj.pk]),
            reverse(f"admin:screening_{model}_history", args=[obj.pk]),
        ]
        latest = obj.history.latest()
        urls.append(
            reverse(f"admin:screening_{model}_simple_history", args=[obj.pk, latest.history_id])
        )
    version = content["indicators"]["venue"].current_version
    urls += [
        reverse("admin:screening_indicatorversion_changelist"),
        reverse("admin:screening_indicatorversion_change", args=[version.pk]),
        reverse("admin:screening_content_transfer"),
        reverse("admin:screening_content_export"),
        reverse("admin:index"),
        reverse("admin:app_list", args=["screening"]),
    ]
    return urls


def test_it_opens_every_content_page_for_an_editor(editor_client, content):
    for url in content_pages(content):
        response = editor_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("role", ["worker", "supervisor"])
def test_it_keeps_workers_and_supervisors_out_of_every_admin_page(client, content, role, request):
    sign_in(client, request.getfixturevalue(role))
    for url in content_pages(content):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url.startswith(reverse("admin:login")), url


def test_it_sends_anonymous_visitors_to_the_login(client, content):
    for url in content_pages(content):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url


def test_it_keeps_editors_away_from_users_groups_scopes_and_records(editor_client, editor):
    for url in [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[editor.pk]),
        reverse("admin:auth_group_changelist"),
        reverse("admin:screening_supervisorscope_changelist"),
    ]:
        assert editor_client.get(url).status_code == 403, url
    # Usage records are not in the admin at all: no single checklist is shown anywhere.
    assert editor_client.get("/admin/screening/usagerecord/").status_code == 404
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert "Users" not in index
    assert "Support contacts" in index
    assert "Move content between deployments" in index


def test_it_gives_editors_no_dashboard_unless_they_are_also_supervisors(editor, editor_client):
    assert not editor.has_perm("screening.view_dashboard")
    assert editor_client.get(reverse("screening:dashboard")).status_code in (302, 403)


def test_it_lets_an_editor_who_is_also_a_supervisor_see_the_dashboard(editor):
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Supervisors"))
    editor = User.objects.get(pk=editor.pk)
    assert editor.has_perm("screening.view_dashboard")


def test_it_lets_editors_view_but_never_change_indicator_versions(editor_client, content):
    version = content["indicators"]["venue"].current_version
    url = reverse("admin:screening_indicatorversion_change", args=[version.pk])
    response = editor_client.post(url, {"text": "Rewritten history"})
    assert response.status_code == 403
    version.refresh_from_db()
    assert version.text == "Met at a test venue"
    assert editor_client.get(reverse("admin:screening_indicatorversion_add")).status_code == 403
    delete = reverse("admin:screening_indicatorversion_delete", args=[version.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert IndicatorVersion.objects.filter(pk=version.pk).exists()


def test_it_lets_a_superuser_limit_a_supervisor_to_regions(client, content, supervisor):
    admin_user = User.objects.create_superuser("root", password="a-long-test-password-42")
    sign_in(client, admin_user)
    response = client.post(
        reverse("admin:screening_supervisorscope_add"),
        {"user": supervisor.pk, "regions": [content["region"].pk]},
    )
    assert response.status_code == 302
    scope = SupervisorScope.objects.get(user=supervisor)
    assert list(scope.regions.all()) == [content["region"]]


# --- changing content ---------------------------------------------------------------------


def indicator_form(indicator: Indicator, **changes) -> dict:
    data = {
        "section": indicator.section_id,
        "help_en": indicator.help_en,
        "guidance_en": indicator.guidance_en or "",
        "source": indicator.source,
        "position": indicator.position,
        "active": "on" if indicator.active else "",
        "text_en": indicator.text_en,
    }
    for lang in ("bn", "hi", "ne", "th"):
        for field in ("text", "help", "guidance"):
            data[f"{field}_{lang}"] = getattr(indicator, f"{field}_{lang}") or ""
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_it_saves_an_indicator_in_several_languages(editor_client, content):
    indicator = content["indicators"]["venue"]
    url = reverse("admin:screening_indicator_change", args=[indicator.pk])
    response = editor_client.post(url, indicator_form(indicator, text_ne="परीक्षण स्थानमा भेटियो"))
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.text_ne == "परीक्षण स्थानमा भेटियो"
    # Another language's wording is not a new version: statistics count the English wording.
    assert indicator.versions.count() == 1


def test_it_adds_an_indicator_with_a_first_version(editor_client, content):
    section = content["sections"][0]
    response = editor_client.post(
        reverse("admin:screening_indicator_add"),
        {
            "section": section.pk,
            "slug": "new-test",
            "text_en": "Is out at night with adults",
            "help_en": "Seen late in bars with older people.",
            "source": "Test source (2026).",
            "position": 9,
            "active": "on",
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(slug="new-test")
    assert indicator.current_version.number == 1
    assert indicator.current_version.text == "Is out at night with adults"


def test_it_shows_the_english_field_as_required(editor_client, content):
    response = editor_client.post(
        reverse("admin:screening_indicator_add"),
        {
            "section": content["sections"][0].pk,
            "slug": "no-text",
            "help_en": "x",
            "source": "x",
            "position": 1,
        },
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Indicator.objects.filter(slug="no-text").exists()


def test_it_keeps_the_code_fixed_once_created(editor_client, content):
    indicator = content["indicators"]["venue"]
    url = reverse("admin:screening_indicator_change", args=[indicator.pk])
    editor_client.post(url, indicator_form(indicator, slug="renamed"))
    indicator.refresh_from_db()
    assert indicator.slug == "venue-test"


def test_it_edits_positions_and_active_from_the_section_list(editor_client, content):
    hidden, age = content["sections"]
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": hidden.pk,
        "form-0-position": "7",
        "form-0-active": "on",
        "form-1-id": age.pk,
        "form-1-position": "3",
        "_save": "Save",
    }
    response = editor_client.post(reverse("admin:screening_section_changelist"), data)
    assert response.status_code == 302
    hidden.refresh_from_db()
    age.refresh_from_db()
    assert (hidden.position, hidden.active) == (7, True)
    assert (age.position, age.active) == (3, False)


def test_it_shows_indicators_inline_on_their_section(editor_client, content):
    section = content["sections"][0]
    page = editor_client.get(reverse("admin:screening_section_change", args=[section.pk]))
    html = page.content.decode()
    assert "Met at a test venue" in html
    assert "Does not know the address" in html
    assert "Has no identity document" not in html


def test_it_links_to_the_checklist_as_a_worker_sees_it(editor_client, content):
    indicator = content["indicators"]["venue"]
    page = editor_client.get(reverse("admin:screening_indicator_change", args=[indicator.pk]))
    assert 'href="/checklist/#indicator-venue-test"' in page.content.decode()
    section = content["sections"][0]
    page = editor_client.get(reverse("admin:screening_section_changelist"))
    assert 'href="/checklist/#section-hidden-test"' in page.content.decode()
    Section.objects.filter(pk=section.pk).update(active=False)
    page = editor_client.get(reverse("admin:screening_indicator_change", args=[indicator.pk]))
    assert "inactive: workers do not see it" in page.content.decode()


def test_it_searches_and_filters_indicators(editor_client, content):
    url = reverse("admin:screening_indicator_changelist")
    html = editor_client.get(url, {"q": "address"}).content.decode()
    assert "Does not know the address" in html
    assert "Met at a test venue" not in html
    age = content["sections"][1]
    html = editor_client.get(url, {"section__id__exact": age.pk}).content.decode()
    assert "Has no identity document" in html
    assert "Met at a test venue" not in html


# --- support contacts ---------------------------------------------------------------------


def contact_form(**changes) -> dict:
    data = {
        "name_en": "Test Helpline",
        "kind": ContactKind.CHILD_HELPLINE,
        "scope": ContactScope.NATIONAL,
        "phones": "1098",
        "verification": "not_checked",
        "position": "0",
        "active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phones": "1098\ncall the police"}, "Number 2, “call the police”, is not a phone number"),
        ({"email": "not-an-address"}, "Enter an email address such as help@example.org"),
        ({"website": "http//broken"}, "Enter the full web address"),
        ({"phones": "", "email": "", "website": ""}, "Give at least a phone number"),
        ({"last_verified": "2999-01-01"}, "cannot be in the future"),
        ({"verification": "called"}, "Enter the day it was checked."),
        ({"verification": "made-up"}, "Select a valid choice"),
    ],
)
def test_it_refuses_a_contact_that_cannot_be_reached(editor_client, db, changes, message):
    before = SupportContact.objects.count()
    response = editor_client.post(
        reverse("admin:screening_supportcontact_add"), contact_form(**changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SupportContact.objects.count() == before
    assert not SupportContact.objects.filter(name_en="Test Helpline").exists()


def test_it_saves_a_contact_with_clean_phone_lines(editor_client, db):
    response = editor_client.post(
        reverse("admin:screening_supportcontact_add"),
        contact_form(phones=" 1098 \n\n+977 1 4433 000", website="https://example.org/help"),
    )
    assert response.status_code == 302
    contact = SupportContact.objects.get(name_en="Test Helpline")
    assert contact.phones == "1098\n+977 1 4433 000"


def test_a_checked_contact_is_due_again_six_months_later_unless_set(editor_client, db):
    response = editor_client.post(
        reverse("admin:screening_supportcontact_add"),
        contact_form(verification="called", last_verified="2026-08-31", verified_by="Our NGO"),
    )
    assert response.status_code == 302
    contact = SupportContact.objects.get(name_en="Test Helpline")
    assert contact.recheck_due == datetime.date(2027, 2, 28)
    assert contact.verified_by == "Our NGO"


def test_it_lists_contacts_due_never_checked_and_reported(editor_client, db):
    today = timezone.localdate()
    SupportContact.objects.all().delete()
    make_contact("Never Checked")
    make_contact(
        "Due Again",
        verification="called",
        last_verified=today - datetime.timedelta(days=200),
    )
    make_contact(
        "Checked Lately",
        verification="official",
        last_verified=today - datetime.timedelta(days=30),
    )
    reported = make_contact(
        "Reported One", verification="called", last_verified=today - datetime.timedelta(days=5)
    )
    ContactReport.objects.create(contact=reported, day=today, reason="no_answer")
    ContactReport.objects.create(contact=reported, day=today, reason="wrong_service")
    url = reverse("admin:screening_supportcontact_changelist")
    everyone = ("Never Checked", "Due Again", "Checked Lately", "Reported One")

    def names(value: str) -> set[str]:
        html = editor_client.get(url, {"verification": value}).content.decode()
        return {name for name in everyone if name in html}

    assert names("due") == {"Never Checked", "Due Again"}
    assert names("never") == {"Never Checked"}
    assert names("reported") == {"Reported One"}
    assert names("current") == {"Checked Lately", "Reported One"}
    # Reports are counts per contact, by reason, on the list and on the contact.
    html = editor_client.get(url, {"verification": "reported"}).content.decode()
    assert '<td class="field-report_count">2</td>' in html
    page = editor_client.get(
        reverse("admin:screening_supportcontact_change", args=[reported.pk])
    ).content.decode()
    assert "Nobody answered: 1" in page and "It reached the wrong service: 1" in page


def test_the_action_records_a_call_made_today(editor_client, content):
    helpline = content["contacts"]["helpline"]
    url = reverse("admin:screening_supportcontact_changelist")
    response = editor_client.post(
        url,
        {"action": "mark_verified_today", "_selected_action": [helpline.pk]},
    )
    assert response.status_code == 302
    helpline.refresh_from_db()
    assert helpline.verification == "called"
    assert helpline.last_verified == timezone.localdate()
    assert helpline.recheck_due > helpline.last_verified


# --- deletion -----------------------------------------------------------------------------


def test_it_refuses_to_delete_an_answered_indicator_and_says_to_untick_active(
    editor_client, content
):
    indicator = content["indicators"]["venue"]
    make_record(answers={indicator: "yes"})
    url = reverse("admin:screening_indicator_delete", args=[indicator.pk])
    page = editor_client.get(url).content.decode()
    assert "cannot be deleted" in page
    assert "untick “Active”" in page
    assert "offered to workers, so past checklists may use it" in page
    response = editor_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_it_refuses_to_bulk_delete_answered_indicators(editor_client, content):
    indicator = content["indicators"]["venue"]
    make_record(answers={indicator: "not_sure"})
    before = Indicator.objects.count()
    response = editor_client.post(
        reverse("admin:screening_indicator_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [indicator.pk, content["indicators"]["address"].pk],
            "post": "yes",
        },
    )
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Indicator.objects.count() == before


def test_it_refuses_to_delete_a_section_that_holds_indicators(editor_client, content):
    section = content["sections"][0]
    url = reverse("admin:screening_section_delete", args=[section.pk])
    response = editor_client.post(url, {"post": "yes"})
    assert "still holds indicators" in response.content.decode()
    assert Section.objects.filter(pk=section.pk).exists()


def test_it_refuses_to_delete_a_region_that_records_name(editor_client, content):
    region = content["region"]
    make_record(region=region)
    url = reverse("admin:screening_region_delete", args=[region.pk])
    response = editor_client.post(url, {"post": "yes"})
    assert "offered to workers, so past checklists may use it" in response.content.decode()
    assert Region.objects.filter(pk=region.pk).exists()


def test_delete_refusals_give_no_count_that_would_show_one_more_checklist(editor_client, content):
    indicator, region = content["indicators"]["venue"], content["region"]
    pages = {
        reverse("admin:screening_indicator_delete", args=[indicator.pk]): "Met at a test venue",
        reverse("admin:screening_region_delete", args=[region.pk]): "North Province (Testland)",
    }
    for _ in range(6):
        make_record(region=region, answers={indicator: "yes"})

    def refusal(url: str) -> str:
        html = editor_client.get(url).content.decode()
        return re.search(r'<ul id="deleted-objects">(.*?)</ul>', html, re.S).group(1)

    before = {url: refusal(url) for url in pages}
    for url, name in pages.items():
        assert f"{name}: offered to workers, so past checklists may use it" in before[url]
        assert not re.search(r"\d", before[url]), before[url]
    make_record(region=region, answers={indicator: "yes"})
    assert {url: refusal(url) for url in pages} == before


def test_it_deletes_an_indicator_never_offered_to_workers(editor_client, content):
    # Made inactive and never shown: no checklist can have answered it.
    indicator = make_indicator(content["sections"][0], "draft-sign", active=False)
    url = reverse("admin:screening_indicator_delete", args=[indicator.pk])
    response = editor_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Indicator.objects.filter(pk=indicator.pk).exists()


def test_it_deletes_guidance_freely(editor_client, db):
    guidance = make_guidance("old-advice")
    url = reverse("admin:screening_guidance_delete", args=[guidance.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Guidance.objects.filter(pk=guidance.pk).exists()


def test_it_removes_a_deactivated_indicator_from_the_checklist_at_once(editor_client, content):
    indicator = content["indicators"]["venue"]
    assert (
        "Met at a test venue" in editor_client.get(reverse("screening:checklist")).content.decode()
    )
    url = reverse("admin:screening_indicator_change", args=[indicator.pk])
    response = editor_client.post(url, indicator_form(indicator, active=""), follow=True)
    assert response.status_code == 200
    html = editor_client.get(reverse("screening:checklist")).content.decode()
    assert "Met at a test venue" not in html
    assert "Does not know the address" in html


def delete_refusal(client, url: str) -> str:
    html = client.get(url).content.decode()
    found = re.search(r'<p class="errornote">.*?<ul id="deleted-objects">.*?</ul>', html, re.S)
    return found.group(0) if found else ""


@pytest.mark.parametrize("kind", ["region", "indicator"])
def test_a_delete_page_does_not_change_when_the_first_checklist_uses_the_item(
    editor_client, content, kind
):
    """Issue 24 (7): the refusal came with the first record, telling an editor it had arrived."""
    region = make_region("new-region", name="New Province", country="Testland")
    indicator = make_indicator(content["sections"][0], "new-sign", text="A new sign")
    item = region if kind == "region" else indicator
    url = reverse(f"admin:screening_{kind}_delete", args=[item.pk])
    before = delete_refusal(editor_client, url)
    assert "offered to workers, so past checklists may use it" in before
    make_record(region=region, answers={indicator: "yes"})
    assert delete_refusal(editor_client, url) == before
    response = editor_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert type(item).objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("kind", ["region", "indicator"])
def test_an_item_once_offered_to_workers_is_never_deletable_even_unused(
    editor_client, content, kind
):
    if kind == "region":
        item = make_region("short-lived", name="Short Lived", country="Testland")
    else:
        item = make_indicator(content["sections"][0], "short-lived", text="Short lived")
    item.active = False
    item.save()
    url = reverse(f"admin:screening_{kind}_delete", args=[item.pk])
    assert "offered to workers" in delete_refusal(editor_client, url)
    assert editor_client.post(url, {"post": "yes"}).status_code == 200
    assert type(item).objects.filter(pk=item.pk).exists()


def test_a_region_never_offered_to_workers_can_be_deleted(editor_client, content):
    region = make_region("typo-region", name="Typo Province", country="Testland", active=False)
    url = reverse("admin:screening_region_delete", args=[region.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Region.objects.filter(pk=region.pk).exists()


@pytest.mark.parametrize("bulk", [False, True])
def test_a_record_saved_during_a_delete_gets_advice_not_an_error_page(
    editor_client, content, monkeypatch, bulk
):
    from screening.content.admin import IndicatorAdmin

    indicator = content["indicators"]["venue"]
    make_record(answers={indicator: "yes"})
    # The admin's own check ran before the record arrived: only the database still knows.
    monkeypatch.setattr(
        IndicatorAdmin, "get_deleted_objects", lambda self, objs, request: ([], {}, set(), [])
    )
    before = Indicator.objects.count()
    if bulk:
        response = editor_client.post(
            reverse("admin:screening_indicator_changelist"),
            {"action": "delete_selected", "_selected_action": [indicator.pk], "post": "yes"},
            follow=True,
        )
    else:
        url = reverse("admin:screening_indicator_delete", args=[indicator.pk])
        response = editor_client.post(url, {"post": "yes"}, follow=True)
    assert response.status_code == 200
    assert "Nothing was deleted" in response.content.decode()
    assert Indicator.objects.count() == before
    assert Indicator.objects.filter(pk=indicator.pk).exists()
