"""Top-level URLs. The public paths listed in design.md stay stable."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from screening.accounts import language
from screening.accounts import views as account_views
from screening.web import health

urlpatterns = [
    path("accounts/login/", account_views.login_view, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", include("screening.accounts.urls")),
    path("accounts/webauthn/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("favicon.ico", health.favicon, name="favicon"),
    path("", include("screening.urls")),
]

handler400 = "screening.web.errors.bad_request"
handler403 = "screening.web.errors.permission_denied"
handler404 = "screening.web.errors.page_not_found"
handler500 = "screening.web.errors.server_error"
