"""A second yardstick for bench/pages.py: the cheapest signed-in page Django's defaults allow.

A one-file app with what `django-admin startproject` sets up and nothing of ours: its seven
middleware, database sessions (Django's own engine, its own django_session table), the user
read for every request, and a page that needs sign-in and carries a CSRF token as any page with
a form does. The body is a constant string: no template, no query of its own. It shows what
Django's own stack costs a signed-in page before the page does anything, beside what the app's
pages cost with all they do.

Served by gunicorn beside the real app on the benchmark's database; the benchmark signs in
through /bench-sign-in/<username>, which exists only here, on loopback.
"""

import os

import dj_database_url
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ["SECRET_KEY"],
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
    ],
    # startproject's list, as Django 5.2 writes it.
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    # A persistent connection without the health check: the fewest round trips Django's
    # defaults make for a signed-in page (the session, then the user), with Django's own
    # PostgreSQL backend.
    DATABASES={"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600)},
    USE_TZ=True,
)


def sign_in(request, username: str):
    login(request, get_object_or_404(get_user_model(), username=username))
    return HttpResponse("Signed in.\n", content_type="text/plain")


@login_required(login_url="/bench-sign-in/")
def page(request, anything: str = ""):
    body = f"Hello from a signed-in Django page. {get_token(request)}\n"
    return HttpResponse(body, content_type="text/plain")


def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz),
    path("bench-sign-in/<str:username>", sign_in),
    path("", page),
    path("<path:anything>", page),
]

application = get_wsgi_application()
