"""The office edit form lists its contacts by name and position, closed when there are many."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from directory.editorial.panels import ContactsInlinePanel

pytestmark = pytest.mark.django_db


def contact_sections(client, user, office):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[office.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select("#id_contacts-FORMS > [data-inline-panel-child] > section")


def heading(section):
    return section.select_one("[data-panel-heading-text]").get_text(strip=True)


def test_each_contact_is_headed_by_its_name_and_position(client, editor_a, office_a):
    sections = contact_sections(client, editor_a, office_a)
    assert [heading(section) for section in sections] == [
        f"{contact.name} — {contact.position}" for contact in office_a.contacts.all()
    ]


def test_an_office_with_many_contacts_starts_with_them_closed(client, editor_a, office_a):
    sections = contact_sections(client, editor_a, office_a)
    assert len(sections) >= ContactsInlinePanel.collapse_from
    assert all("collapsed" in section["class"] for section in sections)


def test_an_office_with_few_contacts_starts_with_them_open(client, editor_b, office_b):
    sections = contact_sections(client, editor_b, office_b)
    assert 0 < len(sections) < ContactsInlinePanel.collapse_from
    assert not any("collapsed" in section["class"] for section in sections)


def test_a_new_contact_starts_open_under_a_numbered_heading(client, editor_a, office_a):
    client.force_login(editor_a)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[office_a.pk]))
    template = BeautifulSoup(response.content, "html.parser").select_one("#id_contacts-EMPTY_FORM_TEMPLATE")
    new_contact = BeautifulSoup(template.decode_contents(), "html.parser").select_one("section")
    assert "collapsed" not in new_contact["class"]
    assert new_contact.select_one("[data-inline-panel-child-count]") is not None
