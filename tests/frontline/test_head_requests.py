"""HEAD is answered wherever a reading page answers GET: health checks and link checkers use it."""

import pytest
from django.urls import reverse

READING_PAGES = [
    "screening:start",
    "screening:service_worker",
    "screening:manifest",
    "screening:numbers",
    "screening:neutral",
    "screening:guidance",
    "screening:contacts",
    "screening:checklist_print",
]


@pytest.mark.parametrize("name", READING_PAGES)
def test_head_answers_like_get_without_a_body(worker_client, content, name):
    url = reverse(name)
    got = worker_client.get(url)
    head = worker_client.head(url)
    assert got.status_code == 200
    assert head.status_code == 200, f"HEAD {url} answered {head.status_code}"
    assert head["Content-Type"] == got["Content-Type"]
    assert head.content == b""


@pytest.mark.parametrize("name", ["screening:start", "screening:service_worker"])
def test_head_answers_signed_out(client, db, name):
    assert client.head(reverse(name)).status_code == 200


def test_head_never_spends_the_checklists_one_time_token(worker_client, content):
    """The checklist makes the form's token on GET; a HEAD must not replace it."""
    worker_client.get(reverse("screening:checklist"))
    token = worker_client.session["checklist_token"]
    assert worker_client.head(reverse("screening:checklist")).status_code == 405
    assert worker_client.session["checklist_token"] == token
