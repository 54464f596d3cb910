"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def screening(request: HttpRequest) -> dict:
    user = request.user
    return {
        "allow_anonymous": settings.SCREENING_ALLOW_ANONYMOUS,
        "can_view_dashboard": user.is_authenticated and user.has_perm("screening.view_dashboard"),
    }
