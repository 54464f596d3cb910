from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "screening"
    verbose_name = _("Recognise & Refer")

    def ready(self) -> None:
        from screening import (
            checks,  # noqa: F401 - registers the system checks
            content_version,
            context_processors,
            sessions,
        )

        content_version.connect()
        sessions.connect()
        context_processors.connect()
