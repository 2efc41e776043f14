"""What keeps search fast stays out of the citizen's way: shared caches that may fail, a worker warmed up
before its first request, the full-text backend asked only when the engine finds too little."""

import importlib.util

import numpy as np
import pytest
from django.db import DatabaseError
from wagtail.models import Locale

from directory.models import ServicePage
from search import choosing, embeddings, engine_cache, site_search, warmup
from tests.support import servers
from tests.support.backends import RecordingBackend

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific, pytest.mark.sample]

GUNICORN_CONF = servers.ROOT / "gunicorn.conf.py"


def result_ids(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    return [f"{item['type']}:{item['id']}" for item in response.json()["results"]]


@pytest.fixture
def shared_cache(settings):
    """The local cache standing in for Redis, empty, with no vector remembered by this process."""
    from django.core.cache import cache

    settings.SEARCH_SHARED_CACHE = "default"
    cache.clear()
    embeddings._embed_query.cache_clear()
    yield cache
    cache.clear()
    embeddings._embed_query.cache_clear()


class CountingModel:
    """The embedding model's query side, counting its runs."""

    def __init__(self):
        self.queries = []

    def token_count(self, text, is_query):
        return len(text.split())

    def query(self, text):
        self.queries.append(text)
        return np.full(embeddings.DIMENSIONS, 1 / np.sqrt(embeddings.DIMENSIONS), dtype=np.float32)


def test_a_query_embedded_by_one_worker_is_not_embedded_again_by_another(shared_cache, monkeypatch):
    model = CountingModel()
    monkeypatch.setattr(embeddings, "_loaded_model", lambda: model)
    first = embeddings.embed_query("lampu jalan di gang kami mati")
    embeddings._embed_query.cache_clear()  # another worker: nothing in its own memory
    second = embeddings.embed_query("lampu jalan di gang kami mati")
    assert model.queries == ["lampu jalan di gang kami mati"]
    assert np.array_equal(first, second)


def test_without_a_shared_cache_each_worker_embeds_for_itself(settings, monkeypatch):
    settings.SEARCH_SHARED_CACHE = ""
    embeddings._embed_query.cache_clear()
    model = CountingModel()
    monkeypatch.setattr(embeddings, "_loaded_model", lambda: model)
    embeddings.embed_query("lampu jalan mati")
    embeddings._embed_query.cache_clear()
    embeddings.embed_query("lampu jalan mati")
    embeddings._embed_query.cache_clear()
    assert len(model.queries) == 2


def test_searches_read_the_content_version_from_the_shared_cache(client, shared_cache, monkeypatch):
    assert "service:akta-kelahiran" in result_ids(client, q="akta kelahiran")

    def no_database(*args):
        raise AssertionError("the content version was read from the database")

    monkeypatch.setattr(engine_cache, "database_content_version", no_database)
    assert "service:akta-kelahiran" in result_ids(client, q="akta kelahiran")


def first_result(client, query):
    response = client.get("/api/search/", {"q": query})
    assert response.status_code == 200
    first = response.json()["results"][0]
    return first["id"], first["title"]


def test_a_publish_shows_in_search_at_once_with_the_shared_cache(
    client, shared_cache, django_capture_on_commit_callbacks
):
    assert first_result(client, "ktp hilang rusak")[0] == "ktp-el-hilang-rusak"
    page = ServicePage.objects.get(stable_slug="ktp-el-hilang-rusak", locale=Locale.get_default())
    page.title = "KTP-el hilang, rusak atau tercebur banjir"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert first_result(client, "ktp hilang rusak") == ("ktp-el-hilang-rusak", page.title)


@pytest.fixture
def broken_redis(settings):
    """The shared cache on a Redis that is not there."""
    nowhere = f"redis://127.0.0.1:{servers.free_port()}/0"
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "core.cache.backends.ResilientRedisCache", "LOCATION": nowhere},
    }
    settings.SEARCH_SHARED_CACHE = "default"
    embeddings._embed_query.cache_clear()
    yield
    embeddings._embed_query.cache_clear()


def test_search_answers_when_redis_is_down(client, broken_redis):
    assert "service:akta-kelahiran" in result_ids(client, q="akta kelahiran anak saya")[:3]
    assert "service:akta-kelahiran" in result_ids(client, q="akta kelahiran anak saya")[:3]


def test_the_full_text_backend_is_not_asked_when_the_engine_has_enough_candidates(client, monkeypatch):
    backend = RecordingBackend()
    monkeypatch.setattr(choosing, "get_search_backend", lambda: backend)
    assert result_ids(client, q="legalisasi surat oleh camat", limit=10)
    assert backend.queries == []


def gunicorn_hooks():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", GUNICORN_CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Worker:
    def __init__(self):
        self.notified = 0

    def notify(self):
        self.notified += 1


@pytest.fixture
def cold_worker(monkeypatch):
    """A process that has loaded neither the model nor the engine yet."""
    monkeypatch.setattr(embeddings, "_model", None)
    site_search.engine_cache.clear()
    yield
    site_search.engine_cache.clear()


