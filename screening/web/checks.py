"""System checks that stop a misconfigured deployment before it serves anyone."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs) -> list[Error]:
    """Fail `check --deploy` without SECRET_KEY; the WSGI app refuses to boot without it too."""
    try:
        settings.SECRET_KEY  # noqa: B018 - reading an empty key is what raises
    except ImproperlyConfigured:
        return [
            Error(
                "SECRET_KEY is not set.",
                hint="Set SECRET_KEY in the environment (or DEBUG=1 for local development).",
                id="screening.E001",
            )
        ]
    return []
