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
