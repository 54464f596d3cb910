"""Top-level URLs. The public paths listed in design.md stay stable."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from screening import views

urlpatterns = [
    path("accounts/login/", views.login_view, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("screening.urls")),
]

handler400 = "screening.views.bad_request"
handler403 = "screening.views.permission_denied"
handler404 = "screening.views.page_not_found"
handler500 = "screening.views.server_error"
