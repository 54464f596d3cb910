"""Frontline pages cached whole: what each request still gets of its own, and what follows."""

import gzip
import re
import zlib

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from screening.accounts import roles
from screening.models import AccountSession as Session
from screening.web.compression import SplitPage
from tests.conftest import make_user, sign_in
from tests.content.test_translation_reviews import NEPALI_NOTE, mark_reviewed, nepali, refer  # noqa: F401
from tests.frontline.test_checklist import field, submit

CHECKLIST = reverse("screening:checklist")
RESULT = reverse("screening:result")
GUIDANCE = reverse("screening:guidance")
START = reverse("screening:start")
DASHBOARD = reverse("screening:dashboard")
PAGES = [START, CHECKLIST, GUIDANCE, reverse("screening:contacts")]


def csrf_tokens(html: str) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)


# The gzip stream ---------------------------------------------------------------------------


def test_a_split_page_gzips_to_exactly_its_text():
    html = "<p>Trafficked children are victims ✓ " + "never offenders. " * 4000 + "A</p>B C"
    page = SplitPage.split(html, {"one": "A", "two": "C"})
    values = {"one": "token-1", "two": "x" * 70_000}  # a value longer than one stored block
    expected = html.replace("A", "token-1").replace("C", "x" * 70_000).encode()
    assert page.body(values) == expected
    stream = page.gzipped(values)
    assert gzip.decompress(stream) == expected  # checks the CRC-32 and length too
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    assert decoder.decompress(stream) == expected
    assert decoder.eof and not decoder.unused_data


def test_an_empty_value_and_a_page_without_placeholders_gzip_too():
    page = SplitPage.split("before MARK after", {"gone": "MARK"})
    assert gzip.decompress(page.gzipped({"gone": ""})) == b"before  after"
    plain = SplitPage.split("nothing to fill in", {"unused": "MARK"})
    assert gzip.decompress(plain.gzipped({})) == b"nothing to fill in"


def test_a_gzipped_page_is_the_plain_page_with_its_own_tokens(worker_client, content):
    plain = worker_client.get(CHECKLIST).content.decode()
    response = worker_client.get(CHECKLIST, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert len(html) == len(plain)
    assert csrf_tokens(html) and csrf_tokens(html) != csrf_tokens(plain)
    assert re.sub(r'value="[^"]{64}"', "", html) == re.sub(r'value="[^"]{64}"', "", plain)


def test_tokens_and_the_reflected_address_are_never_compressed(worker_client, content):
    # BREACH needs a secret compressed beside text the attacker chooses. Here every token and
    # the page's address (which an attacker can choose) are sent as they are, uncompressed.
    response = worker_client.get(
        GUIDANCE + "?probe=csrfmiddlewaretoken", HTTP_ACCEPT_ENCODING="gzip"
    )
    html = gzip.decompress(response.content).decode()
    for token in csrf_tokens(html):
        assert token.encode() in response.content
    assert b"/guidance/?probe=csrfmiddlewaretoken" in response.content


def test_without_gzip_html_the_page_is_left_to_the_proxy(worker_client, content, settings):
    # As GZIP_HTML=0 sets it up: no GZipMiddleware, and cached pages sent as they are.
    settings.GZIP_HTML = False
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("GZipMiddleware")]
    response = worker_client.get(GUIDANCE, HTTP_ACCEPT_ENCODING="gzip")
    assert not response.has_header("Content-Encoding")
    assert "Guidance" in response.content.decode()


# What each request still gets of its own ---------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_the_language_forms_next_is_this_requests_own_address(worker_client, content, url):
    worker_client.get(url)  # cached now
    html = worker_client.get(url + "?a=1&b='x'<").content.decode()
    assert f'name="next" type="hidden" value="{url}?a=1&amp;b=&#x27;x&#x27;%3C"' in html
    again = worker_client.get(url).content.decode()
    assert f'name="next" type="hidden" value="{url}"' in again
    assert "rr-" not in again  # no placeholder left anywhere