def test_a_gunicorn_worker_loads_the_model_and_the_engine_before_its_first_request(cold_worker, settings):
    settings.SEARCH_WARM_UP = True
    worker = Worker()
    gunicorn_hooks().post_worker_init(worker)
    assert embeddings._model is not None
    assert site_search.engine_cache.built
    assert worker.notified >= 1, "the worker told gunicorn it is alive while warming up"


def test_warm_up_can_be_turned_off(cold_worker, settings):
    settings.SEARCH_WARM_UP = False
    gunicorn_hooks().post_worker_init(Worker())
    assert embeddings._model is None
    assert not site_search.engine_cache.built


def test_a_warm_up_that_fails_leaves_the_worker_to_start_and_search_later(cold_worker, client, monkeypatch):
    def database_down():
        raise DatabaseError("database is down")

    monkeypatch.setattr(site_search, "site_engine", database_down)
    assert warmup.warm_up() is False
    monkeypatch.undo()
    assert "service:akta-kelahiran" in result_ids(client, q="akta kelahiran")


def directory_reads(queries):
    """The SQL statements that read offices, services or contacts."""
    return [query["sql"] for query in queries if "directory_" in query["sql"]]


def test_after_the_warm_up_a_query_never_seen_reads_no_office_service_or_contact(cold_worker, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert warmup.warm_up() is True
    with CaptureQueriesContext(connection) as queries:
        ids = result_ids(client, q="pelayanan pindah datang penduduk antar kecamatan")
    assert ids, "the search still answers"
    assert directory_reads(queries.captured_queries) == []


def test_what_the_warm_up_read_follows_a_publish(cold_worker, client):
    assert warmup.warm_up() is True
    service_page = ServicePage.objects.get(stable_slug="akta-kelahiran", locale=Locale.get_default())
    service_page.title = "Akta Kelahiran (baru)"
    service_page.save_revision().publish()
    response = client.get("/api/search/", {"q": "akta kelahiran"})
    titles = {item["id"]: item["title"] for item in response.json()["results"]}
    assert titles["akta-kelahiran"] == "Akta Kelahiran (baru)"


def test_hits_read_for_the_site_serve_every_host_name_of_that_site(cold_worker, client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    assert warmup.warm_up() is True
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/search/", {"q": "akta kelahiran"}, HTTP_HOST="layanan.example.org:8443")
    assert response.status_code == 200 and response.json()["results"]
    assert directory_reads(queries.captured_queries) == []


def test_a_repeated_query_reads_nothing_but_writes_its_log(client, shared_cache):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = result_ids(client, q="ktp hilang rusak")
    with CaptureQueriesContext(connection) as queries:
        again = result_ids(client, q="ktp hilang rusak")
    assert again == first
    statements = [query["sql"] for query in queries.captured_queries]
    reads = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT") and " FROM " in sql.upper()]
    assert [sql for sql in reads if "search_searchquerylog" not in sql] == []


def test_queries_without_promotions_read_the_promotions_once_per_content_version(client, shared_cache):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.contrib.search_promotions.models import SearchPromotion

    promote_licin_for("ktp hilang")
    try:
        with CaptureQueriesContext(connection) as queries:
            for query in ("akta kelahiran", "lampu jalan mati", "izin usaha baru", "ktp hilang"):
                result_ids(client, q=query)
        statements = [query["sql"] for query in queries.captured_queries]
        # The content version's summary of the promotions aside (read once, then from the shared cache).
        promotion_reads = [sql for sql in statements if "searchpromotion" in sql and "COUNT(" not in sql.upper()]
        # One read of which queries have promotions, then the promoted pages of the one that has.
        assert len(promotion_reads) == 2
        assert result_ids(client, q="ktp hilang")[0] == "office:kecamatan-licin"
    finally:
        SearchPromotion.objects.all().delete()  # its signal starts the next test's answers afresh


def test_the_shared_cache_keys_do_not_let_a_guessed_number_be_confirmed(client, shared_cache, settings):
    import hashlib

    query = "ktp hilang 081234567890"
    result_ids(client, q=query)
    keys = " ".join(shared_cache._cache)
    assert "search:query-vector:" in keys and "search:answer:" in keys
    for text in (query, f"{embeddings.MODEL_NAME}\n{query}"):
        for digest in (hashlib.sha1, hashlib.sha256, hashlib.md5):
            assert digest(text.encode()).hexdigest() not in keys
    settings.SECRET_KEY = "another-site-another-secret-0123456789-abcdefghijklmnop"
    shared_cache.clear()
    embeddings._embed_query.cache_clear()
    site_search.engine_cache.clear()
    result_ids(client, q=query)
    named = {key for key in keys.split() if "query-vector" in key or "search:answer" in key}
    assert len(named) == 2 and not set(shared_cache._cache) & named  # another site's secret, other names


def promote_licin_for(query):
    from wagtail.contrib.search_promotions.models import Query

    from directory.models import OfficePage

    office = OfficePage.objects.get(stable_slug="kecamatan-licin", locale__language_code="id")
    Query.get(query).editors_picks.create(page=office, sort_order=0, description="")


def test_a_promotion_added_after_a_query_was_asked_shows_in_every_worker(
    client, shared_cache, monkeypatch, django_capture_on_commit_callbacks
):
    assert result_ids(client, q="ktp hilang")[0] != "office:kecamatan-licin"
    changes_seen = list(engine_cache._changes_seen_here)
    with django_capture_on_commit_callbacks(execute=True):
        promote_licin_for("ktp hilang")
    # Another worker did not see the change happen: only the shared version tells it.
    monkeypatch.setattr(engine_cache, "_changes_seen_here", changes_seen)
    assert result_ids(client, q="ktp hilang")[0] == "office:kecamatan-licin"


def test_a_promotion_shows_in_a_worker_that_did_not_see_it_made_without_a_shared_cache(client, settings, monkeypatch):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    settings.SEARCH_SHARED_CACHE = ""
    assert result_ids(client, q="ktp hilang")[0] != "office:kecamatan-licin"
    changes_seen = list(engine_cache._changes_seen_here)
    promote_licin_for("ktp hilang")
    monkeypatch.setattr(engine_cache, "_changes_seen_here", changes_seen)  # another worker, told nothing
    try:
        assert result_ids(client, q="ktp hilang")[0] == "office:kecamatan-licin"
    finally:
        SearchPromotion.objects.all().delete()


def test_a_promotion_still_shows_once_the_token_of_its_change_has_expired(
    client, shared_cache, monkeypatch, django_capture_on_commit_callbacks
):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    assert result_ids(client, q="ktp hilang")[0] != "office:kecamatan-licin"  # kept for every worker
    changes_seen = list(engine_cache._changes_seen_here)
    with django_capture_on_commit_callbacks(execute=True):
        promote_licin_for("ktp hilang")
    try:
        assert result_ids(client, q="ktp hilang")[0] == "office:kecamatan-licin"
        shared_cache.delete(engine_cache.VERSION_KEY)  # VERSION_SECONDS later: read from the database again
        site_search.engine_cache.clear()  # another worker, which did not see the change made
        monkeypatch.setattr(engine_cache, "_changes_seen_here", changes_seen)
        assert result_ids(client, q="ktp hilang")[0] == "office:kecamatan-licin"
    finally:
        SearchPromotion.objects.all().delete()


def test_an_answer_chosen_while_the_promoted_queries_could_not_be_read_is_not_kept(client, monkeypatch):
    from search import choosing

    promote_licin_for("akta kelahiran")

    def failing():
        raise DatabaseError("promotions table locked")

    monkeypatch.setattr(choosing, "promoted_query_strings", failing)
    assert result_ids(client, q="akta kelahiran")[0] == "service:akta-kelahiran", "answered without them"
    monkeypatch.undo()
    assert result_ids(client, q="akta kelahiran")[0] == "office:kecamatan-licin"


def test_a_promotion_removed_without_a_shared_cache_is_gone_at_once(client, settings):
    settings.SEARCH_SHARED_CACHE = ""
    promote_licin_for("ktp hilang")
    assert result_ids(client, q="ktp hilang")[0] == "office:kecamatan-licin"
    from wagtail.contrib.search_promotions.models import SearchPromotion

    SearchPromotion.objects.all().delete()
    assert result_ids(client, q="ktp hilang")[0] != "office:kecamatan-licin"


def test_an_answer_chosen_while_the_promotions_could_not_be_read_is_not_kept(client, monkeypatch):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    promote_licin_for("akta kelahiran")

    def failing(*args, **kwargs):
        raise DatabaseError("promotions table locked")

    monkeypatch.setattr(SearchPromotion.objects, "filter", failing)
    assert result_ids(client, q="akta kelahiran")[0] == "service:akta-kelahiran", "answered without them"
    monkeypatch.undo()
    assert result_ids(client, q="akta kelahiran")[0] == "office:kecamatan-licin"


def test_an_answer_one_worker_chose_serves_the_others(client, shared_cache, monkeypatch):
    first = result_ids(client, q="lampu jalan di gang kami mati")
    site_search.engine_cache.clear()  # another worker: an engine and a memo of its own

    def choose_again(*args):
        raise AssertionError("the answer was chosen again")

    monkeypatch.setattr(site_search, "choose", choose_again)
    assert result_ids(client, q="lampu jalan di gang kami mati") == first


def test_answers_chosen_by_other_code_are_not_served(client, shared_cache, monkeypatch):
    from search import content_memo

    result_ids(client, q="lampu jalan di gang kami mati")
    site_search.engine_cache.clear()  # a worker of the next release, sharing the cache during the deploy
    monkeypatch.setattr(engine_cache, "code_fingerprint", lambda: "the next release")
    chosen = []
    monkeypatch.setattr(
        site_search, "choose", lambda *args: chosen.append(args) or content_memo.ChosenAnswer((), {}, False)
    )
    result_ids(client, q="lampu jalan di gang kami mati")
    assert chosen, "the answer of the earlier code was served"
