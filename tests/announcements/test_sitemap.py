import xml.etree.ElementTree as ET

import pytest

from announcements.models import AnnouncementPage

from .conftest import REGISTRY

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def sitemap(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {}
    for url in ET.fromstring(response.content).findall(f"{SITEMAP}url"):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        urls[url.findtext(f"{SITEMAP}loc")] = alternates
    return urls


def test_sitemap_lists_pages_of_both_languages(sitemap):
    assert "http://localhost/id/berita/peluncuran/" in sitemap
    assert "http://localhost/en/news/banyuwangi-melayani-launched/" in sitemap
    assert f"http://localhost/en/directory/{REGISTRY}/" in sitemap


def test_each_language_names_the_other_as_alternate(sitemap):
    expected = {
        "id": "http://localhost/id/berita/peluncuran/",
        "en": "http://localhost/en/news/banyuwangi-melayani-launched/",
        "x-default": "http://localhost/id/berita/peluncuran/",
    }
    assert sitemap["http://localhost/id/berita/peluncuran/"] == expected
    assert sitemap["http://localhost/en/news/banyuwangi-melayani-launched/"] == expected


def test_page_in_one_language_has_no_alternates(sitemap):
    assert sitemap["http://localhost/id/berita/jam-layanan-ramadan/"] == {}


def test_unpublished_pages_are_left_out(client, site):
    AnnouncementPage.objects.get(pk=site.agenda.pk).unpublish()
    assert b"jemput-bola-ktp-el" not in client.get("/sitemap.xml").content
