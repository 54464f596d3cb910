import datetime

from django import template

register = template.Library()


@register.filter
def whole_minutes(value: datetime.timedelta | None) -> int:
    """A duration in whole minutes, rounded up (a 90-second pause reads "2 minutes")."""
    if not isinstance(value, datetime.timedelta):
        return 0
    return -(-int(value.total_seconds()) // 60)
