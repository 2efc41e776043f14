"""schema.org JSON-LD and Open Graph: what search engines and chat previews read."""

import json
import re

import pytest

from core.seo import json_ld_script
from directory.models import ContactLevel
from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, translate
from tests.support.html import json_ld, meta_properties, page

pytestmark = pytest.mark.django_db


def test_office_page_describes_a_government_organization_with_its_contact_points(client):
    office = OfficePageFactory()
    technical = ContactPersonFactory(office=office, level=ContactLevel.TECHNICAL, phone="0333-424-001")
    head = ContactPersonFactory(office=office, level=ContactLevel.HEAD, phone="(0333) 424000")
    data = json_ld(page(client, office.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == office.title
    assert data["url"].endswith(office.url)
    points = data["contactPoint"]
    assert [point["name"] for point in points] == [head.name, technical.name]
    for point in points:
        assert point["@type"] == "ContactPoint"
        assert point["contactType"]
        assert re.fullmatch(r"\+62\d{8,13}", point["telephone"])
        assert "Banyuwangi" in point["areaServed"]["name"]


def test_service_page_describes_a_government_service_provided_by_its_office(client):
    service = ServicePageFactory()
    office = translate(service.get_parent().specific, {"title": "Trial Office", "slug": "trial-office"})
    english = translate(service, {"title": "Trial service", "slug": "trial-service"})
    data = json_ld(page(client, english.url))
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Trial service"
    assert data["provider"]["@type"] == "GovernmentOrganization"
    assert data["provider"]["name"] == "Trial Office"
    assert data["provider"]["url"].endswith(office.url)


def test_text_cannot_close_the_script_element():
    script = json_ld_script({"name": "</script><script>alert(1)</script> & co"})
    assert script.count("</script>") == 1
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body)["name"] == "</script><script>alert(1)</script> & co"


@pytest.mark.parametrize(
    ("url", "locale", "alternate"),
    [
        ("/id/", "id_ID", "en_US"),
        ("/en/directory/", "en_US", "id_ID"),
        ("office", "id_ID", "en_US"),
    ],
)
def test_pages_carry_open_graph_tags_in_their_language(client, url, locale, alternate):
    if url == "office":
        office = OfficePageFactory(summary="Melayani warga.")
        translate(office)
        url = office.url
    tags = {name: contents[0] for name, contents in meta_properties(page(client, url)).items()}
    assert tags["og:type"] == "website"
    assert tags["og:title"] and tags["og:description"]
    assert tags["og:url"].endswith(url)
    assert tags["og:locale"] == locale
    assert tags["og:locale:alternate"] == alternate


def test_other_pages_have_no_json_ld(client):
    assert not page(client, "/id/direktori/").select('script[type="application/ld+json"]')
