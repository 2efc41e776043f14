"""Search over HTTP in production settings keeps answering with results when its shared cache (Redis) fails."""

import json
from urllib.parse import urlencode

import pytest

from tests.support import servers

from .conftest import require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

# Never asked before in this run: their vectors are computed, then stored in the shared cache.
QUERIES = ("ktp saya hilang di pasar", "mengurus akta kelahiran bayi", "nomor kepala dinas dukcapil")


def result_ids(port, query):
    response = servers.request(port, f"/api/search/?{urlencode({'q': query})}")
    assert response.status == 200, response.text[:500]
    return [result["id"] for result in json.loads(response.body)["results"]]


def test_searches_new_and_repeated_find_the_same_with_redis_up_or_down(test_database_url, static_root):
    require_binaries("gunicorn", "redis-server")
    environment = {"DATABASE_URL": test_database_url, "STATIC_ROOT": static_root}
    with servers.redis_server() as redis, servers.gunicorn(REDIS_URL=redis.url, **environment) as port:
        answers = {query: result_ids(port, query) for query in QUERIES}
        assert all(answers.values()), answers
        # Both workers: one computed each vector, the other reads it from Redis.
        for _round in range(2):
            assert {query: result_ids(port, query) for query in QUERIES} == answers
        redis.stop()
        assert result_ids(port, "ktp anak saya hilang waktu banjir")
        for _round in range(2):
            assert {query: result_ids(port, query) for query in QUERIES} == answers
