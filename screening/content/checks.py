"""System check: regions where a next step names a kind of contact that nobody provides."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from screening.content.steps import KIND_ORDER, KINDS_STEPS_NAME
from screening.models import Region, SupportContact


def regions_lacking_kinds() -> list[tuple[object, list[str]]]:
    """Return (region, kinds) for each active region lacking a kind the next steps name.

    A contact serves the regions it lists; one that lists none serves its whole country, or
    everyone when it names no country (screening.models.serving).
    """
    contacts = SupportContact.objects.active().filter(kind__in=KINDS_STEPS_NAME)
    unlisted = contacts.filter(regions__isnull=True)
    everywhere = set(unlisted.filter(country__isnull=True).values_list("kind", flat=True))
    by_country: dict[int, set[str]] = {}
    for country_id, kind in unlisted.filter(country__isnull=False).values_list("country", "kind"):
        by_country.setdefault(country_id, set()).add(kind)
    by_region: dict[int, set[str]] = {}
    for region_id, kind in contacts.filter(regions__isnull=False).values_list("regions", "kind"):
        by_region.setdefault(region_id, set()).add(kind)
    lacking = []
    for region in Region.objects.active():
        have = everywhere | by_country.get(region.country_id, set())
        have |= by_region.get(region.pk, set())
        missing = sorted(KINDS_STEPS_NAME - have, key=lambda kind: KIND_ORDER.get(kind, 99))
        if missing:
            lacking.append((region, missing))
    return lacking


@register(Tags.database)
def regions_have_the_contacts_steps_name(app_configs, databases=None, **kwargs) -> list[Warning]:
    """Warn about regions where a next step would send a worker to a kind nobody provides.

    A database check: it runs with `migrate` and `manage.py check --database default`.
    """
    if not databases:
        return []
    try:
        lacking = regions_lacking_kinds()
    except DatabaseError:  # not migrated yet
        return []
    return [
        Warning(
            f"Region '{region.code}' has no active contact of kind: {', '.join(kinds)}.",
            hint="Add one in the admin (Support contacts), or one that serves everywhere; "
            "until then the result tells workers to look in /contacts/.",
            obj=region,
            id="screening.W001",
        )
        for region, kinds in lacking
    ]
