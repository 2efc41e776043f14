"""Text changed in Indonesian and not yet translated shows in Indonesian, marked, never as stale English."""

import pytest
from django.test import Client
from wagtail.models import Locale

from core.translation import stream_paths
from directory.models import ServicePage
from tests.factories.directory import (
    ContactPersonFactory,
    OfficePageFactory,
    ServicePageFactory,
    publish,
    translate,
)
from tests.support.html import page

pytestmark = pytest.mark.django_db

NEW_POSITION = "Petugas teknis layanan KTP-el keliling"
NEW_REQUIREMENT = "Fotokopi kartu keluarga yang sudah dilegalisir"


@pytest.fixture
def office_a():
    """An office with two contacts and a service of two requirements, all translated into English."""
    office = OfficePageFactory()
    counter = ContactPersonFactory(office=office, position="Petugas loket")
    head = ContactPersonFactory(office=office, position="Kepala seksi pelayanan")
    office = publish(office)
    translate(
        office,
        {"slug": "trial-office"},
        contacts={counter: {"position": "Counter officer"}, head: {"position": "Head of the service section"}},
    )
    service = ServicePageFactory(
        parent=office, requirements=[("requirement", "Fotokopi KTP-el"), ("requirement", "Surat pengantar RT")]
    )
    service = publish(service)
    translate(service, stream_paths("requirements", service.requirements, ["Copy of the e-ID", "Letter from the RT"]))
    return office


def soup_of(url):
    return page(Client(), url)


def english_of(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def test_a_fully_translated_page_says_nothing_about_translation(office_a):
    soup = soup_of(english_of(office_a).url)
    assert soup.select(".notice--untranslated") == []
    assert soup.select(".contact-card [lang]") == []


def test_a_changed_position_shows_the_indonesian_text_marked_as_not_yet_translated(office_a):
    contact, other = office_a.contacts.order_by("sort_order")[:2]
    english_other = english_of(other)
    english_before = english_of(contact).position
    draft = office_a.get_latest_revision_as_object()
    contacts = list(draft.contacts.all())
    next(c for c in contacts if c.pk == contact.pk).position = NEW_POSITION
    draft.contacts = contacts
    draft.save_revision().publish()

    soup = soup_of(english_of(office_a).url)
    card = soup.select_one(f"#contact-{contact.key}")
    position = card.select_one(".contact-card__position")
    assert position.get_text(strip=True) == NEW_POSITION
    assert position["lang"] == "id"
    assert "Not yet translated" in card.get_text()
    assert english_before not in soup.get_text()
    assert soup.select_one(".notice--untranslated") is not None

    other_card = soup.select_one(f"#contact-{other.key}")
    assert other_card.select_one(".contact-card__position").get_text(strip=True) == english_other.position
    assert other_card.select("[lang]") == []
    assert "Not yet translated" not in other_card.get_text()


def test_a_changed_requirement_is_marked_and_the_others_keep_their_english(office_a):
    service = ServicePage.objects.child_of(office_a).live().first().specific
    assert len(service.requirements) >= 2
    english_requirements = [block.value for block in english_of(service).requirements]
    draft = service.get_latest_revision_as_object()
    draft.requirements[0].value = NEW_REQUIREMENT
    draft.save_revision().publish()

    items = soup_of(english_of(service).url).select(".checklist li")
    assert items[0].get_text(strip=True) == NEW_REQUIREMENT
    assert items[0]["lang"] == "id"
    assert [item.get_text(strip=True) for item in items[1:]] == english_requirements[1:]
    assert all(not item.has_attr("lang") for item in items[1:])
