"""Template context shared by every page."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from screening.choices import ReportReason

# The menu's Dashboard link is a convenience, not the check: the dashboard itself asks for the
# permission on every request. So the answer is kept for a minute per user (forgotten at
# once in this process when a user's groups or permissions change, see roles_changed).
DASHBOARD_LINK_SECONDS = 60


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


def _link_key(user_id) -> str:
    return f"dashboard-link:{user_id}"


def can_view_dashboard_cached(user) -> bool:
    """can_view_dashboard, asked at most once a minute per user, for the menu link."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    answer = cache.get(_link_key(user.pk))
    if answer is None:
        answer = can_view_dashboard(user)
        cache.set(_link_key(user.pk), answer, DASHBOARD_LINK_SECONDS)
    return answer


def forget_dashboard_link(user_ids) -> None:
    """Forget the kept answers now, and again once the change is committed (a request in
    between may have kept the old answer)."""
    keys = [_link_key(pk) for pk in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def screening(request: HttpRequest) -> dict:
    user = request.user
    return {
        "allow_anonymous": settings.SCREENING_ALLOW_ANONYMOUS,
        # The fixed reasons beside every number: "This number did not work".
        "report_reasons": ReportReason.choices,
        # Asked only when a template shows the menu link, and then once.
        "can_view_dashboard": SimpleLazyObject(lambda: can_view_dashboard_cached(user)),
    }


def _roles_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    from django.contrib.auth.models import Group, User

    # Before a clear, while the group still lists its users; after an add or a remove.
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if isinstance(instance, User):
        forget_dashboard_link([instance.pk])
    elif isinstance(instance, Group):
        # Permissions of a group changed, or users were added to or removed from it.
        forget_dashboard_link(instance.user_set.values_list("pk", flat=True))
        if pk_set and sender is User.groups.through:
            forget_dashboard_link(pk_set)
    elif isinstance(instance, Permission) and pk_set:
        if sender is User.user_permissions.through:
            forget_dashboard_link(pk_set)
        else:
            forget_dashboard_link(
                User.objects.filter(groups__in=pk_set).values_list("pk", flat=True)
            )


def _group_deleted(sender, instance, **kwargs) -> None:
    # Before the delete, while the group still lists its users.
    forget_dashboard_link(instance.user_set.values_list("pk", flat=True))


def connect() -> None:
    """Called once from ScreeningConfig.ready()."""
    from django.contrib.auth.models import Group, User
    from django.db.models.signals import m2m_changed, pre_delete

    pre_delete.connect(_group_deleted, sender=Group, dispatch_uid="dashboard-link-group-delete")

    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            _roles_changed, sender=through, dispatch_uid=f"dashboard-link-{through}"
        )
