"""Per-language content fields (django-modeltranslation) and content history (simple-history).

History is registered here, after translation, so the historical tables also keep every
language's wording (the order simple-history documents for use with modeltranslation).
"""

import simple_history
from modeltranslation.translator import TranslationOptions, translator

from screening.content import reviews
from screening.models import (
    Country,
    Guidance,
    Indicator,
    PracticeCase,
    Region,
    Section,
    StepText,
    SupportContact,
)


class CountryTranslation(TranslationOptions):
    fields = ("name",)


class RegionTranslation(TranslationOptions):
    fields = ("name",)


class SectionTranslation(TranslationOptions):
    fields = ("title", "intro")


class IndicatorTranslation(TranslationOptions):
    fields = ("text", "help", "guidance")


class GuidanceTranslation(TranslationOptions):
    fields = ("title", "body")


class SupportContactTranslation(TranslationOptions):
    fields = ("name", "hours", "notes")


class StepTextTranslation(TranslationOptions):
    fields = ("title", "body")


class PracticeCaseTranslation(TranslationOptions):
    fields = ("title", "story", "notes")


translator.register(Country, CountryTranslation)
translator.register(Region, RegionTranslation)
translator.register(Section, SectionTranslation)
translator.register(Indicator, IndicatorTranslation)
translator.register(Guidance, GuidanceTranslation)
translator.register(SupportContact, SupportContactTranslation)
translator.register(StepText, StepTextTranslation)
translator.register(PracticeCase, PracticeCaseTranslation)

for model in (Country, Region, Section, Indicator, Guidance, StepText):
    simple_history.register(model, app="screening")
simple_history.register(SupportContact, app="screening", m2m_fields=["regions"])
simple_history.register(PracticeCase, app="screening", m2m_fields=["signs"])

# Translations of these models carry a review status (screening/content/reviews.py); a new
# translated model joins with one line here.
reviews.register(Country, prefix="country", lookup="code")
reviews.register(Region, prefix="region", lookup="code")
reviews.register(Section, prefix="section")
reviews.register(Indicator, prefix="indicator")
reviews.register(Guidance, prefix="guidance")
reviews.register(SupportContact, prefix="contact", lookup="name_en")
reviews.register(StepText, prefix="step", lookup="code")
reviews.register(PracticeCase, prefix="practice")
