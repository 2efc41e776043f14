import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_office_list_is_paginated_and_in_indonesian_by_default(client):
    data = get_json(client, "/api/directory/offices/", page_size=2)
    assert data["count"] == 3
    assert len(data["results"]) == 2
    assert data["next"].endswith("page=2") or "page=2" in data["next"]
    assert data["previous"] is None
    names = [office["name"] for office in data["results"]]
    assert "Sekretariat Daerah Kabupaten Banyuwangi" in names or "Kecamatan Licin" in names


def test_office_list_in_english_with_public_urls(client):
    data = get_json(client, "/api/directory/offices/", lang="en")
    by_slug = {office["slug"]: office for office in data["results"]}
    assert by_slug["kecamatan-licin"]["name"] == "Licin District"
    assert by_slug["kecamatan-licin"]["url"] == "http://testserver/en/directory/kecamatan-licin/"


def test_office_list_filters_by_kind(client):
    data = get_json(client, "/api/directory/offices/", kind="kecamatan")
    assert [office["slug"] for office in data["results"]] == ["kecamatan-licin"]


@pytest.mark.parametrize(
    "params",
    [{"kind": "pizzeria"}, {"lang": "fr"}, {"page": "x"}, {"page_size": "0"}, {"page_size": "100000"}],
)
def test_bad_parameters_get_a_clear_400(client, params):
    data = get_json(client, "/api/directory/offices/", status=400, **params)
    assert data["error"]


def test_empty_numbers_count_as_absent_as_every_empty_parameter(client):
    data = get_json(client, "/api/directory/offices/", page="", page_size="", lang="", kind="")
    assert data == get_json(client, "/api/directory/offices/")


@pytest.mark.parametrize(
    "url",
    [
        "/api/directory/offices/",
        "/api/directory/offices/dispendukcapil/",
        "/api/directory/services/akta-kelahiran/",
        "/api/search/?q=ktp",
        "/api/search/suggest/?q=akta",
        "/api/ikm/offices/dispendukcapil/",
        "/api/hsds/",
        "/api/hsds/services/",
    ],
)
def test_every_endpoint_refuses_an_unknown_language_with_the_same_message(client, url):
    data = get_json(client, url + ("&" if "?" in url else "?") + "lang=fr", status=400)
    assert data["error"] == "lang must be one of: id, en."


@pytest.mark.parametrize("lang", ["id", "en"])
def test_errors_are_in_english_whatever_the_language(client, lang):
    """Messages are for developers: one language, whichever language the answer was asked in."""
    assert get_json(client, "/api/nothing/", status=404, lang=lang)["error"] == "Not found."
    assert get_json(client, "/api/directory/offices/", status=400, lang=lang, page="x")["error"].startswith("page:")
    assert get_json(client, "/api/hsds/services/", status=400, lang=lang, page="x")["error"] == (
        "page must be a whole number from 1 to 100000."
    )


def test_office_detail_lists_contacts_by_key_head_first_and_services_by_slug(client, sample_data):
    record = next(office_record for office_record in sample_data["opds"] if office_record["slug"] == "dispendukcapil")
    data = get_json(client, "/api/directory/offices/dispendukcapil/", lang="en")
    assert data["name"] == record["name"]["en"]
    assert data["contacts"][0]["level"] == "head"
    assert {contact["key"] for contact in data["contacts"]} == {contact["key"] for contact in record["contacts"]}
    assert {service["slug"] for service in data["services"]} == {service["slug"] for service in record["services"]}
    ktp = next(contact for contact in data["contacts"] if contact["key"] == "dispendukcapil-teknis-ktp")
    assert ktp["url"] == "http://testserver/en/directory/dispendukcapil/#contact-dispendukcapil-teknis-ktp"
    assert ktp["links"]["whatsapp"].startswith("https://wa.me/62800")


def test_service_detail_has_the_whole_standard_and_its_officers(client, sample_data):
    office_record = next(office for office in sample_data["opds"] if office["slug"] == "dispendukcapil")
    record = office_record["services"][0]
    data = get_json(client, f"/api/directory/services/{record['slug']}/")
    assert data["name"] == record["name"]["id"]
    assert data["requirements"] == record["requirements"]["id"]
    assert data["procedure"] == record["procedure"]["id"]
    assert data["legal_basis"] == record["legal_basis"]
    assert [contact["key"] for contact in data["contacts"]] == record["contacts"]
    assert data["office"]["slug"] == "dispendukcapil"
    assert data["url"].startswith("http://testserver/id/direktori/dispendukcapil/")


@pytest.mark.parametrize(
    "url",
    ["/api/directory/offices/no-such-office/", "/api/directory/services/no-such-service/", "/api/directory/nothing/"],
)
def test_unknown_identifiers_get_a_json_404(client, url):
    data = get_json(client, url, status=404)
    assert data["status"] == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("url", ["/api/directory/offices/", "/api/search/?q=ktp", "/api/hsds/services/"])
def test_api_is_read_only_and_says_so_in_json(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("url", ["/api/directory/offices/", "/api/hsds/services/", "/api/openapi.json"])
def test_head_is_answered_as_get_without_a_body(client, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""
