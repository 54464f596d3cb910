"""User admin: a superuser setting a new password, or the "Lift sign-in lock" action,
ends a sign-in lock at once, as the lockout page tells workers."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from screening.throttling import lift_lock


@admin.action(description=_("Lift sign-in lock"), permissions=["change"])
def lift_sign_in_lock(modeladmin, request, queryset) -> None:
    users = list(queryset.values_list("username", flat=True))
    for username in users:
        lift_lock(username=username)
    modeladmin.message_user(
        request,
        ngettext(
            "Sign-in lock lifted for %(count)d account.",
            "Sign-in lock lifted for %(count)d accounts.",
            len(users),
        )
        % {"count": len(users)},
        messages.SUCCESS,
    )


class AccountAdmin(UserAdmin):
    actions = [*UserAdmin.actions, lift_sign_in_lock]

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            if user is not None:
                lift_lock(username=user.get_username())
        return response


admin.site.unregister(User)
admin.site.register(User, AccountAdmin)
