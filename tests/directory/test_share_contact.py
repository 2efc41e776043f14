"""Share a contact: a WhatsApp share link with name, position, office and number, in the page's language."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, translate
from tests.support.html import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    office = OfficePageFactory(title="Dinas Percobaan Berbagi", acronym="DPB")
    return ContactPersonFactory(
        office=office, name="Siti Rahayu", position="Kepala Seksi", phone="(0333) 424001", whatsapp="0812-3456-7890"
    )


def share_link(client, url, contact):
    return page(client, url).select_one(f"#contact-{contact.key} a.button--share")


def shared_text(link):
    """The message WhatsApp's share page receives, as the link carries it."""
    address = urlsplit(link["href"])
    assert (address.scheme, address.netloc, address.path) == ("https", "wa.me", "/")
    return parse_qs(address.query)["text"][0]


def test_the_share_link_carries_name_position_office_and_numbers_in_indonesian(client, contact):
    link = share_link(client, contact.office.url, contact)
    assert shared_text(link).splitlines() == [
        "Siti Rahayu",
        "Kepala Seksi",
        "Dinas Percobaan Berbagi (DPB)",
        "Telepon: (0333) 424001",
        "WhatsApp: 0812-3456-7890",
    ]
    assert link.get_text(" ", strip=True) == "Bagikan kontak (Siti Rahayu)"


def test_the_english_page_shares_in_english(client, contact):
    english = translate(
        contact.office, {"title": "Sharing Trial Office"}, contacts={contact: {"position": "Head of Section"}}
    )
    link = share_link(client, english.url, contact)
    assert shared_text(link).splitlines() == [
        "Siti Rahayu",
        "Head of Section",
        "Sharing Trial Office (DPB)",
        "Phone: (0333) 424001",
        "WhatsApp: 0812-3456-7890",
    ]
    assert link.get_text(" ", strip=True) == "Share contact (Siti Rahayu)"


def test_one_number_for_calls_and_whatsapp_is_given_once(client, contact):
    contact.whatsapp = contact.phone
    contact.save()
    lines = shared_text(share_link(client, contact.office.url, contact)).splitlines()
    assert lines[3:] == ["Telepon: (0333) 424001"]


def test_a_service_page_shares_its_officers(client, contact):
    service = ServicePageFactory(parent=contact.office, officers=[contact])
    assert shared_text(share_link(client, service.url, contact)).splitlines()[:3] == [
        "Siti Rahayu",
        "Kepala Seksi",
        "Dinas Percobaan Berbagi (DPB)",
    ]


def test_the_web_share_script_is_our_own_and_deferred(client, contact):
    scripts = page(client, contact.office.url).select("head script[src]")
    share = [script for script in scripts if script["src"].endswith("share.js")]
    assert len(share) == 1 and share[0].has_attr("defer")
    assert share[0]["src"].startswith("/static/")
