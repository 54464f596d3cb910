"""Sign-in: styled page, throttling of repeated failures, and demo accounts."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from screening.models import UsageRecord

LOGIN = reverse("login")


def test_sign_in_page_uses_the_site_layout(client, db):
    html = client.get(LOGIN).content.decode()
    assert '<link rel="stylesheet" href="/static/screening/site.css">' in html
    assert 'for="id_username"' in html


def test_worker_signs_in_and_lands_on_the_checklist(client, worker, password):
    response = client.post(
        LOGIN,
        {"username": worker.username, "password": password, "next": reverse("screening:checklist")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("screening:checklist")


def test_wrong_password_gets_a_clear_message(client, worker):
    response = client.post(LOGIN, {"username": worker.username, "password": "wrong-password-1"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_repeated_failures_lock_the_account_for_a_while(client, worker, password):
    for _ in range(5):
        client.post(LOGIN, {"username": worker.username, "password": "wrong-password-1"})
    response = client.post(LOGIN, {"username": worker.username, "password": password})
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_seed_demo_creates_the_four_accounts_with_their_roles(settings, db, monkeypatch, capsys):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests")
    # The demo records have their own tests (tests/dashboard/test_seed_demo.py); a few do here.
    monkeypatch.setattr("screening.management.commands.seed_demo.DEMO_RECORDS", 200)
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    users = {u.username: u for u in User.objects.all()}
    assert set(users) == {"worker", "supervisor", "editor", "admin"}
    assert users["worker"].groups.get().name == "Frontline workers"
    assert users["supervisor"].groups.get().name == "Supervisors"
    assert users["editor"].groups.get().name == "Content editors" and users["editor"].is_staff
    assert users["admin"].is_superuser
    assert users["worker"].check_password("demo-password-for-tests")
    assert "demo-password-for-tests" not in capsys.readouterr().out
    assert UsageRecord.objects.exists()
    # The demo worker has a region, so make run's first page already shows a number.
    assert users["worker"].preference.region.code == "np-bagmati"


def test_seed_demo_prints_a_generated_password_when_none_is_given(
    settings, db, monkeypatch, capsys
):
    settings.DEBUG = True
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    monkeypatch.setattr("screening.management.commands.seed_demo.DEMO_RECORDS", 200)
    call_command("seed_demo")
    password = capsys.readouterr().out.split("Password: ")[1].split()[0]
    assert User.objects.get(username="admin").check_password(password)


def test_seed_demo_refuses_when_debug_is_off(settings, db):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()
