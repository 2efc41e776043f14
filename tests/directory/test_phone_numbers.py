"""Editors get a clear error for a phone number that cannot be dialled."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def post_office(client, user, office, edit_data, **changes):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[office.pk])
    return client.post(url, edit_data(office, user, **changes))


def test_an_impossible_contact_number_is_refused_with_a_message_at_the_field(client, editor_a, office_a, edit_data):
    old = office_a.contacts.first().whatsapp
    response = post_office(client, editor_a, office_a, edit_data, **{"contacts-0-whatsapp": "+62 81"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(error.get_text(" ", strip=True) for error in page.select(".error-message"))
    assert "+62 81" in errors
    office_a.refresh_from_db()
    assert office_a.contacts.first().whatsapp == old


def test_an_impossible_office_number_is_refused(client, editor_a, office_a, edit_data):
    old = office_a.phone
    response = post_office(client, editor_a, office_a, edit_data, phone="+62 333 1")
    assert response.status_code == 200
    office_a.refresh_from_db()
    assert office_a.phone == old
    page = BeautifulSoup(response.content, "html.parser")
    assert "+62 333 1" in " ".join(error.get_text(" ", strip=True) for error in page.select(".error-message"))


@pytest.mark.parametrize("number", ["08123", "0333-421234 / 424172"])
def test_a_fragment_or_two_numbers_in_one_field_are_refused(client, editor_a, office_a, edit_data, number):
    old = office_a.phone
    response = post_office(client, editor_a, office_a, edit_data, phone=number)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert number in " ".join(error.get_text(" ", strip=True) for error in page.select(".error-message"))
    office_a.refresh_from_db()
    assert office_a.phone == old


@pytest.mark.parametrize("number", ["115", "1500-123"])
def test_service_numbers_are_accepted_from_editors(client, editor_a, office_a, edit_data, number):
    response = post_office(client, editor_a, office_a, edit_data, phone=number)
    assert response.status_code == 302
    office_a.refresh_from_db()
    assert office_a.get_latest_revision_as_object().phone == number
