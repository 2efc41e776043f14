"""The site's search ranked by the shared engine (OPENSEARCH_URL or ELASTICSEARCH_URL), end to end.

The engine's index of the registry's documents is built once per module; a test that
publishes rebuilds it afterwards, since the database is rolled back and the engine is not.
Without an engine URL these tests are skipped (the ``engine`` fixture says why).
"""

import json
import logging

import pytest
from django.test import override_settings
from wagtail.models import Locale

from directory.models import OfficePage, ServicePage
from search import site_search
from search.engine.remote import queries
from search.models import SynonymGroup

from .test_search_engine import engine  # noqa: F401 (the fixture: skips or fails without a server)

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db, pytest.mark.sample]


@pytest.fixture(scope="module")
def site_index(engine, django_db_setup, django_db_blocker):  # noqa: F811
    # django_db_setup: the session's database, with the sample, exists before the index is built from it,
    # also when this module runs first.
    with django_db_blocker.unblock():
        site_search.build_remote_engine(rebuild=True)
    yield
    site_search.engine_cache.clear()


@pytest.fixture
def remote(site_index):
    """The remote engine, fresh; rebuilt after the test from the rolled-back database."""
    site_search.engine_cache.clear()
    site_search._engine_down_until[0] = 0.0
    yield
    site_search.engine_cache.clear()


@pytest.fixture
def rebuilt_after(remote, django_db_blocker):
    yield
    site_search.engine_cache.clear()


def search_json(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(data):
    return [f"{result['type']}:{result['id']}" for result in data["results"]]


def source_page(model, stable_slug, language="id"):
    return model.objects.get(stable_slug=stable_slug, locale=Locale.objects.get(language_code=language))


def test_the_engine_ranks_the_search(remote, client):
    assert isinstance(site_search.site_engine(), site_search.RemoteSite)
    assert ids(search_json(client, q="ktp hilang"))[:3].count("service:ktp-el-hilang-rusak") == 1


def first_ids(client, query, lang, limit=3, **params):
    return ids(search_json(client, q=query, lang=lang, limit=limit, **params))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_phone_change_reaches_search_after_publish(remote, rebuilt_after, client, lang):
    office = source_page(OfficePage, "dispendukcapil")
    contact = office.contacts.get(key="dispendukcapil-teknis-ktp")
    contact.phone = "0333 765432"
    contact.save()
    office.save_revision().publish()
    officer = search_json(client, q="ktp hilang", type="contact", lang=lang)["results"][0]
    assert officer["id"] == "dispendukcapil-teknis-ktp"
    assert officer["links"]["tel"] == "tel:+62333765432"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_renamed_service_is_found_by_its_new_name_after_publish(remote, rebuilt_after, client, lang):
    for page in ServicePage.objects.filter(stable_slug="akta-kelahiran"):
        page.title = f"{page.title} zamrud"
        page.save_revision().publish()
    assert first_ids(client, "zamrud", lang)[0] == "service:akta-kelahiran"


def test_an_unpublished_office_vanishes(remote, rebuilt_after, client):
    assert "office:kecamatan-licin" in first_ids(client, "kecamatan licin", "id", limit=10)
    for page in OfficePage.objects.filter(stable_slug="kecamatan-licin"):
        page.unpublish()
    for lang in ("id", "en"):
        found = first_ids(client, "kecamatan licin", lang, limit=50)
        assert not [item for item in found if item.startswith(("office:", "contact:")) and "licin" in item]


@pytest.mark.parametrize(
    ("lang", "terms", "query"),
    [("id", "surat brojol, akta kelahiran", "surat brojol"), ("en", "baby papers, birth certificate", "baby papers")],
)
def test_editors_synonyms_apply(remote, rebuilt_after, client, lang, terms, query):
    SynonymGroup.objects.create(terms=terms)
    assert "service:akta-kelahiran" in first_ids(client, query, lang, limit=2)


def test_editors_synonyms_reach_the_engine_without_a_rebuild(remote, rebuilt_after, client):
    index = site_search.site_engine().index
    built = index.client.indices_of(index.alias)
    SynonymGroup.objects.create(terms="surat brojol, akta kelahiran")
    assert "service:akta-kelahiran" in first_ids(client, "surat brojol", "id", limit=2)
    assert index.client.indices_of(index.alias) == built
    # The engine's own analysis has them too: the text as typed finds the service.
    hits = index.client.search(index.alias, queries.fallback_query("surat brojol", ["service"], 3))
    assert "service:akta-kelahiran" in [hit["_id"] for hit in hits]


@pytest.mark.parametrize(("lang", "query"), [("id", "akta kelahrian"), ("en", "birth certficate")])
def test_a_typo_is_repaired(remote, client, lang, query):
    assert "service:akta-kelahiran" in first_ids(client, query, lang)


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("id", "anak saya baru lahir perlu dicatat negara", "service:akta-kelahiran"),
        ("en", "my baby was just born and needs official papers", "service:akta-kelahiran"),
    ],
)
def test_a_paraphrase_finds_its_service(remote, client, lang, query, expected):
    assert expected in first_ids(client, query, lang)


