"""Phone numbers: one check decides for the model, the admin and the content import."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from screening.choices import ContactKind, ContactScope
from screening.content import transfer as content_io
from screening.content.content_file import ContentFileError
from screening.content.validation import validate_content
from screening.models import SupportContact, clean_phone_numbers
from tests.conftest import make_contact


@pytest.mark.parametrize(
    ("number", "dialable"),
    [
        ("1098", True),
        ("+977 1 4433 000", True),
        ("977 (1) 4433-000", True),
        ("+1-555-0100", True),
        ("12", True),
        ("1", False),  # too short to be a number anyone answers
        ("+", False),
        ("0" + "1" * 31, False),  # longer than any number
        ("1098 ext. 2", False),
        ("javascript:alert(1)", False),
        ("tel:1098", False),
        ("+977+1", False),
        ("١٠٩٨", False),  # digits a tel: link cannot carry as written
    ],
)
def test_one_phone_check_decides_for_the_model_the_admin_and_the_import(
    editor_client, db, number, dialable
):
    # The rule itself: strips, leaves blank lines out, refuses what cannot be dialled.
    if dialable:
        assert clean_phone_numbers([f"  {number} ", "", "1098"]) == [number, "1098"]
    else:
        with pytest.raises(ValidationError):
            clean_phone_numbers(["1098", number])

    # The model, as any write through full_clean sees it.
    contact = SupportContact(
        name="Model Line", kind=ContactKind.CHILD_HELPLINE, scope=ContactScope.NATIONAL
    )
    contact.phones = f"1098\n{number}"
    try:
        contact.full_clean()
        model_accepts = True
    except ValidationError as exc:
        model_accepts = "phones" not in exc.message_dict

    # The admin form an editor uses.
    editor_client.post(
        reverse("admin:screening_supportcontact_add"),
        {
            "name_en": "Admin Line",
            "kind": ContactKind.CHILD_HELPLINE,
            "scope": ContactScope.NATIONAL,
            "phones": f"1098\n{number}",
            "verification": "not_checked",
            "position": "0",
            "active": "on",
        },
    )
    admin_accepts = SupportContact.objects.filter(name_en="Admin Line").exists()

    # The content import.
    make_contact("Import Line")
    data = content_io.export_content()
    data["contacts"][0]["phones"] = ["1098", number]
    try:
        validate_content(data)
        import_accepts = True
    except ContentFileError as exc:
        assert all("phones" in problem for problem in exc.messages), exc.messages
        import_accepts = False

    assert (model_accepts, admin_accepts, import_accepts) == (dialable, dialable, dialable)


@pytest.mark.parametrize("number", ["(-)", "--", "-1098", "(-1098", "1-", "1 ()", "+1 -"])
def test_a_number_needs_two_digits_and_cannot_start_with_a_dash(number):
    """Punctuation alone, or one digit, is nothing a worker can dial; nor is a leading dash."""
    with pytest.raises(ValidationError) as refused:
        clean_phone_numbers(["1098", number])
    assert refused.value.code == "invalid_phone"
    assert number in refused.value.messages[0]
