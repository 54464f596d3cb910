"""The dashboard's filters: one ended quarter, and at most one group to look at."""

import datetime

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from screening.choices import AgeBand, Setting
from screening.dashboard.stats import parse_quarter, quarter_code
from screening.models import Region

NOT_RECORDED = "none"


class DashboardFilterForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Quarter"),
        help_text=_("Only whole quarters that have ended, so a figure never changes once shown."),
        error_messages={
            "required": _("Choose a quarter."),
            "invalid_choice": _(
                "Choose one of the listed quarters. A quarter is shown once it has ended."
            ),
        },
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    setting = forms.ChoiceField(label=_("Where the child was met"), required=False)
    age_band = forms.ChoiceField(label=_("Apparent age"), required=False)

    def __init__(
        self,
        data,
        *,
        quarters: list[datetime.date],
        regions: list[Region],
        with_not_recorded_region: bool,
    ) -> None:
        super().__init__(data)
        self.regions = {region.code: region for region in regions}
        invalid = _("Choose one of the listed options.")
        self.fields["period"].choices = [(quarter_code(q), quarter_label(q)) for q in quarters]
        everyone = [("", _("All"))]
        not_recorded = [(NOT_RECORDED, _("Not recorded"))]
        self.fields["region"].choices = (
            everyone
            + [(region.code, region.name) for region in regions]
            + (not_recorded if with_not_recorded_region else [])
        )
        self.fields["setting"].choices = everyone + list(Setting.choices) + not_recorded
        self.fields["age_band"].choices = everyone + list(AgeBand.choices) + not_recorded
        for name in ("region", "setting", "age_band"):
            self.fields[name].error_messages["invalid_choice"] = invalid

    def clean(self) -> dict:
        cleaned = super().clean()
        chosen = [name for name in ("region", "setting", "age_band") if cleaned.get(name)]
        if len(chosen) > 1:
            raise forms.ValidationError(
                _(
                    "Choose a region, a setting or an age band, not more than one: "
                    "combined, the groups would be too small to show."
                ),
                code="one_group",
            )
        return cleaned

    @property
    def quarter(self) -> datetime.date:
        return parse_quarter(self.cleaned_data["period"])

    @property
    def group(self) -> tuple:
        """Return the chosen group as a view condition: () for everyone, else one pair."""
        for name in ("region", "setting", "age_band"):
            value = self.cleaned_data.get(name)
            if not value:
                continue
            if value == NOT_RECORDED:
                return ((name, None if name == "region" else ""),)
            if name == "region":
                return ((name, self.regions[value].pk),)
            return ((name, value),)
        return ()


def quarter_label(quarter: datetime.date) -> str:
    number = (quarter.month - 1) // 3 + 1
    return gettext("Quarter %(number)d of %(year)d") % {"number": number, "year": quarter.year}
