"""What belongs to a staff or worker account: preferences, a supervisor's regions, sessions."""

import importlib

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _

from screening.models.content import Region


class SupervisorScope(models.Model):
    """Limits a supervisor's dashboard to some regions; without one they see every region."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervisor_scope"
    )
    regions = models.ManyToManyField(
        Region, related_name="+", help_text=_("The only regions this supervisor sees.")
    )

    class Meta:
        ordering = ["user"]
        verbose_name = _("supervisor region limit")
        verbose_name_plural = _("supervisor region limits")

    def __str__(self) -> str:
        return str(self.user)


class AccountPreference(models.Model):
    """What a signed-in user chose to keep across sessions: their region and language.

    Only the worker's own choices, never anything about a child; the usage records stay
    unlinked from every account.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The region whose contacts this user sees first."),
    )
    language = models.CharField(
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language this user chose; empty follows the browser."),
    )

    class Meta:
        ordering = ["user"]
        verbose_name = _("account preference")
        verbose_name_plural = _("account preferences")

    def __str__(self) -> str:
        return str(self.user)


class AccountSession(AbstractBaseSession):
    """A session, with the signed-in account beside its data.

    Django's documented way to extend the database session engine (a model of its own and a
    store that fills the extra column). With the account id in a column, one query reads the
    session, its user and the content version (screening/accounts/session_backends), where Django
    reads the session and then the user. Deleting an account deletes its sessions.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta(AbstractBaseSession.Meta):  # Django's names for it, with their translations
        pass

    @classmethod
    def get_session_store_class(cls):
        # The configured engine's store (screening.accounts.session_backends.db), found by
        # name: the engine imports this model, so importing it here would make a cycle.
        return importlib.import_module(settings.SESSION_ENGINE).SessionStore


class RecoveryCode(models.Model):
    """One single-use recovery code, kept as a salted PBKDF2 hash: never the code itself.

    Belongs to django-otp's "Recovery codes" static device, which is what a session that used
    a code is verified with; django-otp's own tokens would keep the codes in plain text.
    """

    device = models.ForeignKey(
        "otp_static.StaticDevice", on_delete=models.CASCADE, related_name="recovery_codes"
    )
    digest = models.CharField(
        max_length=128, help_text=_("The code's salted hash (algorithm$iterations$salt$hash).")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"{self.device_id}:{self.pk}"
