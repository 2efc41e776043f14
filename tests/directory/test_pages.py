import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import ContactLevel, OfficeKind
from tests.factories.directory import (
    ContactPersonFactory,
    OfficePageFactory,
    OpeningHoursFactory,
    ServicePageFactory,
    translate,
)
from tests.support.html import hrefs, language, links, page, text_of, texts, visible_text

pytestmark = pytest.mark.django_db


def office_titles(document):
    return texts(document, ".office-list .office-link__title")


@pytest.mark.parametrize(("url", "language_code"), [("/id/", "id"), ("/en/", "en")])
def test_home_page_offers_search_call_centre_and_directory_by_type(client, url, language_code):
    home = page(client, url)
    assert language(home) == language_code
    assert home.select("form input[name=q]")
    assert "tel:112" in hrefs(home)
    assert any(href.endswith("?kind=kecamatan") for href in hrefs(home, "main a[href]"))


def test_directory_groups_offices_by_type(client):
    district = OfficePageFactory(title="Kecamatan Percobaan", kind=OfficeKind.KECAMATAN)
    department = OfficePageFactory(title="Dinas Kependudukan Percobaan", kind=OfficeKind.DINAS)
    directory = page(client, "/id/direktori/")
    groups = {text_of(group, "h2"): office_titles(group) for group in directory.select("section.office-group")}
    assert department.title in groups["Dinas"]
    assert district.title in groups["Kecamatan"]
    assert list(groups).index("Dinas") < list(groups).index("Kecamatan")


def test_directory_filter_by_type_works_without_javascript(client):
    district = translate(OfficePageFactory(kind=OfficeKind.KECAMATAN), {"title": "Trial District"})
    department = translate(OfficePageFactory(kind=OfficeKind.DINAS), {"title": "Trial Department"})
    titles = office_titles(page(client, "/en/directory/?kind=kecamatan"))
    assert district.title in titles
    assert department.title not in titles


def test_unknown_type_filter_shows_every_office(client):
    district = OfficePageFactory(kind=OfficeKind.KECAMATAN)
    secretariat = OfficePageFactory(kind=OfficeKind.SEKRETARIAT)
    directory = page(client, "/id/direktori/?kind=<script>")
    assert {district.title, secretariat.title} <= set(office_titles(directory))
    assert not directory.select("main script")


def test_office_page_lists_contacts_head_first_with_call_and_whatsapp_links(client):
    office = OfficePageFactory(latitude="-8.2192", longitude="114.3691")
    technical = ContactPersonFactory(office=office, level=ContactLevel.TECHNICAL, whatsapp="+62 812-3456-7890")
    head = ContactPersonFactory(office=office, level=ContactLevel.HEAD, phone="(0333) 424111")
    document = page(client, office.url)
    assert texts(document, ".contact-card__name") == [head.name, technical.name]
    card = document.select_one(f"#contact-{technical.key}")
    assert ("WhatsApp 0812-3456-7890 (" + technical.name + ")", "https://wa.me/6281234567890") in links(card)
    assert "tel:+62333424111" in hrefs(document.select_one(f"#contact-{head.key}"))
    assert any("openstreetmap.org" in href for href in hrefs(document))


def test_contact_numbers_are_shown_in_local_form(client):
    contact = ContactPersonFactory(whatsapp="+62 800-1234-5678")
    button = page(client, contact.office.url).select_one(f"#contact-{contact.key} .button--whatsapp small")
    assert visible_text(button) == "0800-1234-5678"


def test_stable_identifiers_are_not_shown_to_citizens(client):
    contact = ContactPersonFactory(key="kunci-rahasia-petugas")
    assert contact.key not in visible_text(page(client, contact.office.url))


def test_english_office_page_shows_translated_contacts(client):
    contact = ContactPersonFactory(position="Kepala Bidang Percobaan")
    english = translate(contact.office, {"title": "Trial Office"}, contacts={contact: {"position": "Head of Trials"}})
    document = page(client, english.url)
    assert language(document) == "en"
    assert text_of(document, "h1") == "Trial Office"
    assert text_of(document, f"#contact-{contact.key} .contact-card__position") == "Head of Trials"


def test_language_switcher_leads_to_the_same_office_in_the_other_language(client):
    office = OfficePageFactory()
    english = translate(office, {"slug": "trial-office"})
    assert ("English", english.url) in links(page(client, office.url), ".language-switcher a")
    assert ("Bahasa Indonesia", office.url) in links(page(client, english.url), ".language-switcher a")


def test_untranslated_page_says_so_instead_of_pretending(client):
    office = OfficePageFactory()
    switch = [href for href in hrefs(page(client, office.url), ".language-switcher a") if href.startswith("/en/")]
    assert len(switch) == 1 and "untranslated" in switch[0], "the switcher must lead to the untranslated notice"
    notice = page(client, switch[0])
    assert language(notice) == "en"
    assert "not yet available in English" in visible_text(notice.select_one("main"))
    assert office.url in hrefs(notice, "main a[href]")


def test_service_page_shows_requirements_cost_and_duration_first_then_who_to_contact(client):
    officer = ContactPersonFactory()
    service = ServicePageFactory(
        parent=officer.office,
        officers=[officer],
        requirements=[("requirement", "Surat pengantar RT")],
        legal_basis=[("regulation", "Peraturan Bupati Banyuwangi Nomor 1 Tahun 2024")],
    )
    main = visible_text(page(client, service.url).select_one("main"))
    order = ["Surat pengantar RT", service.duration, officer.name, service.procedure[0].value, service.output]
    order.append("Peraturan Bupati Banyuwangi Nomor 1 Tahun 2024")
    positions = [main.index(text) for text in order]
    assert positions == sorted(positions)


def test_missing_page_is_a_friendly_404_with_search(client):
    assert page(client, "/en/directory/no-such-office/", status=404).select("main input[name=q]")


def queries_to_render(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# An uncached office page (a visitor with a session, the first after a purge, a preview):
# routing, the page, its contacts, opening hours and special hours, services, breadcrumbs, language
# links, footer, which of its texts are not yet translated, and the feed link and notices of the phone layout.
OFFICE_PAGE_QUERIES = 29


def test_office_page_renders_in_a_fixed_number_of_queries(client):
    office = OfficePageFactory()
    ContactPersonFactory(office=office)
    OpeningHoursFactory(office=office)
    ServicePageFactory(parent=office)
    translate(office)
    client.get(office.url)  # warm per-process caches (site root paths, content types)
    before = queries_to_render(client, office.url)
    assert before == OFFICE_PAGE_QUERIES
    ContactPersonFactory.create_batch(10, office=office)
    ServicePageFactory.create_batch(3, parent=office)
    assert queries_to_render(client, office.url) == before


def test_a_call_centre_is_called_as_dialled_at_home_and_has_no_whatsapp(client):
    contact = ContactPersonFactory(phone="1500123", whatsapp="1500123")
    card = page(client, contact.office.url).select_one(f"#contact-{contact.key}")
    assert visible_text(card.select_one(".button--call small")) == "1500-123"
    assert "tel:1500123" in hrefs(card)
    assert card.select(".button--whatsapp") == []


def test_an_office_number_without_a_national_pattern_is_shown_with_its_trunk_zero(client):
    office = OfficePageFactory(phone="0333-4212")
    document = page(client, office.url)
    assert ("0333-4212", "tel:+623334212") in links(document, ".details a[href^='tel:']")
