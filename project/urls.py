"""Top-level URLs. The public paths listed in design.md stay stable."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from screening import language, views

urlpatterns = [
    path("accounts/login/", views.login_view, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", include("screening.two_factor_urls")),
    path("accounts/webauthn/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("", include("screening.urls")),
]

handler400 = "screening.views.bad_request"
handler403 = "screening.views.permission_denied"
handler404 = "screening.views.page_not_found"
handler500 = "screening.views.server_error"
