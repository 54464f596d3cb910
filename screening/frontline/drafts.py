"""Answers kept while the worker works: in the server-side session, never on the phone.

A worker who opens the guidance or the contacts in the middle of the checklist, or whose
session ends before they send it, finds their answers again on the checklist. Only the
checklist's own fields are kept, each value one of its choices; Leave, Finish and a sent
checklist clear them.
"""

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from screening.choices import AgeBand, Answer, Setting

DRAFT_KEY = "checklist_draft"
SIGN_FIELD = re.compile(r"^v\d{1,18}$")
CHOICES = {
    "immediate_danger": set(Answer.values),
    "setting": set(Setting.values),
    "age_band": set(AgeBand.values),
}
REGION = re.compile(r"^[a-z0-9-]{1,40}$")
# Where a worker may go from the checklist and come back to their answers.
DETOURS = {"guidance": "screening:guidance", "contacts": "screening:contacts"}
MAX_FIELDS = 500


def allowed(name: str, value: str) -> bool:
    """A checklist field and one of its values: nothing else is ever kept."""
    if name in CHOICES:
        return value in CHOICES[name]
    if name == "region":
        return bool(REGION.match(value))
    return bool(SIGN_FIELD.match(name)) and value in Answer.values


def draft_from(data) -> dict[str, str]:
    """The checklist answers in data, and nothing else: only known fields and allowed values."""
    draft: dict[str, str] = {}
    for name, value in data.items():
        if len(draft) >= MAX_FIELDS:
            break
        if isinstance(value, str) and allowed(name, value):
            draft[name] = value
    return draft


def keep_draft(request: HttpRequest, data) -> None:
    draft = draft_from(data)
    if draft:
        request.session[DRAFT_KEY] = draft
    else:
        request.session.pop(DRAFT_KEY, None)


def forget_draft(request: HttpRequest) -> None:
    request.session.pop(DRAFT_KEY, None)


@never_cache
@require_POST
def keep(request: HttpRequest) -> HttpResponse:
    """Keep the answers sent (a link left the checklist, or the worker said "continue").

    With ?next=guidance or contacts (the buttons that work without JavaScript), go there;
    otherwise answer 204 (a beacon from the page, or the idle warning's "Continue").
    """
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    keep_draft(request, request.POST)
    where = DETOURS.get(request.GET.get("next", ""))
    if where:
        return redirect(where)
    return HttpResponse(status=204)


def expired_send(request: HttpRequest) -> HttpResponse:
    """A checklist sent after the session ended: keep its answers for the worker, then ask
    them to sign in again, saying what happened. Nothing was sent."""
    keep_draft(request, request.POST)
    messages.warning(
        request,
        _(
            "Your session ended before the checklist was sent, so nothing was sent. Sign in "
            "again: your answers are kept, and you can send them then."
        ),
    )
    return redirect(f"{reverse('login')}?next={reverse('screening:checklist')}")
