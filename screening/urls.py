from django.urls import path

from screening import dashboard_views, views

app_name = "screening"

urlpatterns = [
    path("", views.start, name="start"),
    path("checklist/", views.checklist, name="checklist"),
    path("checklist/result/", views.result, name="result"),
    path("checklist/finish/", views.finish, name="finish"),
    path("checklist/leave/", views.leave, name="leave"),
    path("search/", views.neutral, name="neutral"),
    path("guidance/", views.guidance, name="guidance"),
    path("contacts/", views.contacts, name="contacts"),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("dashboard/export.csv", dashboard_views.export_csv, name="dashboard_export"),
]
