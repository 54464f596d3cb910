"""The accounts' admin: users, supervisors' region limits and second-factor devices.

A superuser setting a new password, or the "Lift sign-in lock" action, ends a sign-in lock
at once, as the lockout page tells workers.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from screening.accounts import roles
from screening.accounts.throttling import lift_lock
from screening.accounts.two_factor import recovery_codes_left
from screening.models import AccountPreference, SupervisorScope


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


class PreferenceInline(admin.StackedInline):
    """The region whose numbers a worker sees first: set here by an administrator, or by the
    worker on the start page."""

    model = AccountPreference
    fields = ("region", "language")
    can_delete = False
    extra = 1
    max_num = 1
    verbose_name_plural = _("Region and language")


class AccountAdmin(UserAdmin):
    actions = [*UserAdmin.actions, lift_sign_in_lock]
    inlines = [*UserAdmin.inlines, PreferenceInline]

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            if user is not None:
                lift_lock(username=user.get_username())
        return response


admin.site.unregister(User)
admin.site.register(User, AccountAdmin)


@admin.register(SupervisorScope)
class SupervisorScopeAdmin(admin.ModelAdmin):
    """Superusers limit a supervisor's dashboard to some regions; editors never see this."""

    list_display = ("user", "region_names")
    filter_horizontal = ("regions",)
    search_fields = ("user__username",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").prefetch_related("regions")

    @admin.display(description=_("regions"))
    def region_names(self, obj: SupervisorScope) -> str:
        return ", ".join(str(region) for region in obj.regions.all())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = get_user_model().objects.filter(groups__name=roles.SUPERVISORS)
            kwargs["help_text"] = _("A member of the Supervisors group.")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# Second-factor devices: a superuser may see whose they are and delete or disable them (the
# recovery procedure in the README), never read a key, a recovery code or a QR code, nor make
# a device for someone else (its key would then be known to two people).
class TOTPDeviceAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "confirmed", "created_at", "last_used_at")
    list_filter = ("confirmed",)
    search_fields = ("user__username",)
    fields = ("user", "name", "confirmed", "created_at", "last_used_at")
    readonly_fields = ("user", "name", "created_at", "last_used_at")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class StaticDeviceAdmin(TOTPDeviceAdmin):
    """Recovery codes: only whose they are, and how many are left."""

    list_display = ("user", "name", "confirmed", "codes_left", "last_used_at")
    fields = ("user", "name", "confirmed", "codes_left", "created_at", "last_used_at")
    readonly_fields = ("user", "name", "codes_left", "created_at", "last_used_at")

    @admin.display(description=_("recovery codes left"))
    def codes_left(self, obj: StaticDevice) -> int:
        return recovery_codes_left(obj.user)


class PasskeyAdmin(TOTPDeviceAdmin):
    """Passkeys: untick "confirmed" to disable one, or delete it."""

    list_display = ("user", "name", "confirmed", "created_at", "last_used_at")


for model, model_admin in (
    (TOTPDevice, TOTPDeviceAdmin),
    (StaticDevice, StaticDeviceAdmin),
    (WebAuthnCredential, PasskeyAdmin),
):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
