""" "This number did not work": one tap, three things stored, nothing that points at anyone."""

import datetime

import time_machine
from django.urls import reverse

from screening.models import ContactReport, SupportContact
from tests.conftest import sign_in

REPORT = reverse("screening:report_number")
CONTACTS = reverse("screening:contacts")


def nepal_police() -> SupportContact:
    return SupportContact.objects.active().get(phones="100", country__code="np")


def test_a_report_stores_exactly_the_contact_the_day_and_the_reason(client, worker):
    contact = nepal_police()
    with time_machine.travel(datetime.datetime(2027, 3, 3, 10, tzinfo=datetime.UTC)):
        sign_in(client, worker)
        response = client.post(
            REPORT, {"contact": contact.pk, "reason": "no_connection", "next": CONTACTS}
        )
        assert response.status_code == 302 and response["Location"] == CONTACTS
        page = client.get(CONTACTS).content.decode()
    assert "The editors will check this number" in page
    report = ContactReport.objects.get()
    assert (report.contact, report.day, report.reason) == (
        contact,
        datetime.date(2027, 3, 3),
        "no_connection",
    )
    # The model holds those three and its id: no account, address or free text.
    assert {f.name for f in ContactReport._meta.concrete_fields} == {
        "id",
        "contact",
        "day",
        "reason",
    }


def test_one_report_per_contact_per_session(worker_client, client, db):
    contact = nepal_police()
    for reason in ("no_connection", "wrong_service", "no_answer"):
        worker_client.post(REPORT, {"contact": contact.pk, "reason": reason})
    assert ContactReport.objects.count() == 1
    other = SupportContact.objects.active().get(phones="999")
    worker_client.post(REPORT, {"contact": other.pk, "reason": "no_answer"})
    assert ContactReport.objects.count() == 2


def test_a_report_changes_nothing_workers_see(worker_client):
    contact = nepal_police()
    before = worker_client.get(CONTACTS, {"country": "np"}).content.decode()
    worker_client.post(REPORT, {"contact": contact.pk, "reason": "wrong_service"})
    contact.refresh_from_db()
    assert contact.active
    after = worker_client.get(CONTACTS, {"country": "np"}).content.decode()
    assert after.count('href="tel:100"') == before.count('href="tel:100"')


def test_bad_reports_store_nothing_and_say_so(worker_client):
    contact = nepal_police()
    inactive = SupportContact.objects.get(name_en="Child Helpline International")
    for data in (
        {"contact": contact.pk, "reason": "free text about a child"},
        {"contact": contact.pk},
        {"contact": "nope", "reason": "no_answer"},
        {"contact": inactive.pk, "reason": "no_answer"},
        {"contact": 10**9, "reason": "no_answer"},
    ):
        response = worker_client.post(REPORT, data, follow=True)
        assert response.status_code == 200
        assert "The report could not be sent" in response.content.decode()
    assert not ContactReport.objects.exists()


def test_the_way_back_never_leaves_the_site(worker_client):
    contact = nepal_police()
    response = worker_client.post(
        REPORT, {"contact": contact.pk, "reason": "no_answer", "next": "https://evil.example/"}
    )
    assert response["Location"] == CONTACTS


def test_reporting_needs_a_post_and_a_csrf_token(client, worker):
    from django.test import Client

    assert client.get(REPORT).status_code in (302, 405)
    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, worker)
    response = strict.post(REPORT, {"contact": nepal_police().pk, "reason": "no_answer"})
    assert response.status_code == 403
    assert not ContactReport.objects.exists()


def test_every_number_on_a_contacts_page_has_the_report_button(worker_client):
    html = worker_client.get(CONTACTS, {"region": "np-bagmati"}).content.decode()
    rows = html.split('<li class="contact-row"')[1:]
    with_phone = [row for row in rows if 'href="tel:' in row]
    assert with_phone
    for row in rows:
        assert ("This number did not work" in row) == ('href="tel:' in row)
