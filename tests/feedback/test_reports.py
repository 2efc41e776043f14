"""Reports on contacts: one tap from the card, counted for the office's editors until the contact is confirmed."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from directory.editorial.freshness import verify_contact
from directory.models import ContactPerson
from feedback.models import ContactReport
from tests.factories.feedback import ContactReportFactory
from tests.support.html import hrefs, page, visible_text

from .conftest import OFFICE, form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    return ContactPerson.objects.filter(office__stable_slug=OFFICE, locale=Locale.get_default()).first()


def report_url(contact, language="id"):
    return f"/{language}/feedback/report/{contact.key}/"


def test_every_contact_card_links_to_the_report_form(client, contact):
    card = page(client, f"/id/direktori/{OFFICE}/").select_one(f"#contact-{contact.key}")
    assert report_url(contact) in hrefs(card)


def test_a_report_is_stored_against_the_contact_with_its_optional_note(client, fill, contact):
    response = fill(report_url(contact), reason="wrong", note="Nomor tidak aktif")
    assert response.status_code == 200
    report = ContactReport.objects.get()
    assert (report.contact, report.reason, report.note) == (contact, "wrong", "Nomor tidak aktif")


def test_a_report_from_the_english_page_counts_for_the_same_contact(client, fill, contact):
    fill(report_url(contact, "en"), reason="no_answer")
    assert ContactReport.objects.get().contact == contact


def test_an_unknown_contact_cannot_be_reported(client):
    assert client.get("/id/feedback/report/nobody-here/").status_code == 404


def test_the_same_browser_reports_a_contact_once_a_day(client, fill, contact):
    fill(report_url(contact), reason="no_answer")
    assert fill(report_url(contact), reason="no_answer").status_code == 409
    assert ContactReport.objects.count() == 1


def test_editors_see_reported_contacts_ranked_in_the_contact_data_report(client, fill, contact, editor_a):
    from django.test import Client

    for phone in ("Phone A", "Phone B", "Phone C"):  # three citizens, three browsers
        citizen = Client(HTTP_USER_AGENT=phone)
        citizen.get("/")
        citizen.post(report_url(contact), {**form_fields(citizen.get(report_url(contact))), "reason": "no_answer"})
    client.force_login(editor_a)
    report = page(client, reverse("directory_freshness_report"))
    row = report.select_one('[data-reports="3"]').find_parent("tr")
    assert contact.name in visible_text(row)
    assert page(client, reverse("wagtailadmin_home")).select("[id*=citizen-voice]")


def test_confirming_a_contact_closes_its_reports(contact, editor_a, django_capture_on_commit_callbacks):
    ContactReportFactory(contact=contact)
    with django_capture_on_commit_callbacks(execute=True):
        verify_contact(contact, editor_a)
    assert ContactReport.objects.get().resolved_at is not None


def test_editors_of_another_office_do_not_see_the_reports(client, fill, contact, editor_b):
    fill(report_url(contact), reason="no_answer")
    client.force_login(editor_b)
    assert not page(client, reverse("directory_freshness_report")).select("[data-reports]")


def test_a_contact_reported_again_without_the_cookie_is_still_refused_for_the_day(contact):
    from django.test import Client

    from feedback import protection

    citizen = Client(HTTP_USER_AGENT="Phone A")
    for _attempt in range(2):
        citizen.cookies.pop(protection.DONE_COOKIE, None)
        last = citizen.post(report_url(contact), {**form_fields(citizen.get(report_url(contact))), "reason": "wrong"})
    assert last.status_code == 409
    assert ContactReport.objects.count() == 1