def test_a_message_is_shown_on_a_cached_page_once(worker_client, content):
    worker_client.get(START)  # cached now
    worker_client.post(reverse("screening:finish"))
    assert (
        "The result has been cleared from this device." in worker_client.get(START).content.decode()
    )
    assert "The result has been cleared" not in worker_client.get(START).content.decode()


def test_each_request_gets_a_csrf_token_that_works(client, worker, content):
    sign_in(client, worker)
    client.get(CHECKLIST)
    page = client.get(CHECKLIST).content.decode()
    csrf = csrf_tokens(page)[0]
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    strict = type(client)(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    answer = {field(content["indicators"]["address"]): "yes"}
    response = strict.post(CHECKLIST, {"csrfmiddlewaretoken": csrf, "token": token, **answer})
    assert response.status_code == 302
    assert response["Location"] == RESULT


# The menu follows the viewer ---------------------------------------------------------------


def test_cached_pages_show_each_viewer_their_own_menu(client, worker, supervisor, editor, content):
    for user, dashboard, admin in [
        (worker, False, False),
        (supervisor, True, False),
        (editor, False, True),
    ]:
        client.logout()
        sign_in(client, user)
        for _ in range(2):  # the second is the cached page
            html = client.get(GUIDANCE).content.decode()
            assert (f'href="{DASHBOARD}"' in html) is dashboard, user.username
            assert ('href="/admin/"' in html) is admin, user.username
    client.logout()
    assert client.get(GUIDANCE).status_code == 302  # signed out: no cached page for anyone


def test_the_dashboard_link_follows_a_group_change_on_the_next_get(worker_client, worker, content):
    assert f'href="{DASHBOARD}"' not in worker_client.get(GUIDANCE).content.decode()
    worker.groups.add(Group.objects.get(name=roles.SUPERVISORS))
    assert f'href="{DASHBOARD}"' in worker_client.get(GUIDANCE).content.decode()
    worker.groups.clear()
    assert f'href="{DASHBOARD}"' not in worker_client.get(GUIDANCE).content.decode()


def test_a_reviewed_translation_loses_its_note_on_the_next_get(worker_client, refer):  # noqa: F811
    assert NEPALI_NOTE in nepali(worker_client).get(GUIDANCE).content.decode()
    mark_reviewed(refer, "ne")
    assert NEPALI_NOTE not in nepali(worker_client).get(GUIDANCE).content.decode()


# The result --------------------------------------------------------------------------------


def noted(html: str) -> str:
    return html.split("Signs noted", 1)[1].split("More guidance")[0]


def test_a_cached_result_is_never_another_submissions(worker_client, content):
    ind = content["indicators"]
    submit(worker_client, **{field(ind["address"]): "yes"})
    first = worker_client.get(RESULT).content.decode()
    assert worker_client.get(RESULT).content.decode().count("Does not know the address") == (
        first.count("Does not know the address")
    )
    submit(worker_client, **{field(ind["venue"]): "yes"})
    second = noted(worker_client.get(RESULT).content.decode())
    assert "Does not know the address" not in second
    assert ind["venue"].text in second


def test_two_workers_with_the_same_answers_share_the_page_not_the_tokens(client, content):
    ind = content["indicators"]
    pages = []
    for name in ("same-a", "same-b"):
        client.logout()
        sign_in(client, make_user(name, roles.FRONTLINE))
        submit(client, **{field(ind["address"]): "yes"})
        pages.append(client.get(RESULT).content.decode())
    assert noted(pages[0]) == noted(pages[1])
    assert csrf_tokens(pages[0]) != csrf_tokens(pages[1])


# Reading the session and the user with plain queries ---------------------------------------


def test_an_expired_session_signs_nobody_in(worker_client, content):
    assert worker_client.get(CHECKLIST).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = worker_client.get(CHECKLIST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_deactivated_or_deleted_user_is_signed_out_on_the_next_get(
    worker_client, worker, content
):
    assert worker_client.get(CHECKLIST).status_code == 200
    worker.is_active = False
    worker.save()
    assert worker_client.get(CHECKLIST).status_code == 302
    worker.is_active = True
    worker.save()
    sign_in(worker_client, worker)
    assert worker_client.get(CHECKLIST).status_code == 200
    worker.delete()
    assert worker_client.get(CHECKLIST).status_code == 302


def test_a_password_change_elsewhere_signs_this_session_out(worker_client, worker, content):
    assert worker_client.get(CHECKLIST).status_code == 200
    worker.set_password("another-long-password-77")
    worker.save()
    assert worker_client.get(CHECKLIST).status_code == 302


# The submission reads its form's content from the cache too --------------------------------


def test_a_form_sent_after_an_edit_is_checked_against_the_edited_checklist(worker_client, content):
    ind = content["indicators"]
    submit(worker_client, **{field(ind["address"]): "yes"})  # the form's content is cached now
    old_field = field(ind["address"])
    ind["address"].text = "Cannot say where they are staying"
    ind["address"].save()  # a new wording: a new version, a new field name
    ind["address"].refresh_from_db()
    response = submit(worker_client, **{old_field: "yes"})
    assert response.status_code == 200
    assert "The checklist was updated while you were filling it in" in response.content.decode()
    response = submit(worker_client, **{field(ind["address"]): "yes"})
    assert response.status_code == 302
    noted_page = noted(worker_client.get(RESULT).content.decode())
    assert "Cannot say where they are staying" in noted_page


# One query for the session, its user and the content version -------------------------------


def test_a_cached_page_costs_one_query(worker_client, content, django_assert_num_queries):
    worker_client.get(GUIDANCE)  # cached now
    with django_assert_num_queries(1) as captured:
        assert worker_client.get(GUIDANCE).status_code == 200
    sql = captured.captured_queries[0]["sql"]
    assert "screening_accountsession" in sql and "auth_user" in sql
    assert "screening_contentversion" in sql


def test_the_session_row_names_its_account_and_goes_with_it(worker_client, worker, content):
    worker_client.get(GUIDANCE)
    assert Session.objects.get().user_id == worker.pk
    worker.delete()
    assert not Session.objects.exists()


def test_a_user_read_with_the_session_is_used_only_for_that_sessions_account(
    worker_client, worker, supervisor, content
):
    worker_client.get(GUIDANCE)
    # The column disagrees with the session's own data (as it never should): the account in
    # the data wins, read on its own, and nobody is signed in as the other account.
    Session.objects.update(user=supervisor)
    html = worker_client.get(GUIDANCE).content.decode()
    assert f'href="{DASHBOARD}"' not in html
    assert "Sign out" in html


def test_no_user_is_left_behind_for_the_next_request(worker_client, content):
    from screening.accounts.auth_backend import _read_with_session

    worker_client.get(GUIDANCE)
    assert _read_with_session.get() is None


def test_the_old_session_table_is_emptied_by_the_migration(db):
    from importlib import import_module

    from django.apps import apps
    from django.contrib.sessions.models import Session as OldSession

    OldSession.objects.create(session_key="old", session_data="answers", expire_date=timezone.now())
    import_module("screening.migrations.0062_forget_old_sessions").forget_old_sessions(apps, None)
    assert not OldSession.objects.exists()


def test_a_page_is_rendered_with_the_dashboard_answer_its_key_holds(
    worker_client, worker, content, monkeypatch
):
    # The kept answer can change between building the key and rendering (another request's
    # signal, an expiry): the page must show the answer the key was built with.
    from screening.web import context_processors

    answers = iter([False, True, True, True])
    monkeypatch.setattr(context_processors, "can_view_dashboard_cached", lambda user: next(answers))
    monkeypatch.setattr(
        "screening.web.rendered.can_view_dashboard_cached", lambda user: next(answers)
    )
    html = worker_client.get(GUIDANCE).content.decode()
    assert f'href="{DASHBOARD}"' not in html


def test_deleting_a_group_takes_the_dashboard_link_away_on_the_next_get(supervisor_client, content):
    assert f'href="{DASHBOARD}"' in supervisor_client.get(GUIDANCE).content.decode()
    Group.objects.get(name=roles.SUPERVISORS).delete()
    assert f'href="{DASHBOARD}"' not in supervisor_client.get(GUIDANCE).content.decode()
