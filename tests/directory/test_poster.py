"""The printable poster of an office: its officers, their numbers, 112 and a QR code to its page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_poster_lists_officers_head_first_with_local_numbers(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    html = client.get("/id/direktori/dispendukcapil/poster/").content.decode()
    head = next(contact for contact in opd["contacts"] if contact["level"] == "head")
    technical = next(contact for contact in opd["contacts"] if contact["level"] == "technical")
    assert html.index(head["name"]) < html.index(technical["name"])
    assert "0" + technical["whatsapp"].removeprefix("+62 ") in html


def test_poster_carries_the_call_centre_promise_and_a_qr_code_to_the_office_page(client):
    html = client.get("/en/directory/dispendukcapil/poster/").content.decode()
    assert 'href="tel:112"' in html
    assert "answered within 4 hours" in html
    assert re.search(r"<svg[^>]*viewBox=", html)
    assert re.search(r"http://[^<\s]+/en/directory/dispendukcapil/<", html)
    assert "css/print" in html


def test_office_page_links_to_its_poster(client):
    html = client.get("/id/direktori/kecamatan-licin/").content.decode()
    assert 'href="/id/direktori/kecamatan-licin/poster/"' in html


def test_services_below_the_office_are_still_reached(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    assert client.get(f"/id/direktori/dispendukcapil/{opd['services'][0]['slug']}/").status_code == 200
