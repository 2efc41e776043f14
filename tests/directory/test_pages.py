import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from directory.models import ContactPerson, DirectoryIndexPage, OfficePage, ServicePage

pytestmark = pytest.mark.django_db


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def visible_text(html):
    """What a reader sees: no tags, no scripts (JSON-LD is for machines)."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<script\b.*?</script>", " ", html, flags=re.S))


@pytest.mark.parametrize(("url", "language"), [("/id/", "id"), ("/en/", "en")])
def test_home_page_offers_search_call_centre_and_directory_by_type(client, url, language):
    html = html_of(client, url)
    assert f'<html lang="{language}"' in html
    assert 'name="q"' in html
    assert 'href="tel:112"' in html
    assert "?kind=kecamatan" in html


def test_directory_groups_offices_by_type(client):
    html = html_of(client, "/id/direktori/")
    assert "Kecamatan Licin" in html
    assert "Sekretariat Daerah Kabupaten Banyuwangi" in html
    assert html.index("Dinas Kependudukan") < html.index("Kecamatan Licin")


def test_directory_filter_by_type_works_without_javascript(client):
    html = html_of(client, "/en/directory/?kind=kecamatan")
    assert "Licin District" in html
    assert "Population and Civil Registration" not in html


def test_unknown_type_filter_shows_every_office(client):
    html = html_of(client, "/id/direktori/?kind=<script>")
    assert "Kecamatan Licin" in html and "Sekretariat Daerah" in html
    assert "<script>" not in html


def test_office_page_lists_contacts_head_first_with_call_and_whatsapp_links(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    html = html_of(client, "/id/direktori/dispendukcapil/")
    head = next(contact for contact in opd["contacts"] if contact["level"] == "head")
    technical = next(contact for contact in opd["contacts"] if contact["level"] == "technical")
    assert html.index(head["name"]) < html.index(technical["name"])
    whatsapp_digits = re.sub(r"\D", "", technical["whatsapp"])
    assert f'href="https://wa.me/{whatsapp_digits}"' in html
    assert f'id="contact-{technical["key"]}"' in html
    assert 'href="tel:+62' in html
    assert "openstreetmap.org" in html


def test_contact_numbers_are_shown_in_local_form(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    whatsapp = opd["contacts"][0]["whatsapp"]  # +62 800-xxxx-xxxx
    html = html_of(client, "/id/direktori/dispendukcapil/")
    assert "0" + whatsapp.removeprefix("+62 ") in visible_text(html)


def test_stable_identifiers_are_not_shown_to_citizens(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    text = visible_text(html_of(client, "/id/direktori/dispendukcapil/"))
    for contact in opd["contacts"]:
        assert contact["key"] not in text


def test_english_office_page_shows_translated_contacts(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    html = html_of(client, "/en/directory/dispendukcapil/")
    assert '<html lang="en"' in html
    assert opd["contacts"][1]["position"]["en"] in html
    assert opd["name"]["en"] in html


def test_language_switcher_leads_to_the_same_office_in_the_other_language(client):
    html = html_of(client, "/id/direktori/kecamatan-licin/")
    assert 'href="/en/directory/kecamatan-licin/"' in html
    html = html_of(client, "/en/directory/kecamatan-licin/")
    assert 'href="/id/direktori/kecamatan-licin/"' in html


def test_untranslated_page_says_so_instead_of_pretending(client):
    directory = DirectoryIndexPage.objects.get(locale__language_code="id")
    office = directory.add_child(
        instance=OfficePage(title="Dinas Baru Percobaan", slug="dinas-baru", kind="dinas", stable_slug="dinas-baru")
    )
    html = html_of(client, office.url)
    match = re.search(r'href="(/en/[^"]*untranslated/\d+/)"', html)
    assert match, "the switcher must lead to the untranslated notice"
    notice = html_of(client, match.group(1))
    assert '<html lang="en"' in notice
    assert "not yet available in English" in notice
    assert 'href="/id/direktori/dinas-baru/"' in notice


def test_service_page_shows_requirements_cost_and_duration_first_then_who_to_contact(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    service = opd["services"][0]
    html = html_of(client, f"/en/directory/dispendukcapil/{service['slug']}/")
    html = html[html.index("<main") :]
    officer = next(contact for contact in opd["contacts"] if contact["key"] == service["contacts"][0])
    assert officer["name"] in html
    positions = [
        html.index(text)
        for text in (
            service["requirements"]["en"][0],
            service["duration"]["en"],
            officer["name"],
            service["procedure"]["en"][0],
            service["output"]["en"],
            service["legal_basis"][0],
        )
    ]
    assert positions == sorted(positions)


def test_missing_page_is_a_friendly_404_with_search(client):
    html = html_of(client, "/en/directory/no-such-office/", status=404)
    assert 'name="q"' in html


def queries_to_render(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# An uncached office page (a visitor with a session, the first after a purge, a preview):
# routing, the page, its contacts and opening hours, services, breadcrumbs, language links, footer,
# which of its texts are not yet translated, and the feed link and notices of the phone layout.
OFFICE_PAGE_QUERIES = 28


def test_office_page_renders_in_a_fixed_number_of_queries(client):
    url = "/id/direktori/kecamatan-licin/"
    client.get(url)  # warm per-process caches (site root paths, content types)
    before = queries_to_render(client, url)
    assert before == OFFICE_PAGE_QUERIES
    office = OfficePage.objects.get(stable_slug="kecamatan-licin", locale__language_code="id")
    template = office.contacts.first()
    for number in range(10):
        ContactPerson.objects.create(
            office=office,
            locale=Locale.objects.get(language_code="id"),
            name=f"Petugas {number}",
            level="technical",
            position=template.position,
            phone="0333-000-0000",
            whatsapp=f"+62 800-0000-{number:04d}",
        )
    for number in range(3):
        office.add_child(instance=ServicePage(title=f"Layanan {number}", slug=f"layanan-{number}"))
    assert office.contacts.count() > 10
    assert queries_to_render(client, url) == before
