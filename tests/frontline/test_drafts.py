"""Answers kept while the worker works: a detour to guidance or contacts, or a session that
ended before sending, gives the answers back on the checklist; Leave, Finish and a sent
checklist clear them. Kept in the server's session only."""

import re

from django.test import Client
from django.urls import reverse

from screening.frontline.drafts import DRAFT_KEY
from screening.models import UsageRecord
from tests.conftest import sign_in
from tests.frontline.test_checklist import field, start_checklist

CHECKLIST = reverse("screening:checklist")
KEEP = reverse("screening:checklist_keep")
LEAVE = reverse("screening:leave")
FINISH = reverse("screening:finish")


def checked(html: str) -> set[tuple[str, str]]:
    return set(
        re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"[^>]*\bchecked', html)
    )


def answers(content) -> dict:
    ind = content["indicators"]
    return {
        "immediate_danger": "not_sure",
        "setting": "border",
        field(ind["venue"]): "yes",
        field(ind["no-id"]): "not_sure",
    }


def test_a_detour_to_the_contacts_keeps_the_answers_without_javascript(worker_client, content):
    token = start_checklist(worker_client)
    data = {"token": token, **answers(content), "note": "free text about a child"}
    response = worker_client.post(f"{KEEP}?next=contacts", data)
    assert response.status_code == 302 and response["Location"] == reverse("screening:contacts")
    # Only the checklist's own fields and values are kept: no token, no free text.
    assert worker_client.session[DRAFT_KEY] == answers(content)
    html = worker_client.get(CHECKLIST).content.decode()
    assert "Your answers from before are kept" in html
    ind = content["indicators"]
    assert checked(html) >= {
        ("immediate_danger", "not_sure"),
        (field(ind["venue"]), "yes"),
        (field(ind["no-id"]), "not_sure"),
    }
    assert 'value="border" selected' in html
    # Another worker's checklist, from the same cache, is blank.
    other = Client()
    from tests.conftest import make_user

    sign_in(other, make_user("another-worker", "Frontline workers"))
    assert checked(other.get(CHECKLIST).content.decode()) == set()


def test_the_pages_beacon_keeps_the_answers_and_answers_204(worker_client, content):
    start_checklist(worker_client)
    response = worker_client.post(KEEP, answers(content))
    assert response.status_code == 204
    assert worker_client.session[DRAFT_KEY] == answers(content)


def test_nothing_but_the_checklists_fields_and_values_is_kept(worker_client, content):
    start_checklist(worker_client)
    worker_client.post(
        KEEP,
        {
            "immediate_danger": "maybe",
            "setting": "<script>",
            "region": "north",
            "v12": "yes",
            "v13": "a name",
            "name": "Child's name",
            "region2": "x",
        },
    )
    assert worker_client.session[DRAFT_KEY] == {"region": "north", "v12": "yes"}


def test_leave_finish_and_a_sent_checklist_clear_the_kept_answers(worker_client, content):
    for clear in (LEAVE, FINISH):
        start_checklist(worker_client)
        worker_client.post(KEEP, answers(content))
        worker_client.post(clear)
        assert DRAFT_KEY not in worker_client.session, clear
        assert checked(worker_client.get(CHECKLIST).content.decode()) == set(), clear
    worker_client.post(KEEP, answers(content))
    token = start_checklist(worker_client)
    worker_client.post(CHECKLIST, {"token": token, **answers(content)})
    assert DRAFT_KEY not in worker_client.session
    assert UsageRecord.objects.count() == 1


def test_a_checklist_sent_after_the_session_ended_is_given_back_after_signing_in(
    client, worker, password, content
):
    sign_in(client, worker)
    token = start_checklist(client)
    client.logout()  # the session ended (idle limit, or absolute lifetime)
    response = client.post(CHECKLIST, {"token": token, **answers(content)}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "Your session ended before the checklist was sent, so nothing was sent" in page
    assert UsageRecord.objects.count() == 0
    client.post(
        reverse("login") + f"?next={CHECKLIST}",
        {"username": worker.username, "password": password, "next": CHECKLIST},
    )
    html = client.get(CHECKLIST).content.decode()
    assert (field(content["indicators"]["venue"]), "yes") in checked(html)
    assert UsageRecord.objects.count() == 0


def test_keeping_answers_needs_a_signed_in_worker(client, content):
    assert client.post(KEEP, {"v1": "yes"}).status_code == 403
