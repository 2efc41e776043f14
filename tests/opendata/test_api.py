"""The HSDS 3.0 API: every answer valid against the official schemas, in both languages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import OfficePage, OpeningHours, ServicePage
from opendata.identifiers import hsds_id

from .hsds_schemas import assert_valid, page_validator

pytestmark = [pytest.mark.django_db, pytest.mark.sample]

LICIN = hsds_id("organization", "kecamatan-licin")
DUKCAPIL = hsds_id("organization", "dispendukcapil")
BIRTH_CERTIFICATE = hsds_id("service", "akta-kelahiran")
NEW_ID_CARD = hsds_id("service", "ktp-el-baru")


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def all_services(client, **params):
    return get_json(client, "/api/hsds/services/", per_page=200, **params)["contents"]


def assert_valid_page(page, item_schema):
    errors = [error.message for error in page_validator().iter_errors(page)]
    assert not errors, errors
    for record in page["contents"]:
        assert_valid(item_schema, record)


def test_metadata_names_hsds_version_and_openapi_document(client):
    data = get_json(client, "/api/hsds/")
    assert data["version"] == "3.0"
    assert data["openapi_url"] == "http://testserver/api/openapi.json"


def test_openapi_document_describes_the_hsds_endpoints(client):
    paths = get_json(client, "/api/openapi.json")["paths"]
    services = paths["/api/hsds/services/"]["get"]
    names = {parameter["name"] for parameter in services["parameters"]}
    assert {"lang", "search", "page", "per_page", "organization_id", "modified_after"} <= names
    assert "contents" in services["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    assert "404" in paths["/api/hsds/organizations/{id}"]["get"]["responses"]


def test_organization_list_is_a_valid_hsds_page(client):
    page = get_json(client, "/api/hsds/organizations/")
    assert_valid_page(page, "compiled/organization_list.json")
    assert page["total_items"] == 3
    assert page["first_page"] and page["last_page"] and not page["empty"]
    assert "Kecamatan Licin" in {org["name"] for org in page["contents"]}


def test_organization_list_pages_through_the_offices(client):
    first = get_json(client, "/api/hsds/organizations/", per_page=2)
    second = get_json(client, "/api/hsds/organizations/", per_page=2, page=2)
    assert (first["size"], first["total_pages"], first["last_page"]) == (2, 2, False)
    assert (second["size"], second["page_number"], second["last_page"]) == (1, 2, True)
    ids = [org["id"] for org in first["contents"] + second["contents"]]
    assert len(set(ids)) == 3


def test_a_page_past_the_end_is_empty(client):
    page = get_json(client, "/api/hsds/organizations/", page=9)
    assert page["empty"] and page["contents"] == [] and page["size"] == 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_organization_is_valid_and_fully_nested(client, lang):
    for summary in get_json(client, "/api/hsds/organizations/", lang=lang)["contents"]:
        organization = get_json(client, f"/api/hsds/organizations/{summary['id']}", lang=lang)
        assert_valid("organization.json", organization)
        for service in organization["services"]:
            assert_valid("compiled/service_list.json", service)


def test_organization_carries_contacts_with_phones_and_its_building_with_hours(client):
    organization = get_json(client, f"/api/hsds/organizations/{DUKCAPIL}")
    assert organization["alternate_name"] == "Dispendukcapil"
    head = organization["contacts"][0]
    assert head["title"].startswith("Kepala")
    assert all(phone["number"].startswith("+62") for phone in head["phones"])
    assert "@" in head["email"]
    building = organization["locations"][0]
    assert building["latitude"] and building["longitude"]
    assert building["addresses"][0]["country"] == "ID"
    monday = next(schedule for schedule in building["schedules"] if "MO" in schedule["byday"])
    assert monday["freq"] == "WEEKLY"
    assert monday["opens_at"].endswith("+07:00")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_service_list_is_a_valid_hsds_page(client, lang):
    page = get_json(client, "/api/hsds/services/", lang=lang, per_page=200)
    assert_valid_page(page, "compiled/service_list.json")
    assert page["total_items"] == len(page["contents"]) > 10
    assert all(service["organization"]["id"] == service["organization_id"] for service in page["contents"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_service_is_valid_and_fully_nested(client, lang):
    for summary in all_services(client, lang=lang):
        assert_valid("service.json", get_json(client, f"/api/hsds/services/{summary['id']}", lang=lang))


def test_service_carries_documents_fees_wait_time_process_and_officers(client):
    service = get_json(client, f"/api/hsds/services/{BIRTH_CERTIFICATE}")
    assert service["name"] == "Penerbitan akta kelahiran"
    assert service["required_documents"] and all(doc["document"] for doc in service["required_documents"])
    assert service["fees_description"].startswith("Gratis")
    assert service["cost_options"][0]["amount"] == 0
    assert service["cost_options"][0]["currency"] == "IDR"
    assert service["wait_time"]
    assert service["application_process"].startswith("1. ")
    assert service["contacts"] and all(contact["phones"] for contact in service["contacts"])


def published(model, stable_slug, lang="id", **changes):
    page = model.objects.get(stable_slug=stable_slug, locale__language_code=lang)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


@pytest.mark.parametrize(
    "cost",
    [
        "Gratis; meterai disediakan pemohon",
        "Gratis bagi peserta JKN aktif; pasien umum sesuai tarif retribusi Perda",
        "Gratis bila mendapat kuota fasilitasi APBD; selain itu PNBP merek sesuai tarif DJKI",
    ],
)
def test_a_fee_free_only_on_a_condition_gets_no_zero_cost_option(client, cost):
    published(ServicePage, "akta-kelahiran", cost=cost)
    service = get_json(client, f"/api/hsds/services/{BIRTH_CERTIFICATE}")
    assert_valid("service.json", service)
    assert service["fees_description"] == cost
    assert "cost_options" not in service


@pytest.mark.parametrize("cost", ["Gratis", "gratis (tidak dipungut biaya).", "Free of charge"])
def test_an_unconditionally_free_service_costs_zero(client, cost):
    published(ServicePage, "akta-kelahiran", cost=cost)
    assert get_json(client, f"/api/hsds/services/{BIRTH_CERTIFICATE}")["cost_options"][0]["amount"] == 0


def test_a_service_is_modified_when_its_office_is(client):
    """A new officer's phone on the office page changes every service record that nests it."""
    office_id = hsds_id("organization", "dispendukcapil")
    before = get_json(client, f"/api/hsds/services/{BIRTH_CERTIFICATE}")["last_modified"]
    moment = timezone.now()
    assert all_services(client, modified_after=moment.isoformat()) == []
    office = published(OfficePage, "dispendukcapil")
    service = get_json(client, f"/api/hsds/services/{BIRTH_CERTIFICATE}")
    assert service["last_modified"] == office.last_published_at.isoformat() > before
    found = all_services(client, modified_after=moment.isoformat())
    assert BIRTH_CERTIFICATE in {record["id"] for record in found}
    assert {record["organization_id"] for record in found} == {office_id}


