"""The CSRF cookie is sent only when it changes (screening/web/csrf.py)."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, make_user

LOGIN = reverse("login")
START = reverse("screening:start")
SET_LANGUAGE = reverse("set_language")
NAME = settings.CSRF_COOKIE_NAME


def token_in(response) -> str:
    html = response.content.decode()
    return html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]


def sent_cookie(response):
    morsel = response.cookies.get(NAME)
    return morsel.value if morsel is not None else None


def test_the_cookie_is_sent_on_a_first_visit_and_not_again(db):
    browser = Client(enforce_csrf_checks=True)
    first = browser.get(LOGIN)
    assert sent_cookie(first)
    again = browser.get(LOGIN)  # the sign-in view sends it through csrf_protect as well
    assert token_in(again)
    assert sent_cookie(again) is None
    assert sent_cookie(browser.get(START)) is None


def test_signing_in_sends_the_new_secret_and_later_pages_do_not(db):
    make_user("csrf-worker")
    browser = Client(enforce_csrf_checks=True)
    before = sent_cookie(browser.get(LOGIN))
    response = browser.post(
        LOGIN,
        {
            "username": "csrf-worker",
            "password": PASSWORD,
            "csrfmiddlewaretoken": token_in(browser.get(LOGIN)),
        },
    )
    assert response.status_code == 302
    rotated = sent_cookie(response)
    assert rotated and rotated != before
    assert sent_cookie(browser.get(START)) is None


def test_a_response_from_before_signing_in_does_not_undo_the_new_secret(db):
    """The race seen in a browser: a page saved in the background was on its way while the
    worker signed in, and its cookie arrived after the sign-in's."""
    make_user("csrf-racer")
    browser = Client(enforce_csrf_checks=True)
    browser.get(LOGIN)
    old = browser.cookies[NAME].value
    # The background request leaves with the cookies the browser has before signing in.
    background = Client(enforce_csrf_checks=True)
    background.cookies[NAME] = old
    browser.post(
        LOGIN,
        {
            "username": "csrf-racer",
            "password": PASSWORD,
            "csrfmiddlewaretoken": token_in(browser.get(LOGIN)),
        },
    )
    page = browser.get(START)  # the page after signing in, with a token for the new secret
    late = background.get(f"{LOGIN}?next={reverse('screening:checklist')}")
    late_anonymous_start = background.get(START)
    for response in (late, late_anonymous_start):  # they arrive now, and the browser takes them
        browser.cookies.update(response.cookies)
    switched = browser.post(
        SET_LANGUAGE,
        {"language": "ne", "next": START, "csrfmiddlewaretoken": token_in(page)},
    )
    assert switched.status_code == 302
    assert browser.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ne"


def test_a_malformed_cookie_is_replaced(db):
    browser = Client(enforce_csrf_checks=True)
    browser.cookies[NAME] = "not-a-secret"
    replaced = sent_cookie(browser.get(LOGIN))
    assert replaced and replaced != "not-a-secret" and len(replaced) == 32
