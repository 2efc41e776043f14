"""What a phone may keep for use without signal: public office and service pages, vCards, the compact directory."""

import gzip

import pytest
from wagtail.models import PageViewRestriction

from core.offline import KEEP_OFFLINE_HEADER
from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, directory_index
from tests.support.html import page, visible_text

pytestmark = pytest.mark.django_db

COMPACT_DIRECTORY = "/id/direktori/offline/"


@pytest.fixture
def office():
    office = OfficePageFactory(title="Dinas Simpanan", slug="dinas-simpanan", phone="0333-424777")
    ContactPersonFactory(office=office, key="simpanan-kadis", name="Hartini Simpan", level="head", position="Kepala")
    return office


def test_office_and_service_pages_and_vcards_may_be_kept(client, office):
    service = ServicePageFactory(parent=office)
    for url in (office.url, service.url, "/id/vcard/simpanan-kadis.vcf", COMPACT_DIRECTORY):
        response = client.get(url)
        assert response[KEEP_OFFLINE_HEADER] == "1", url
        assert "Cookie" not in response.get("Vary", ""), url


def test_nothing_is_kept_for_a_visitor_with_a_session(client, office):
    client.cookies["sessionid"] = "anything"
    assert KEEP_OFFLINE_HEADER not in client.get(office.url)


def test_search_results_the_directory_index_and_forms_are_not_kept(client, office):
    for url in ("/id/search/?q=simpanan", directory_index().url, f"/id/feedback/complaint/{office.stable_slug}/"):
        response = client.get(url)
        assert KEEP_OFFLINE_HEADER not in response, url


def test_a_private_office_is_not_kept(client, office):
    PageViewRestriction.objects.create(page=office, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")
    response = client.get(office.url)
    assert KEEP_OFFLINE_HEADER not in response
    assert "Hartini Simpan" not in response.content.decode()


def test_the_compact_directory_lists_each_office_with_its_head_and_main_number(client, office):
    entry = next(li for li in page(client, COMPACT_DIRECTORY).select(".offline-directory li") if "Simpanan" in li.text)
    assert visible_text(entry) == "Dinas Simpanan Hartini Simpan · Kepala (0333) 424777"
    assert entry.select_one("a[href^='tel:']")["href"] == "tel:+62333424777"


def test_an_office_without_a_number_of_its_own_gives_its_heads(client):
    office = OfficePageFactory(title="Dinas Tanpa Telepon", slug="dinas-tanpa-telepon", phone="")
    ContactPersonFactory(office=office, level="head", phone="0333-111222", whatsapp="")
    entries = page(client, COMPACT_DIRECTORY).select(".offline-directory li")
    entry = next(li for li in entries if "Tanpa Telepon" in li.text)
    assert entry.select_one("a[href^='tel:']")["href"] == "tel:+62333111222"


def test_a_private_office_leaves_the_compact_directory(client, office):
    PageViewRestriction.objects.create(page=office, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")
    assert "Simpanan" not in visible_text(page(client, COMPACT_DIRECTORY).main)


def test_the_compact_directory_is_a_few_kilobytes(client):
    for _number in range(60):
        ContactPersonFactory(office=OfficePageFactory(), level="head")
    response = client.get(COMPACT_DIRECTORY)
    assert len(gzip.compress(response.content)) < 8 * 1024


def test_the_directory_index_offers_the_compact_directory_and_its_save_button(client):
    html = page(client, directory_index().url)
    assert html.select_one(f"main a[href='{COMPACT_DIRECTORY}']") is not None
    assert html.select_one("[data-keep-offline]")["data-keep-offline"] == COMPACT_DIRECTORY