def test_opening_hours_over_the_weekend_wrap_around(client):
    office = OfficePage.objects.get(stable_slug="kecamatan-licin", locale__language_code="id")
    office.opening_hours.add(
        OpeningHours(first_day="Fri", last_day="Mon", opens=datetime.time(8), closes=datetime.time(12))
    )
    office.save_revision().publish()
    organization = get_json(client, f"/api/hsds/organizations/{LICIN}")
    assert_valid("organization.json", organization)
    days = {schedule["byday"] for schedule in organization["locations"][0]["schedules"]}
    assert "FR,SA,SU,MO" in days


@pytest.mark.parametrize(
    "url, name",
    [
        ("/api/hsds/services/", "taxonomy_term_id"),
        ("/api/hsds/services/", "full_service"),
        ("/api/hsds/organizations/", "search"),
        (f"/api/hsds/organizations/{LICIN}", "full_service"),
    ],
)
def test_hsds_filters_this_api_lacks_are_refused_not_ignored(client, url, name):
    data = get_json(client, url, status=400, **{name: "1"})
    assert data["error"] == f"{name} is not supported by this API."
    document = get_json(client, "/api/openapi.json")
    path = "/api/hsds/organizations/{id}" if LICIN in url else url
    assert name in document["paths"][path]["get"]["responses"]["400"]["description"]


def test_hsds_format_json_is_the_answer_and_ndjson_is_refused(client):
    """A harvester asking for HSDS's default format gets it; the streamed one gets a clear 400."""
    plain = get_json(client, "/api/hsds/services/", per_page="2")
    assert get_json(client, "/api/hsds/services/", per_page="2", format="json") == plain
    data = get_json(client, "/api/hsds/services/", status=400, format="ndjson")
    assert "format must be json" in data["error"]


def test_a_service_at_one_office_loads_no_district_offices(client):
    """Only a service also offered at the district offices costs the queries that load them."""

    def queries_for(record_id):
        get_json(client, f"/api/hsds/services/{record_id}")  # warm the site root cache
        with CaptureQueriesContext(connection) as queries:
            get_json(client, f"/api/hsds/services/{record_id}")
        return len(queries)

    assert queries_for(hsds_id("service", "pencatatan-perceraian")) < queries_for(NEW_ID_CARD)


