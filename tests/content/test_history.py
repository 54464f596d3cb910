"""Content history: who changed what, reverting, and wording versions that records keep."""

import pytest
from django.urls import reverse

from screening.models import Guidance, Indicator, IndicatorVersion, Region, Section, SupportContact
from tests.conftest import make_guidance, make_record, sign_in


def submitted(response) -> dict:
    """The data a browser would send back from an admin form page, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        forms += [formset.management_form, *formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)
    return data


def edit(client, obj, **changes):
    """Change obj through its admin page as an editor would, and return the response."""
    model = obj._meta.model_name
    url = reverse(f"admin:screening_{model}_change", args=[obj.pk])
    data = submitted(client.get(url))
    data.update(changes)
    return client.post(url, data)


def revert(client, obj, historical):
    """Press "Revert" on a past version in the history, as an editor would."""
    model = obj._meta.model_name
    url = reverse(f"admin:screening_{model}_simple_history", args=[obj.pk, historical.history_id])
    return client.post(url, submitted(client.get(url)))


def test_it_records_who_changed_an_indicator_and_when(editor_client, editor, content):
    indicator = content["indicators"]["venue"]
    response = edit(editor_client, indicator, text_en="Met at or near a test venue")
    assert response.status_code == 302
    latest = indicator.history.latest()
    assert latest.history_user == editor
    assert latest.history_type == "~"
    assert latest.text_en == "Met at or near a test venue"
    page = editor_client.get(reverse("admin:screening_indicator_history", args=[indicator.pk]))
    html = page.content.decode()
    assert "editor1" in html
    assert "Met at or near a test venue" in html


@pytest.mark.parametrize("model", ["region", "section", "guidance", "supportcontact"])
def test_it_keeps_history_with_the_editor_for_every_content_model(
    editor_client, editor, content, model
):
    obj = {
        "region": content["region"],
        "section": content["sections"][0],
        "guidance": make_guidance("history-test"),
        "supportcontact": content["contacts"]["local"],
    }[model]
    response = edit(editor_client, obj, position="77")
    assert response.status_code == 302, response.content.decode()[:3000]
    latest = obj.history.latest()
    assert latest.history_user == editor
    assert latest.position == 77


def test_it_reverts_the_wording_and_reuses_the_old_version(editor_client, content):
    indicator = content["indicators"]["venue"]
    first = indicator.history.earliest()
    old_version = indicator.current_version
    record = make_record(answers={indicator: "yes"})

    edit(editor_client, indicator, text_en="Met at or near a test venue")
    indicator.refresh_from_db()
    assert indicator.current_version.number == 2
    later = make_record(answers={indicator: "not_sure"})

    response = revert(editor_client, indicator, first)
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.text_en == "Met at a test venue"
    # Going back to an old wording reuses its version: statistics add up across the change.
    assert indicator.current_version == old_version
    assert indicator.versions.count() == 2
    # Each record still shows the wording that was answered.
    assert record.answers.get().indicator_version.text == "Met at a test venue"
    assert later.answers.get().indicator_version.text == "Met at or near a test venue"


def test_it_keeps_both_wordings_for_the_dashboard(editor_client, content):
    indicator = content["indicators"]["venue"]
    make_record(answers={indicator: "yes"})
    edit(editor_client, indicator, text_en="Met at or near a test venue")
    indicator.refresh_from_db()
    make_record(answers={indicator: "yes"})
    wordings = set(
        IndicatorVersion.objects.filter(answers__isnull=False, indicator=indicator)
        .values_list("text", flat=True)
        .distinct()
    )
    assert wordings == {"Met at a test venue", "Met at or near a test venue"}
    page = editor_client.get(reverse("admin:screening_indicatorversion_changelist"))
    html = page.content.decode()
    assert "Met at a test venue" in html
    assert "Met at or near a test venue" in html


def test_it_makes_no_new_version_for_a_translation_or_help_change(editor_client, content):
    indicator = content["indicators"]["venue"]
    edit(editor_client, indicator, text_ne="नेपाली पाठ", help_en="Better help.")
    indicator.refresh_from_db()
    assert indicator.versions.count() == 1
    assert indicator.help_en == "Better help."


def test_it_reverts_a_contact_with_its_regions(editor_client, content):
    contact = content["contacts"]["local"]
    first = contact.history.latest()
    edit(
        editor_client,
        contact,
        phones="+977 1 555 9999",
        regions=[str(content["other_region"].pk)],
    )
    contact.refresh_from_db()
    assert contact.phones == "+977 1 555 9999"
    response = revert(editor_client, contact, first)
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.phones == "+977 1 555 0101"
    assert list(contact.regions.all()) == [content["region"]]


def test_it_keeps_the_history_of_deleted_guidance(editor_client, editor, db):
    guidance = make_guidance("short-lived")
    pk = guidance.pk
    url = reverse("admin:screening_guidance_delete", args=[pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Guidance.objects.filter(pk=pk).exists()
    deleted = Guidance.history.filter(id=pk).latest()
    assert deleted.history_type == "-"
    assert deleted.history_user == editor


def test_it_keeps_a_retired_indicator_in_history_and_statistics(editor_client, content):
    indicator = content["indicators"]["venue"]
    record = make_record(answers={indicator: "yes"})
    edit(editor_client, indicator, active="")
    indicator.refresh_from_db()
    assert not indicator.active
    assert Indicator.objects.filter(pk=indicator.pk).exists()
    assert record.answers.get().indicator_version.indicator == indicator
    assert indicator.history.latest().active is False
    editor_client.get(reverse("admin:screening_indicator_changelist"))  # shows the saved note
    html = editor_client.get(reverse("screening:checklist")).content.decode()
    assert "Met at a test venue" not in html


def test_it_records_list_edits_of_positions_in_history(editor_client, editor, content):
    hidden, age = content["sections"]
    response = editor_client.post(
        reverse("admin:screening_section_changelist"),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": hidden.pk,
            "form-0-position": "5",
            "form-0-active": "on",
            "form-1-id": age.pk,
            "form-1-position": "101",
            "form-1-active": "on",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    latest = Section.objects.get(pk=hidden.pk).history.latest()
    assert (latest.position, latest.history_user) == (5, editor)


def test_it_lets_editors_open_the_revert_page_but_workers_cannot(client, worker, content):
    region = content["region"]
    historical = region.history.latest()
    url = reverse("admin:screening_region_simple_history", args=[region.pk, historical.history_id])
    sign_in(client, worker)
    response = client.post(url, {"name_en": "Hijacked", "code": region.code, "position": 0})
    assert response.status_code == 302
    assert Region.objects.get(pk=region.pk).name_en == "North Province"


def test_shipped_content_has_a_baseline_so_the_first_edit_can_be_reverted(editor_client):
    indicator = Indicator.objects.get(slug=Indicator.objects.values_list("slug", flat=True)[0])
    shipped = indicator.text_en
    assert indicator.history.filter(history_change_reason="Shipped with the app").exists()
    # The latest entry is the shipped one, or 0020's correction of the shipped English.
    baseline = indicator.history.order_by("-history_date", "-history_id").first()
    assert baseline.history_change_reason in (
        "Shipped with the app",
        "Corrected English before translation (issue #8)",
    )
    indicator.text_en = "An edited wording"
    indicator.save()
    baseline.instance.save()
    indicator.refresh_from_db()
    assert indicator.text_en == shipped
    assert indicator.current_version.number == 1
    # The latest history entry of a contact keeps its regions, so reverting keeps them too.
    contact = SupportContact.objects.filter(regions__isnull=False).first()
    latest = contact.history.order_by("-history_date", "-history_id").first()
    assert set(latest.regions.values_list("region_id", flat=True)) == set(
        contact.regions.values_list("pk", flat=True)
    )


@pytest.mark.parametrize("language", ["ne", "ur"])
def test_versions_follow_the_english_wording_whatever_language_the_editors_screen_is_in(
    editor_client, content, settings, language
):
    indicator = content["indicators"]["venue"]
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("admin:screening_indicator_change", args=[indicator.pk])
    assert f'<html lang="{language}"' in editor_client.get(url).content.decode()

    response = edit(
        editor_client,
        indicator,
        text_en="Met at or near a test venue",
        **{f"text_{language}": "अनुवादित वाक्य"},
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert list(indicator.versions.values_list("number", "text")) == [
        (1, "Met at a test venue"),
        (2, "Met at or near a test venue"),
    ]
    assert indicator.current_version.number == 2

    edit(editor_client, indicator, **{f"text_{language}": "दोस्रो अनुवाद"})
    indicator.refresh_from_db()
    assert indicator.versions.count() == 2
    assert indicator.current_version.number == 2
