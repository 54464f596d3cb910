"""An administrator sets a worker's region in the admin; the worker's next session starts there."""

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from screening.models import AccountPreference, Region
from tests.accounts.test_two_factor_setup import superuser_client
from tests.conftest import sign_in


def test_an_administrator_sets_a_workers_region(worker, db):
    admin = superuser_client()
    url = reverse("admin:auth_user_change", args=[worker.pk])
    page = admin.get(url).content.decode()
    assert "preference-TOTAL_FORMS" in page  # the "Region and language" inline
    karnali = Region.objects.get(code="np-karnali")
    data = {
        "username": worker.username,
        "is_active": "on",
        "groups": [g.pk for g in worker.groups.all()],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "09:00:00",
        "preference-TOTAL_FORMS": "1",
        "preference-INITIAL_FORMS": "0",
        "preference-MIN_NUM_FORMS": "0",
        "preference-MAX_NUM_FORMS": "1",
        "preference-0-region": karnali.pk,
        "preference-0-language": "",
        "preference-0-user": worker.pk,
    }
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AccountPreference.objects.get(user=worker).region == karnali
    # The worker's next session starts with that region's numbers.
    client = Client()
    sign_in(client, User.objects.get(pk=worker.pk))
    html = client.get(reverse("screening:start")).content.decode()
    assert "Karnali Province" in html and 'href="tel:100"' in html
