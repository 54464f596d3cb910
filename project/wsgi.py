"""WSGI entry point for gunicorn."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

application = get_wsgi_application()

# Reading an empty SECRET_KEY raises: the server refuses to boot instead of failing requests.
settings.SECRET_KEY  # noqa: B018
