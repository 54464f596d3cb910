"""Every frontline URL for anonymous, worker, supervisor and editor."""

import pytest
from django.test import Client
from django.urls import reverse

from screening.models import AccountPreference
from tests.conftest import choose_place, sign_in

FRONTLINE_PAGES = ["screening:checklist", "screening:guidance", "screening:contacts"]


@pytest.mark.parametrize("name", ["screening:start", "login"])
def test_public_pages_are_open_to_anonymous(client, db, name):
    assert client.get(reverse(name)).status_code == 200


def test_healthz_is_open_to_anonymous(client, db):
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("name", [*FRONTLINE_PAGES, "screening:result"])
def test_frontline_pages_send_anonymous_to_sign_in(client, db, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("role", ["worker", "supervisor", "editor"])
@pytest.mark.parametrize("name", ["screening:start", *FRONTLINE_PAGES])
def test_every_role_can_use_the_frontline_pages(client, db, request, role, name):
    sign_in(client, request.getfixturevalue(role))
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("role", ["worker", "supervisor", "editor"])
def test_every_role_gets_the_result_flow(client, db, request, role):
    sign_in(client, request.getfixturevalue(role))
    # Without a checklist in the session, the result sends the user to the checklist.
    response = client.get(reverse("screening:result"))
    assert response.status_code == 302
    assert response["Location"] == reverse("screening:checklist")


@pytest.mark.parametrize("name", FRONTLINE_PAGES)
def test_anonymous_use_can_be_switched_on(client, db, settings, name):
    settings.SCREENING_ALLOW_ANONYMOUS = True
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("role", ["worker", "supervisor"])
def test_admin_is_closed_to_workers_and_supervisors(client, db, request, role):
    sign_in(client, request.getfixturevalue(role))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_opens_for_editors(editor_client):
    assert editor_client.get("/admin/").status_code == 200


def test_sign_out_is_post_only(worker_client):
    assert worker_client.get(reverse("logout")).status_code == 405
    response = worker_client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in worker_client.session


def test_menu_shows_the_dashboard_only_to_supervisors(client, worker, supervisor):
    sign_in(client, worker)
    assert "Dashboard" not in client.get("/").content.decode()
    sign_in(client, supervisor)
    assert "Dashboard" in client.get("/").content.decode()


def test_roles_hold_exactly_their_permissions(db):
    from django.contrib.auth.models import Group

    def perms(name: str) -> set[str]:
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert perms("Frontline workers") == set()
    assert perms("Supervisors") == {"view_dashboard"}
    editors = perms("Content editors")
    assert "view_indicatorversion" in editors
    assert {"change_indicator", "add_supportcontact", "delete_region"} <= editors
    assert not {p for p in editors if "user" in p or "usage" in p or "dashboard" in p}


def test_an_anonymous_visit_to_the_start_page_creates_no_session(client, db):
    from screening.models import AccountSession as Session

    client.get("/")
    assert not Session.objects.exists()


def test_the_chosen_region_is_remembered_for_the_checklist(worker_client, content):
    choose_place(worker_client, region="north")
    html = worker_client.get(reverse("screening:checklist")).content.decode()
    assert '<option value="north" selected>' in html


def test_a_link_cannot_change_where_the_worker_is(worker_client, worker, content):
    # A region in the address shows that region on that page, and writes nothing: a link
    # from another site must not change the numbers the worker sees next (issue 24).
    html = worker_client.get("/?region=south").content.decode()
    assert "South Province" in html
    assert "region" not in worker_client.session or not worker_client.session["region"]
    assert not AccountPreference.objects.filter(user=worker, region__isnull=False).exists()
    # Choosing is a POST with the CSRF token: without it, refused and nothing written.
    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, worker)
    response = strict.post(reverse("screening:choose_place"), {"region": "south"})
    assert response.status_code == 403
    assert not AccountPreference.objects.filter(user=worker, region__isnull=False).exists()
    choose_place(worker_client, region="south")
    assert AccountPreference.objects.get(user=worker).region.code == "south"


def test_an_unknown_region_on_the_start_page_is_ignored_not_an_error(client, db):
    response = client.get("/?region=<script>")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
