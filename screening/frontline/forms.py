"""The checklist form, built from the active sections and indicators in the database."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, LayoutObject
from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from screening.choices import AgeBand, Answer, ReportReason, Setting
from screening.models import Region, Section, SupportContact
from screening.templatetags.screening_tags import tel_href

VERSION_FIELD = re.compile(r"^v(\d{1,18})$")

# "No" is the one answer a worker gives by not worrying; "not sure" is a real answer.
ANSWER_CHOICES = [(Answer.YES, _("Yes")), (Answer.NO, _("No")), (Answer.NOT_SURE, _("Not sure"))]


class AnswerChoices(BaseChoiceIterator):
    """ANSWER_CHOICES as a choice iterator, which Django's normalize_choices takes as it is.

    Given a list, every ChoiceField and its widget normalise it again: with 100 indicators
    that was a tenth of a submission's time.
    """

    def __iter__(self):
        return iter(ANSWER_CHOICES)


ANSWERS = AnswerChoices()


@dataclass(frozen=True, slots=True)
class IndicatorItem:
    slug: str
    version_id: int
    text: str
    help: str
    core: bool = False


@dataclass(frozen=True, slots=True)
class SectionItem:
    slug: str
    title: str
    intro: str
    source: str
    indicators: tuple[IndicatorItem, ...]


def checklist_items(sections: Iterable[Section]) -> tuple[SectionItem, ...]:
    """The checklist's sections and their indicators (prefetched), as plain text in the active
    language: what the form is built from.

    A submission builds the form from these, kept per content version and language
    (screening/web/rendered.py). Kept as model instances, reading them back and resolving every
    translated field again took about a third of a submission with 100 indicators.
    """
    return tuple(
        SectionItem(
            slug=section.slug,
            title=section.title,
            intro=section.intro,
            source=section.source,
            indicators=tuple(
                IndicatorItem(
                    slug=indicator.slug,
                    version_id=indicator.current_version_id,
                    text=indicator.text,
                    help=indicator.help,
                    core=indicator.core,
                )
                for indicator in section.indicators.all()
            ),
        )
        for section in sections
    )


class SectionFieldset(LayoutObject):
    """A checklist section: its title, why identification is hard there, its source, its fields.

    Folded (a <details> the worker opens) unless it holds an answer or an error, so that the
    core set and the danger question come first on a phone. Unlike crispy's Fieldset, the
    legend is never compiled as a template: section text is written by editors, so it is only
    ever escaped, never evaluated.
    """

    template = "rr/layout/section.html"

    def __init__(self, section: SectionItem, *fields: str) -> None:
        self.section = section
        self.fields = list(fields)

    def render(self, form, context, template_pack=None, **kwargs) -> str:
        fields = self.get_rendered_fields(form, context, template_pack, **kwargs)
        opened = any(
            form.data.get(name) or form.initial.get(name) or form.errors.get(name)
            for name in self.fields
        )
        return render_to_string(
            self.template,
            {"section": self.section, "fields": fields, "count": len(self.fields), "open": opened},
        )


class SubmitBar(LayoutObject):
    """ "See next steps", kept in view on every screen of the checklist, with the progress."""

    template = "screening/includes/submit_bar.html"

    def render(self, form, context, template_pack=None, **kwargs) -> str:
        return render_to_string(
            self.template, {"total": len(form.versions), "practice": form.practice is not None}
        )


class CoreFieldset(LayoutObject):
    """The signs to check first, from every section, with how many are answered."""

    template = "screening/includes/core_signs.html"

    def __init__(self, *fields: str) -> None:
        self.fields = list(fields)

    def render(self, form, context, template_pack=None, **kwargs) -> str:
        fields = self.get_rendered_fields(form, context, template_pack, **kwargs)
        return render_to_string(self.template, {"fields": fields, "count": len(self.fields)})


class DangerCall(LayoutObject):
    """The Call button right under the danger question, shown by danger_call.js on Yes or
    Not sure, and at once when an empty form is refused; the number is in the hint anyway."""

    template = "screening/includes/danger_call.html"

    def render(self, form, context, template_pack=None, **kwargs) -> str:
        return render_to_string(
            self.template,
            {
                "contacts": form.emergency,
                "by_region": form.emergency_by_region.items(),
                "shown": form.has_error("__all__", code="empty"),
            },
        )


class ChecklistIntro(LayoutObject):
    """How to answer, and that this is not a test: after the danger question and the encounter,
    before the first sign, so that the danger question and its number open the page."""

    template = "screening/includes/checklist_intro.html"

    def render(self, form, context, template_pack=None, **kwargs) -> str:
        return render_to_string(self.template)


def version_field_name(version_id: int) -> str:
    return f"v{version_id}"


class ChecklistForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    immediate_danger = forms.ChoiceField(
        label=_("Is the child in danger right now?"),
        choices=ANSWERS,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("If yes, call emergency services before anything else."),
    )
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        help_text=_("Where you are. It decides which local contacts you see."),
    )
    setting = forms.ChoiceField(
        label=_("Where did you meet the child?"),
        choices=[("", _("Choose, or leave empty")), *Setting.choices],
        required=False,
    )
    age_band = forms.ChoiceField(
        label=_("How old does the child seem?"),
        choices=[("", _("Choose, or leave empty")), *AgeBand.choices],
        required=False,
        help_text=_("Your best guess. If you are not sure, choose 'Not sure'."),
    )

    def __init__(
        self,
        *args,
        sections: Iterable[SectionItem],
        regions: Iterable[Region],
        emergency: Iterable[SupportContact] = (),
        emergency_by_region: dict[str, SupportContact] | None = None,
        practice=None,
        action: str = "",
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        # A practice case (screening/frontline/practice.py): sent to its own page, never kept.
        self.practice = practice
        self.emergency = list(emergency)
        self.emergency_by_region = emergency_by_region or {}
        numbers = [
            (tel_href(phone), phone) for contact in self.emergency for phone in contact.phone_list
        ]
        if numbers:
            # Without JavaScript the Call button stays hidden, so the hint carries the number.
            # The numbers are marked so danger_call.js can swap them with the region.
            self.fields["immediate_danger"].help_text = format_html(
                "{} <span data-danger-numbers>{}</span>",
                _("If yes or not sure, call emergency services before anything else:"),
                format_html_join(", ", '<a href="{}" dir="ltr">{}</a>', numbers[:2]),
            )
        self.regions = {region.code: region for region in regions}
        self.fields["region"].choices = region_choices(
            self.regions.values(), empty=_("Choose, or leave empty")
        )
        self.versions: dict[str, int] = {}
        self.slugs: dict[int, tuple[str, str]] = {}
        layout = [
            Fieldset(
                _("About the encounter"),
                "immediate_danger",
                DangerCall(),
                "region",
                "setting",
                "age_band",
            ),
            ChecklistIntro(),
        ]
        core: list[str] = []
        by_section: list[tuple[SectionItem, list[str]]] = []
        for section in sections:
            names = []
            for indicator in section.indicators:
                name = version_field_name(indicator.version_id)
                field = forms.ChoiceField(
                    label=indicator.text,
                    help_text=indicator.help,
                    choices=ANSWERS,
                    widget=forms.RadioSelect,
                    required=False,
                )
                field.fieldset_id = f"indicator-{indicator.slug}"
                field.help_summary = _("What this can look like")
                self.fields[name] = field
                self.versions[name] = indicator.version_id
                self.slugs[indicator.version_id] = (indicator.slug, section.slug)
                (core if indicator.core else names).append(name)
            by_section.append((section, names))
        if core:
            layout.append(CoreFieldset(*core))
        layout += [SectionFieldset(section, *names) for section, names in by_section if names]
        self.helper = FormHelper()
        self.helper.form_tag = True
        # Off, so that the browser never puts answers back when Back returns to the page
        # (after "Leave this page", say): the form is always as the server sends it.
        self.helper.attrs = {
            "id": "checklist-form",
            "action": "",
            "autocomplete": "off",
            # For keep.js: where answers are kept, and when the session would end.
            "data-keep": reverse("screening:checklist_keep"),
            "data-idle-seconds": str(settings.SESSION_COOKIE_AGE),
        }
        if practice is not None:
            # Practice answers are never kept as a draft of a real checklist.
            self.helper.attrs = {
                "id": "checklist-form",
                "action": action or reverse("screening:practice_case", args=[practice.slug]),
                "autocomplete": "off",
                "class": "practice-form",
            }
        self.helper.layout = Layout("token", *layout, SubmitBar())

    def clean_region(self) -> Region | None:
        code = self.cleaned_data["region"]
        return self.regions.get(code) if code else None

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.data:
            unknown = [
                key for key in self.data if VERSION_FIELD.match(key) and key not in self.fields
            ]
            if unknown:
                raise forms.ValidationError(
                    _(
                        "The checklist was updated while you were filling it in. "
                        "Check your answers below and send it again."
                    ),
                    code="stale",
                )
        # Danger alone is enough for a result: a worker in a hurry must not be held up.
        if not cleaned.get("immediate_danger") and not any(
            cleaned.get(name) for name in self.versions
        ):
            raise forms.ValidationError(
                _("Answer at least one question in the checklist, even if the answer is 'No'."),
                code="empty",
            )
        return cleaned

    def slugs_by_version(self) -> dict[int, tuple[str, str]]:
        """Return {indicator version id: (indicator slug, section slug)} for the rules."""
        return self.slugs

    def answers(self) -> dict[int, str]:
        """Return {indicator version id: answer} for every indicator answered."""
        return {
            version_id: self.cleaned_data[name]
            for name, version_id in self.versions.items()
            if self.cleaned_data.get(name)
        }


def region_choices(regions: Iterable[Region], country=None, *, empty: str) -> list:
    """Regions grouped under their country, for a select; only one country's if given."""
    if country is not None:
        own = [(r.code, r.name) for r in regions if r.country_id == country.pk]
        return [("", empty), *own]
    groups: dict = {}
    for region in regions:
        groups.setdefault(region.country, []).append((region.code, region.name))
    return [("", empty), *((str(c), choices) for c, choices in groups.items())]


class RegionChoiceForm(forms.Form):
    """The region picker on the start and contacts pages (GET, so it works without JS).

    With a country known, it offers that country's regions, the whole country first.
    """

    region = forms.ChoiceField(label=_("Your region"), required=False)

    def __init__(self, *args, regions: Iterable[Region], country=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.country = country
        self.regions = {region.code: region for region in regions}
        if country is not None:
            empty = _("All of %(country)s") % {"country": country.name}
        else:
            empty = _("Choose your region")
        self.fields["region"].choices = region_choices(self.regions.values(), country, empty=empty)

    def clean_region(self) -> Region | None:
        code = self.cleaned_data["region"]
        return self.regions.get(code) if code else None


class NumberReportForm(forms.Form):
    """One tap: which number, and one of the fixed reasons. Never free text."""

    contact = forms.ModelChoiceField(queryset=SupportContact.objects.active())
    reason = forms.ChoiceField(choices=ReportReason.choices)
