"""The yardstick for bench/pages.py: the smallest Django app, one view, one small response.

Served by gunicorn beside the real app (gunicorn --chdir bench bare_app:application), so the
page benchmark can say how far each page is from what Django itself costs on this machine.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-app-not-secret",  # noqa: S106 - serves a constant on loopback
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
)


def hello(request, anything: str = ""):
    return HttpResponse("Hello from a bare Django view.\n", content_type="text/plain")


urlpatterns = [path("", hello), path("<path:anything>", hello)]

application = get_wsgi_application()
