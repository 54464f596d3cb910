"""Indicator wordings: the one rule that gives each English wording its own version.

Two callers need it: Indicator.save(), for every write made by the running app, and the data
migration 0003 that ships the default content. A migration must use the historical models
that apps.get_model() hands it, not the classes in models.py, so the rule takes the model
classes as arguments and imports no model itself.
"""

from typing import Any


def keep_wording_version(indicator: Any, *, indicator_model: type, version_model: type) -> Any:
    """Point indicator at the version holding its English wording, adding one if it is new.

    The English wording decides, whatever language is active: a translation or a typo fixed
    in another language makes no version. A wording used before gets its old version back,
    so a reverted edit counts with the answers given to that wording.
    """
    wording = indicator.text_en or ""
    current = indicator.current_version
    if current is not None and current.text == wording:
        return current
    versions = version_model.objects.filter(indicator=indicator).order_by("-number")
    version = versions.filter(text=wording).first()
    if version is None:
        last = versions.values_list("number", flat=True).first()
        version = version_model.objects.create(
            indicator=indicator, number=(last or 0) + 1, text=wording
        )
    indicator.current_version = version
    indicator_model.objects.filter(pk=indicator.pk).update(current_version=version)
    return version
