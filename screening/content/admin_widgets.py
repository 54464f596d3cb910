"""Boxes an editor can write a sentence in, in every language.

django-modeltranslation gives each language its own field; Django's admin would draw a short
text one as a one-line box of about 270 px. Each translated field here gets a text area wide
enough for a sentence, marked with its language (so the browser picks the right fonts,
spelling and line breaking) and written right to left where the language is.
"""

from django import forms
from django.utils.translation import get_language_info

# Below this many characters a field holds a name: one line (a wide one) is enough.
SENTENCE_LENGTH = 150


def language_attrs(language: str) -> dict[str, str]:
    try:
        bidi = get_language_info(language)["bidi"]
    except KeyError:
        bidi = False
    return {"lang": language, "dir": "rtl" if bidi else "ltr"}


class TranslatedTextMixin:
    """For a ModelAdmin with translated fields (modeltranslation's TranslationAdmin)."""

    class Media:
        css = {"all": ("screening/admin.css",)}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is None or not language:
            return field
        widget = field.widget
        attrs = {**widget.attrs, **language_attrs(language)}
        classes = {*attrs.get("class", "").split(), "translated-text"}
        if isinstance(widget, forms.Textarea):
            attrs["rows"] = attrs.get("rows", 4)
        elif isinstance(widget, forms.TextInput) and (db_field.max_length or 0) >= SENTENCE_LENGTH:
            # A title, a name or a note: a sentence, so a text area of two lines that grows.
            widget = forms.Textarea(attrs={"rows": 2})
            attrs["maxlength"] = str(db_field.max_length)
        attrs["class"] = " ".join(sorted(classes))
        widget.attrs = {**widget.attrs, **attrs}
        field.widget = widget
        return field
