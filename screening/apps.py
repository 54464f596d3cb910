from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "screening"
    verbose_name = _("Recognise & Refer")

    def ready(self) -> None:
        # Imported for what they register: the admin pages (the app's admin lives in its
        # packages, not in a top-level admin module) and the system checks.
        from screening.accounts import admin as accounts_admin  # noqa: F401
        from screening.accounts import sessions
        from screening.content import admin as content_admin  # noqa: F401
        from screening.content import checks as content_checks  # noqa: F401
        from screening.content import (
            contact_admin,  # noqa: F401
            place_admin,  # noqa: F401
            practice_admin,  # noqa: F401
            version,
        )
        from screening.web import checks as web_checks  # noqa: F401
        from screening.web import context_processors

        version.connect()
        sessions.connect()
        context_processors.connect()
