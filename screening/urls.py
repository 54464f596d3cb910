"""The app's pages in one `screening` namespace, so every URL name stays as it was."""

from screening.dashboard import urls as dashboard_urls
from screening.frontline import urls as frontline_urls

app_name = "screening"

urlpatterns = [*frontline_urls.urlpatterns, *dashboard_urls.urlpatterns]
