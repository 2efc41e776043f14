"""Search does bounded work whatever the query, and shows where each service is offered."""

import pytest
from bs4 import BeautifulSoup

from search import choosing
from search.engine.grouping import ServiceGroups
from tests.support.backends import RecordingBackend

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific, pytest.mark.sample]


def test_a_query_of_a_hundred_words_reaches_the_backend_as_a_few_distinct_words(client, monkeypatch):
    backend = RecordingBackend()
    monkeypatch.setattr(choosing, "get_search_backend", lambda: backend)
    words = " ".join(["ktp", "hilang", "tolong"] * 33 + ["zzzqqq"])
    response = client.get("/api/search/", {"q": words, "limit": 50})
    assert response.status_code == 200
    assert backend.queries, "the backend was asked"
    for query in backend.queries:
        assert len(query.split()) <= choosing.MAX_BACKEND_WORDS
        assert len(set(query.split())) == len(query.split())


def test_a_hundred_word_query_still_finds_the_service(client):
    response = client.get("/api/search/", {"q": " ".join(["ktp", "hilang"] * 50)})
    assert response.status_code == 200
    assert "ktp-el-hilang-rusak" in [result["id"] for result in response.json()["results"][:3]]


def test_service_results_on_the_search_page_say_which_office_offers_them(client):
    page = BeautifulSoup(client.get("/en/search/", {"q": "lost ktp"}).content, "html.parser")
    service_hit = page.select_one("article.search-hit--service")
    assert service_hit is not None
    assert "Population and Civil Registration" in service_hit.select_one(".search-hit__meta").get_text()


def service_document(slug, office, title=None):
    district = office.removeprefix("kecamatan-").title()
    return {
        "type": "service",
        "id": slug,
        "office": office,
        "office_name": f"Kecamatan {district}",
        "locale": "id",
        "title": title or f"Legalisasi dan pengesahan surat oleh Camat {district}",
        "fields": {},
    }


DISTRICT_SERVICES = [
    service_document("kecamatan-licin-legalisasi", "kecamatan-licin"),
    service_document("kecamatan-kabat-legalisasi", "kecamatan-kabat"),
    service_document("kecamatan-genteng-legalisasi", "kecamatan-genteng"),
    service_document("ktp-baru", "dispendukcapil", "KTP-el baru"),
    service_document("kecamatan-licin-dispensasi-nikah", "kecamatan-licin", "Dispensasi nikah Camat Licin"),
]


def test_the_same_service_of_many_districts_is_one_result_that_lists_the_others():
    groups = ServiceGroups(DISTRICT_SERVICES)
    keys = [
        ("service", "kecamatan-kabat-legalisasi"),
        ("service", "ktp-baru"),
        ("service", "kecamatan-licin-legalisasi"),
    ]
    folded = groups.fold(keys, "legalisasi dokumen")
    assert [group.key for group in folded] == [("service", "kecamatan-kabat-legalisasi"), ("service", "ktp-baru")]
    assert {key[1] for key in folded[0].also} == {"kecamatan-licin-legalisasi", "kecamatan-genteng-legalisasi"}
    assert folded[1].also == []
    alone = ServiceGroups(DISTRICT_SERVICES).fold([("service", "kecamatan-licin-dispensasi-nikah")], "dispensasi")
    assert alone[0].also == []  # another service of the same district is not folded in


def test_a_query_naming_a_district_puts_that_districts_service_first():
    folded = ServiceGroups(DISTRICT_SERVICES).fold(
        [("service", "kecamatan-kabat-legalisasi"), ("service", "kecamatan-licin-legalisasi")], "legalisasi licin"
    )
    assert folded[0].key == ("service", "kecamatan-licin-legalisasi")
    assert ("service", "kecamatan-kabat-legalisasi") in folded[0].also
