from django.urls import path

from screening.accounts import views as two_factor_views

app_name = "two_factor"

urlpatterns = [
    path("", two_factor_views.setup, name="setup"),
    path("qr.svg", two_factor_views.setup_qr, name="qr"),
    path("verify/", two_factor_views.verify, name="verify"),
    path("recovery-codes/", two_factor_views.recovery_codes, name="recovery_codes"),
]
