"""The frontline paths, named in the `screening` namespace (screening/urls.py)."""

from django.urls import path

from screening.frontline import contacts, drafts, offline, practice, regions, views

urlpatterns = [
    path("", views.start, name="start"),
    path("checklist/", views.checklist, name="checklist"),
    path("checklist/print/", offline.checklist_print, name="checklist_print"),
    path("checklist/result/", views.result, name="result"),
    path("checklist/finish/", views.finish, name="finish"),
    path("checklist/leave/", views.leave, name="leave"),
    path("checklist/keep/", drafts.keep, name="checklist_keep"),
    path("place/", regions.choose_place, name="choose_place"),
    path("practice/", practice.practice_list, name="practice"),
    path("practice/<slug:slug>/", practice.practice_case, name="practice_case"),
    path("practice/<slug:slug>/result/", practice.practice_result, name="practice_result"),
    path("search/", views.neutral, name="neutral"),
    path("guidance/", views.guidance, name="guidance"),
    path("contacts/", contacts.contacts, name="contacts"),
    path("contacts/report/", contacts.report_number, name="report_number"),
    path("numbers/", contacts.numbers, name="numbers"),
    # At the root, so the service worker's scope covers every page.
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
]
