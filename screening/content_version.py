"""The content version: a number that grows whenever an editor saves any content."""

from screening.models import Guidance, Indicator, Region, Section, SupportContact

CONTENT_MODELS = (Region, Section, Indicator, Guidance, SupportContact)


def current_content_version() -> int:
    """Return a number that changes on every save, delete or revert of content."""
    # Every save, delete and revert of a content row writes one history row, and history is
    # never pruned, so the total only ever grows. Bulk updates bypass history and this alike.
    return sum(model.history.count() for model in CONTENT_MODELS)
