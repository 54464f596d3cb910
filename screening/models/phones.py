"""The one phone number rule: what a worker can dial."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# An optional +, then a digit (never a dash or a bracket first), and at least one more digit
# among the spaces, brackets and dashes: "1-" or "1 ()" is one digit, nothing to dial.
phone_validator = RegexValidator(
    regex=r"^\+?[0-9](?=[^0-9]*[0-9])[0-9 ()-]{1,30}$",
    message=_(
        "Enter one phone number per line, using digits, spaces, brackets, dashes "
        "and an optional + at the start, for example +977 1 4433 000 or 1098."
    ),
)


def clean_phone_numbers(lines: Iterable[str]) -> list[str]:
    """Return the numbers among lines, stripped, blanks left out; refuse one a worker cannot dial.

    The one phone check: the model, the admin form and the content import all call it.
    """
    numbers = [line.strip() for line in lines if line.strip()]
    for index, number in enumerate(numbers, start=1):
        try:
            phone_validator(number)
        except ValidationError as exc:
            raise ValidationError(
                _(
                    "Number %(index)s, “%(number)s”, is not a phone number a worker can "
                    "dial. Use digits, spaces, brackets and dashes, with an optional + at "
                    "the start, for example +977 1 4433 000 or 1098. Put each number on "
                    "its own line."
                ),
                params={"index": index, "number": number[:40]},
                code="invalid_phone",
            ) from exc
    return numbers


def validate_phone_lines(value: str) -> None:
    """Validate every non-empty line of a phone list as one dialable number."""
    clean_phone_numbers(value.splitlines())
