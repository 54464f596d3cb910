"""Template context shared by every page."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def can_view_dashboard(user) -> bool:
    """The dashboard permission in one query, without loading every permission the user has.

    Same answer as user.has_perm("screening.view_dashboard") with the model backend: active
    superusers always; others through a group or a permission given to them directly.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return (
        Permission.objects.filter(codename="view_dashboard", content_type__app_label="screening")
        .filter(Q(group__user=user) | Q(user=user))
        .exists()
    )


def screening(request: HttpRequest) -> dict:
    user = request.user
    return {
        "allow_anonymous": settings.SCREENING_ALLOW_ANONYMOUS,
        # Asked only when a template shows the menu link, and then once.
        "can_view_dashboard": SimpleLazyObject(lambda: can_view_dashboard(user)),
    }
