"""The supervisors' paths, named in the `screening` namespace (screening/urls.py)."""

from django.urls import path

from screening.dashboard import export, views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/export.csv", export.export_csv, name="dashboard_export"),
]
