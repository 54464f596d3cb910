"""Fixed, coarse choices: coded here because usage records and the dashboard group by them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Setting(models.TextChoices):
    STREET = "street", _("Street or public place")
    TRANSPORT = "transport", _("Bus, train, port or airport")
    BORDER = "border", _("Border crossing or immigration")
    ACCOMMODATION = "accommodation", _("Hotel or guest house")
    VENUE = "venue", _("Bar, karaoke, massage or entertainment venue")
    POLICE = "police", _("Police station or custody")
    HEALTH = "health", _("Health service")
    SCHOOL = "school", _("School")
    SOCIAL = "social", _("Shelter or social services")
    ONLINE = "online", _("Online")
    HOME = "home", _("Private home")
    OTHER = "other", _("Somewhere else")


class AgeBand(models.TextChoices):
    UNDER_12 = "under_12", _("Under 12")
    AGE_12_14 = "12_14", _("12 to 14")
    AGE_15_17 = "15_17", _("15 to 17")
    MAYBE_ADULT = "maybe_adult", _("May be 18 or older")
    NOT_SURE = "not_sure", _("Not sure")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("Not sure")


class ContactKind(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency services")
    CHILD_HELPLINE = "child_helpline", _("Child helpline")
    ANTI_TRAFFICKING = "anti_trafficking", _("Anti-trafficking hotline or police unit")
    CHILD_PROTECTION = "child_protection", _("Child protection authority")
    SHELTER = "shelter", _("Shelter")
    LEGAL_AID = "legal_aid", _("Legal aid")
    HEALTH = "health", _("Health service or one-stop crisis centre")
    CSAM_REPORTING = "csam_reporting", _("Online child sexual abuse reporting")


class ContactScope(models.TextChoices):
    LOCAL = "local", _("Local: serves the regions listed")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class Verification(models.TextChoices):
    CALLED = "called", _("Answered when called by the deploying organisation")
    OFFICIAL = "official", _("Taken from an official source")
    NOT_CHECKED = "not_checked", _("Not checked")


class ReportReason(models.TextChoices):
    """Why a worker says a number did not work: fixed reasons, never free text."""

    NO_CONNECTION = "no_connection", _("The call did not connect")
    WRONG_SERVICE = "wrong_service", _("It reached the wrong service")
    NO_ANSWER = "no_answer", _("Nobody answered")
    CANNOT_HELP = "cannot_help", _("They said they cannot help a child")
