"""The supervisors' paths, named in the `screening` namespace (screening/urls.py)."""

from django.urls import path

from screening.dashboard import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/export.csv", views.export_csv, name="dashboard_export"),
]
