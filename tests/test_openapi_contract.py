"""The JSON API keeps the promises of its OpenAPI document, for the inputs that document allows."""

import json

import pytest
import schemathesis
from bs4 import BeautifulSoup
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = [pytest.mark.django_db, pytest.mark.sample]

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Each operation's parameters, as an app developer reads them in the document.
EXPECTED_PARAMETERS = {
    "/api/directory/offices/": {"lang", "kind", "page", "page_size"},
    "/api/directory/offices/{slug}/": {"slug", "lang"},
    "/api/directory/services/{slug}/": {"slug", "lang"},
    "/api/search/": {"q", "lang", "type", "limit"},
    "/api/search/suggest/": {"q", "lang"},
    "/api/ikm/services/{slug}/": {"slug", "lang", "period"},
    "/api/ikm/offices/{slug}/": {"slug", "lang", "period"},
}


# The document as served, read once when the tests are collected (it needs no database).
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())
# GZip is on for the site; the checks read the plain answer.
PLAIN = {"Accept-Encoding": "identity"}


@pytest.fixture(autouse=True)
def _requests_inside_the_test_transaction():
    """As Django's test client does: the test's open transaction survives each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_get_documented_answers_and_never_a_server_error(case):
    case.call_and_validate(headers=PLAIN, checks=CHECKS)


@pytest.mark.parametrize(
    ("path", "parameters"),
    [
        ("/api/directory/offices/", {"query": {"kind": "kecamatan", "page_size": 1, "lang": "en"}}),
        ("/api/directory/offices/{slug}/", {"path_parameters": {"slug": "dispendukcapil"}}),
        ("/api/directory/services/{slug}/", {"path_parameters": {"slug": "akta-kelahiran"}, "query": {"lang": "en"}}),
        ("/api/search/", {"query": {"q": "ktp hilang"}}),
        ("/api/search/", {"query": {"q": "qwxzv plorkt"}}),
        ("/api/search/suggest/", {"query": {"q": "akta kel"}}),
        ("/api/ikm/services/{slug}/", {"path_parameters": {"slug": "akta-kelahiran"}, "query": {"period": "2024-Q2"}}),
        ("/api/ikm/offices/{slug}/", {"path_parameters": {"slug": "dispendukcapil"}}),
    ],
)
def test_answers_about_real_offices_and_services_match_the_document(path, parameters):
    case = schema[path]["GET"].Case(**parameters)
    response = case.call_and_validate(headers=PLAIN, checks=CHECKS)
    assert response.status_code == 200


def test_the_document_lists_every_endpoint_with_its_parameters(client):
    document = client.get("/api/openapi.json").json()
    listed = {
        path: {parameter["name"] for parameter in operations["get"].get("parameters", [])}
        for path, operations in document["paths"].items()
        if path in EXPECTED_PARAMETERS
    }
    assert listed == EXPECTED_PARAMETERS
    for path in EXPECTED_PARAMETERS:
        answers = document["paths"][path]["get"]["responses"]
        assert {"200", "400", "404"} <= set(answers), path


def test_the_document_and_the_docs_need_no_login(client):
    assert client.get("/api/openapi.json").status_code == 200
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    swagger = json.loads(BeautifulSoup(docs.content, "html.parser").find(id="swagger-settings").string)
    assert swagger["url"] == "/api/openapi.json"


@pytest.mark.parametrize("path", ["/api/", "/api/nothing/", "/api/directory/offices/dispendukcapil"])
def test_unknown_addresses_under_the_api_get_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["status"] == 404
