"""The site stays up when Redis stops, when PostgreSQL restarts under load, when Elasticsearch is unreachable.

"Up" means no 5xx on public pages. What each fault costs is in docs/benchmarks.md,
*Faults* (benchmarks/faults.py measures it).
"""

import json
import threading
import time

import pytest
from django.core.cache.backends.redis import RedisCache

from core.cache import GENERATION_KEY
from tests.support import servers

from .conftest import TEST_REDIS_URL, require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

PUBLIC_PAGES = (
    "/id/",
    "/en/",
    "/id/direktori/",
    "/id/direktori/?kind=kecamatan",
    "/id/direktori/dispendukcapil/",
    "/en/directory/dispendukcapil/",
    "/id/direktori/kecamatan-licin/",
)


def statuses(port, paths, rounds=1):
    return {path: servers.request(port, path).status for _round in range(rounds) for path in paths}


def all_ok(port, paths, rounds=1):
    return statuses(port, paths, rounds) == dict.fromkeys(paths, 200)


@pytest.fixture
def site_environment(test_database_url, static_root):
    require_binaries("gunicorn")
    return {"DATABASE_URL": test_database_url, "STATIC_ROOT": static_root}


def test_when_redis_stops_pages_are_served_uncached_and_cached_again_when_it_returns(site_environment):
    require_binaries("redis-server")
    with servers.redis_server() as redis, servers.gunicorn(REDIS_URL=redis.url, **site_environment) as port:
        assert all_ok(port, PUBLIC_PAGES, rounds=2)
        redis.stop()
        assert all_ok(port, PUBLIC_PAGES, rounds=2)
        assert servers.request(port, "/api/directory/offices/dispendukcapil/").status == 200
        assert servers.request(port, "/api/search/?q=ktp+hilang").status == 200
        redis.start()
        time.sleep(5.5)  # the workers leave a failed cache alone for five seconds
        assert all_ok(port, PUBLIC_PAGES, rounds=2)
        assert "public" in dict(servers.request(port, "/id/").headers).get("Cache-Control", "")


def start_new_content_generation(redis_url, key_prefix):
    """What a publish does: every page must be rendered again (older copies stay usable on errors)."""
    cache = RedisCache(redis_url, {"KEY_PREFIX": key_prefix})
    epoch = cache.get(GENERATION_KEY).split(".")[0]
    cache.set(GENERATION_KEY, f"{epoch}.after-publish", None)


class Load:
    """Visitors asking for public pages in a loop, on two threads, until stopped."""

    def __init__(self, port, paths):
        self.port, self.paths = port, paths
        self.results = []
        self.running = threading.Event()
        self.threads = [threading.Thread(target=self.visit, daemon=True) for _ in range(2)]

    def visit(self):
        while self.running.is_set():
            for path in self.paths:
                try:
                    self.results.append((path, servers.request(self.port, path, timeout=10).status))
                except OSError as error:
                    self.results.append((path, repr(error)))

    def __enter__(self):
        self.running.set()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.running.clear()
        for thread in self.threads:
            thread.join(timeout=30)


def test_when_postgresql_restarts_under_load_public_pages_never_fail(site_environment, shared_redis):
    require_binaries("initdb", "pg_ctl", "pg_dump", "psql", "createdb", "redis-server")
    with servers.postgres_cluster(copy_from=site_environment["DATABASE_URL"]) as postgres:
        environment = {**site_environment, **shared_redis, "DATABASE_URL": postgres.url}
        with servers.gunicorn(**environment) as port:
            assert all_ok(port, PUBLIC_PAGES, rounds=3)
            with Load(port, PUBLIC_PAGES) as load:
                time.sleep(1)
                postgres.stop()
                # A publish just before the restart: no page may be answered from its fresh copy.
                start_new_content_generation(TEST_REDIS_URL, shared_redis["CACHE_KEY_PREFIX"] + "-pages")
                time.sleep(2)
                postgres.start()
                time.sleep(2)
            failures = [(path, status) for path, status in load.results if status != 200]
            assert len(load.results) > 50
            assert failures == []
            # Afterwards the workers reconnect: a page nobody asked for yet renders.
            assert servers.request(port, "/id/direktori/setda/").status == 200
            assert servers.request(port, "/api/directory/offices/setda/").status == 200


def test_with_elasticsearch_unreachable_pages_and_search_still_answer(site_environment, shared_redis):
    nowhere = f"http://127.0.0.1:{servers.free_port()}"
    with servers.gunicorn(workers=1, ELASTICSEARCH_URL=nowhere, **site_environment, **shared_redis) as port:
        assert all_ok(port, PUBLIC_PAGES)
        assert servers.request(port, "/id/search/?q=ktp+hilang").status == 200
        answer = servers.request(port, "/api/search/?q=ktp+hilang&type=service")
        assert answer.status == 200
        assert json.loads(answer.body)["results"]