def test_regency_service_is_offered_at_district_offices_too(client):
    places = get_json(client, f"/api/hsds/services/{NEW_ID_CARD}")["service_at_locations"]
    assert {place["location"]["organization_id"] for place in places} == {DUKCAPIL, LICIN}
    assert all(place["location"]["schedules"] for place in places)


def test_office_only_service_is_offered_at_its_office_only(client):
    places = get_json(client, f"/api/hsds/services/{hsds_id('service', 'pencatatan-perceraian')}")[
        "service_at_locations"
    ]
    assert [place["location"]["organization_id"] for place in places] == [DUKCAPIL]


def test_services_filter_by_organization(client):
    services = all_services(client, organization_id=LICIN)
    assert services and {service["organization_id"] for service in services} == {LICIN}


def test_empty_parameters_count_as_absent(client):
    page = get_json(client, "/api/hsds/services/", lang="", page="", per_page="", organization_id="", search="")
    assert page["page_number"] == 1 and page["total_items"] == page["size"] == len(all_services(client))


def test_services_filter_by_unknown_organization_is_empty(client):
    page = get_json(client, "/api/hsds/services/", organization_id=hsds_id("organization", "nowhere"))
    assert page["empty"] and page["total_items"] == 0


def test_services_search_finds_matching_names(client):
    found = {service["id"] for service in all_services(client, search="akta kelahiran")}
    assert BIRTH_CERTIFICATE in found
    assert NEW_ID_CARD not in found


def test_services_modified_after_filters_by_publication(client):
    assert all_services(client, modified_after="2000-01-01")
    assert all_services(client, modified_after="2999-01-01T00:00:00+07:00") == []


def test_english_texts_are_english(client):
    indonesian = get_json(client, f"/api/hsds/organizations/{LICIN}")
    english = get_json(client, f"/api/hsds/organizations/{LICIN}", lang="en")
    assert english["id"] == indonesian["id"]
    assert english["name"] == "Licin District"
    assert english["description"] != indonesian["description"]
    assert english["locations"][0]["addresses"][0]["state_province"] == "East Java"
    assert {s["id"] for s in english["services"]} == {s["id"] for s in indonesian["services"]}
    assert {s["name"] for s in english["services"]}.isdisjoint({s["name"] for s in indonesian["services"]})


def test_english_service_is_english(client):
    indonesian = get_json(client, f"/api/hsds/services/{BIRTH_CERTIFICATE}")
    english = get_json(client, f"/api/hsds/services/{BIRTH_CERTIFICATE}", lang="en")
    assert english["name"] == "Birth certificate"
    assert english["url"].startswith("http://testserver/en/")
    assert english["fees_description"] == "Free of charge"
    english_documents = [document["document"] for document in english["required_documents"]]
    indonesian_documents = [document["document"] for document in indonesian["required_documents"]]
    assert len(english_documents) == len(indonesian_documents)
    assert set(english_documents).isdisjoint(indonesian_documents)
    schedule = english["service_at_locations"][0]["location"]["schedules"][0]
    assert schedule["description"].startswith("Monday")


def test_unknown_id_is_a_json_404(client):
    for kind in ("organizations", "services"):
        data = get_json(client, f"/api/hsds/{kind}/{hsds_id('nothing', kind)}", status=404)
        assert data["status"] == 404 and data["error"]


@pytest.mark.parametrize(
    "url, params",
    [
        ("/api/hsds/services/not-a-uuid", {}),
        ("/api/hsds/organizations/not-a-uuid", {}),
        ("/api/hsds/services/", {"organization_id": "123"}),
        ("/api/hsds/services/", {"modified_after": "yesterday"}),
        ("/api/hsds/services/", {"modified_after": "2024-13-45"}),
        ("/api/hsds/services/", {"per_page": "0"}),
        ("/api/hsds/services/", {"per_page": "201"}),
        ("/api/hsds/services/", {"page": "0"}),
        ("/api/hsds/services/", {"page": "99999999999999999999999"}),
        ("/api/hsds/services/", {"search": "akta\x00"}),
        ("/api/hsds/organizations/", {"page": "x"}),
        ("/api/hsds/", {"lang": "fr"}),
    ],
)
def test_bad_parameters_get_a_clear_json_400(client, url, params):
    data = get_json(client, url, status=400, **params)
    assert data["status"] == 400
    name = next(iter(params), "id")
    assert name in data["error"]


@pytest.mark.parametrize("url", ["/api/hsds/services/", "/api/hsds/organizations/"])
def test_longer_pages_cost_no_more_queries(client, url):
    def queries_for(per_page):
        client.get(url, {"per_page": per_page})  # warm the site root cache shared by every request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"per_page": per_page}).status_code == 200
        return len(queries)

    assert queries_for(200) == queries_for(2)
