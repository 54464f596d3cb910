"""The frontline paths, named in the `screening` namespace (screening/urls.py)."""

from django.urls import path

from screening.frontline import offline, views

urlpatterns = [
    path("", views.start, name="start"),
    path("checklist/", views.checklist, name="checklist"),
    path("checklist/print/", offline.checklist_print, name="checklist_print"),
    path("checklist/result/", views.result, name="result"),
    path("checklist/finish/", views.finish, name="finish"),
    path("checklist/leave/", views.leave, name="leave"),
    path("search/", views.neutral, name="neutral"),
    path("guidance/", views.guidance, name="guidance"),
    path("contacts/", views.contacts, name="contacts"),
    # At the root, so the service worker's scope covers every page.
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
]
