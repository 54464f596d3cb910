"""Template helpers for editor-written text: always escaped, never evaluated."""

import unicodedata

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def paragraphs(text: str) -> SafeString:
    """Render plain text: blank lines split paragraphs, lines starting '- ' become a list."""
    blocks = [block.strip() for block in str(text or "").replace("\r\n", "\n").split("\n\n")]
    html = []
    for block in filter(None, blocks):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = format_html_join("", "<li>{}</li>", ((line[2:],) for line in lines))
            html.append(f"<ul>{items}</ul>")
        else:
            html.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return mark_safe("".join(html))  # noqa: S308 - every piece above is escaped


@register.filter
def tel_href(number: str) -> str:
    """Turn a displayed phone number into a tel: URI (Western digits and a leading + only)."""
    number = str(number).strip()
    # Digits of any script (Devanagari, Bengali, Arabic-Indic…) dial as the Western digit.
    digits = "".join(str(unicodedata.decimal(ch)) for ch in number if ch.isdecimal())
    return f"tel:{'+' if number.startswith('+') else ''}{digits}"


@register.filter
def bdi(text) -> SafeString:
    """Isolate a name (a region, a contact) put into translated text, so that its direction
    never mixes with the sentence's: an English name in Urdu keeps its brackets and order."""
    return format_html("<bdi>{}</bdi>", text)
