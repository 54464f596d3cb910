# Placeholder: the dashboard is built under issue 4.
from django.http import HttpResponse


def dashboard(request):
    return HttpResponse("todo")


export_csv = dashboard
