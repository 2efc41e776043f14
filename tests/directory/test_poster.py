"""The printable poster of an office: its officers, their numbers, 112 and a QR code to its page."""

import pytest

from directory.models import ContactLevel
from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, translate
from tests.support.html import hrefs, page, text_of, texts, visible_text

pytestmark = pytest.mark.django_db


def poster_url(office):
    return f"{office.url}poster/"


def test_poster_lists_officers_head_first_with_local_numbers(client):
    office = OfficePageFactory()
    technical = ContactPersonFactory(office=office, level=ContactLevel.TECHNICAL, whatsapp="+62 812-3456-7890")
    head = ContactPersonFactory(office=office, level=ContactLevel.HEAD)
    rows = page(client, poster_url(office)).select(".poster__contacts tbody tr")
    assert [text_of(row, ".poster__name") for row in rows] == [head.name, technical.name]
    assert "0812-3456-7890" in texts(rows[1], "td a")


def test_poster_carries_the_call_centre_promise_and_a_qr_code_to_the_office_page(client):
    english = translate(OfficePageFactory(), {"slug": "trial-office"})
    poster = page(client, poster_url(english))
    assert "tel:112" in hrefs(poster.select_one(".poster__call"))
    assert "answered within 4 hours" in text_of(poster, ".poster__call")
    assert poster.select_one(".poster__qr svg").has_attr("viewbox")
    assert text_of(poster, ".poster__url").startswith("http://")
    assert text_of(poster, ".poster__url").endswith(english.url)
    assert any("css/print" in href for href in hrefs(poster, "link[rel=stylesheet]"))


def test_office_page_links_to_its_poster(client):
    office = OfficePageFactory()
    assert poster_url(office) in hrefs(page(client, office.url), ".poster-link a")


def test_services_below_the_office_are_still_reached(client):
    service = ServicePageFactory()
    assert visible_text(page(client, service.url).select_one("h1")) == service.title
