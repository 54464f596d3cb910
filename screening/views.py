# Placeholder while the foundation is laid; replaced by the frontline views.
from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("todo")


start = checklist = result = finish = guidance = contacts = healthz = login_view = _todo
bad_request = permission_denied = page_not_found = server_error = csrf_failure = _todo
