"""schema.org JSON-LD and Open Graph: what search engines and chat previews read."""

import json
import re

import pytest

from core.seo import json_ld_script

pytestmark = pytest.mark.django_db


def json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def open_graph(html):
    return dict(re.findall(r'<meta property="(og:[a-z:]+)" content="([^"]*)">', html))


def test_office_page_describes_a_government_organization_with_its_contact_points(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    data = json_ld(client.get("/id/direktori/dispendukcapil/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == opd["name"]["id"]
    assert data["url"].endswith("/id/direktori/dispendukcapil/")
    points = data["contactPoint"]
    assert [point["name"] for point in points][0] == next(c["name"] for c in opd["contacts"] if c["level"] == "head")
    assert len(points) == len(opd["contacts"])
    for point in points:
        assert point["@type"] == "ContactPoint"
        assert point["contactType"]
        assert re.fullmatch(r"\+62\d{8,13}", point["telephone"])
        assert "Banyuwangi" in point["areaServed"]["name"]


def test_service_page_describes_a_government_service_provided_by_its_office(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    service = opd["services"][0]
    data = json_ld(client.get(f"/en/directory/dispendukcapil/{service['slug']}/").content.decode())
    assert data["@type"] == "GovernmentService"
    assert data["name"] == service["name"]["en"]
    assert data["provider"]["@type"] == "GovernmentOrganization"
    assert data["provider"]["name"] == opd["name"]["en"]
    assert data["provider"]["url"].endswith("/en/directory/dispendukcapil/")


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
        ("/id/direktori/kecamatan-licin/", "id_ID", "en_US"),
    ],
)
def test_pages_carry_open_graph_tags_in_their_language(client, url, locale, alternate):
    html = client.get(url).content.decode()
    tags = open_graph(html)
    assert tags["og:type"] == "website"
    assert tags["og:title"] and tags["og:description"]
    assert tags["og:url"].endswith(url)
    assert tags["og:locale"] == locale
    assert tags["og:locale:alternate"] == alternate


def test_other_pages_have_no_json_ld(client):
    assert "application/ld+json" not in client.get("/id/direktori/").content.decode()