def test_a_district_query_puts_that_district_first(remote, client):
    results = search_json(client, q="kantor kecamatan licin", limit=3)["results"]
    assert results[0]["office"] == "kecamatan-licin"


def test_asking_for_the_office_of_a_village_puts_its_kecamatan_office_first(remote, client):
    # Kluncing is a village of Licin.
    results = search_json(client, q="alamat kecamatan desa kluncing", limit=3)["results"]
    assert (results[0]["type"], results[0]["id"]) == ("office", "kecamatan-licin")


def test_the_engine_gives_the_in_process_top_answers(remote):
    queries = ["ktp hilang", "dukcapil", "akta kelahiran", "kepala dinas", "birth certificate", "kartu keluarga baru"]
    remote_engine, local_engine = site_search.site_engine(), site_search.local_engine_cache.get()
    assert isinstance(remote_engine, site_search.RemoteSite)
    for query in queries:
        assert remote_engine.hybrid.rank(query, limit=1)[0].key == local_engine.hybrid.rank(query, limit=1)[0].key
    # What each puts above everything else (an office named, its head), for the villages.
    villages = ("alamat kecamatan desa kluncing", "camat kluncing", "kecamatan kluncing", "kepala desa kluncing")
    for query in villages:
        remote_first, local_first = (
            {hit.key for hit in site.hybrid.rank(query, limit=10) if hit.score >= 2.0}
            for site in (remote_engine, local_engine)
        )
        assert remote_first == local_first, query


def test_an_unreachable_engine_falls_back_without_a_500(remote, client, caplog):
    with override_settings(OPENSEARCH_URL="http://127.0.0.1:9"), caplog.at_level(logging.WARNING):
        site_search.engine_cache.clear()
        assert "service:akta-kelahiran" in first_ids(client, "akta kelahiran", "id")
        assert client.get("/api/search/suggest/", {"q": "akta kel"}).status_code == 200
    assert "answering in process" in caplog.text


def test_a_100_word_query_is_bounded(remote, client):
    words = ["akta", "kelahiran", "ktp", "hilang", "kartu", "keluarga", "pindah", "datang", "surat"]
    words += ["keterangan", "izin", "usaha", "sakit"]
    query = " ".join(words[(i * 7) % len(words)] for i in range(100))
    lexical = site_search.site_engine().hybrid.lexical
    analyzed = lexical.analyzer.analyze(query)
    terms = queries.query_terms(analyzed)
    answer = lexical.client.request("POST", f"{lexical.alias}/_search", queries.frequency_query(terms))
    body = queries.lexical_query(analyzed, queries.rarities(terms, answer), None, 50)
    assert 0 < json.dumps(body).count('"weighted"') <= queries.MAX_TERM_QUERIES
    found = search_json(client, q=query)
    assert found["query"] == site_search.clean_query(query) and found["results"]


def engine_documents(site, query):
    return {
        hit["_id"]: hit["_version"] for hit in site.index.client.search(site.index.alias, {**query, "version": True})
    }


def test_a_publish_sends_only_its_office_to_the_engine_after_commit(
    remote, rebuilt_after, django_capture_on_commit_callbacks
):
    site = site_search.site_engine()
    others = {"size": 500, "query": {"bool": {"must_not": {"term": {"scope": "office:dispendukcapil"}}}}}
    before = engine_documents(site, others)
    with django_capture_on_commit_callbacks(execute=True):
        for page in ServicePage.objects.filter(stable_slug="akta-kelahiran"):
            page.title = f"{page.title} zamrud"
            page.save_revision().publish()
    found = engine_documents(site, {"query": {"match": {"f_title": "zamrud"}}})
    assert set(found) == {"service:akta-kelahiran", "service:akta-kelahiran:id", "service:akta-kelahiran:en"}
    assert engine_documents(site, others) == before


@pytest.mark.parametrize(
    ("lang", "situation"),
    [("id", "Dompet saya dicopet dan KTP ikut hilang"), ("en", "My wallet was stolen with my ID card in it")],
)
def test_a_services_situations_are_passages_of_its_own_in_the_engine(remote, client, lang, situation):
    site = site_search.site_engine()
    filters = [{"term": {"role": "passage"}}, {"term": {"locale": lang}}]
    filters.append({"term": {"key": "service:ktp-el-hilang-rusak"}})
    passages = engine_documents(site, {"size": 20, "query": {"bool": {"filter": filters}}})
    assert len(passages) == 3  # one per situation, each with its own vector
    assert "service:ktp-el-hilang-rusak" in first_ids(client, situation, lang)
