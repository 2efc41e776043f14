"""The search engine going away, or being rebuilt by someone else, while the site answers.

A second OpenSearch node of our own is started for this module (``bin/opensearch`` on a
free port), so that stopping it leaves the shared node to the other tests.
"""

import logging
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.test import override_settings

from search import site_search
from search.backends.analysis import synonym_rules
from search.engine.remote import site as remote_site
from search.engine.remote.lock import BuildLock

from .test_search_engine import engine  # noqa: F401 (the fixture: skips or fails without a server)
from .test_search_engine_site import first_ids, remote, search_json, site_index  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db, pytest.mark.sample]

NODE_SCRIPT = Path(__file__).resolve().parents[2] / "bin" / "opensearch"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def own_node(engine, tmp_path_factory):  # noqa: F811
    """A node of this module's own, started and stopped with ``bin/opensearch``."""
    environment = {
        **os.environ,
        "OPENSEARCH_HOME": str(tmp_path_factory.mktemp("opensearch")),
        "OPENSEARCH_PORT": str(free_port()),
        "OPENSEARCH_JAVA_OPTS": "-Xms256m -Xmx256m",
    }

    def node(command):
        return subprocess.run([str(NODE_SCRIPT), command], env=environment, capture_output=True, text=True, timeout=180)

    started = node("start")
    assert started.returncode == 0, started.stdout + started.stderr
    yield f"http://127.0.0.1:{environment['OPENSEARCH_PORT']}", node
    node("stop")


def test_stopping_the_engine_mid_run_falls_back_without_a_500(own_node, client, caplog, django_db_blocker):
    url, node = own_node
    with override_settings(OPENSEARCH_URL=url):
        site_search.engine_cache.clear()
        site_search._engine_down_until[0] = 0.0
        assert isinstance(site_search.site_engine(), site_search.RemoteSite)
        assert "service:akta-kelahiran" in first_ids(client, "akta kelahiran", "id")
        assert node("stop").returncode == 0
        with caplog.at_level(logging.WARNING):
            for lang in ("id", "en"):
                assert "service:akta-kelahiran" in first_ids(client, "akta kelahiran", lang)
                response = client.get(f"/{lang}/search/", {"q": "akta kelahiran"})
                assert response.status_code == 200 and "akta-kelahiran" in response.content.decode()
        assert "answering in process" in caplog.text
    site_search.engine_cache.clear()
    site_search._engine_down_until[0] = 0.0


def test_a_worker_finding_another_building_serves_the_index_as_it_is(remote, client, monkeypatch):  # noqa: F811
    index = site_search.site_engine().index
    built = index.client.indices_of(index.alias)
    index.mark(synonym_rules(), "a change no worker has sent")  # the index is stale
    monkeypatch.setattr(remote_site, "BUILD_WAIT_SECONDS", 1)
    lock = BuildLock(index.client, index.alias)
    assert lock.acquire()
    try:
        assert not BuildLock(index.client, index.alias).acquire()
        site_search.engine_cache.clear()
        assert "service:akta-kelahiran" in first_ids(client, "akta kelahiran", "id")
        assert isinstance(site_search.site_engine(), site_search.RemoteSite)
        assert index.client.indices_of(index.alias) == built  # not rebuilt a second time
    finally:
        lock.release()
    site_search.engine_cache.clear()
    assert search_json(client, q="akta kelahiran")["results"]
    assert index.client.indices_of(index.alias) != built  # the next worker rebuilt it


def test_a_build_lock_left_by_a_dead_worker_is_taken_over(remote):  # noqa: F811
    index = site_search.site_engine().index
    lock = BuildLock(index.client, index.alias)
    assert lock.acquire()
    abandoned = index.client.request("GET", lock.document)["_source"] | {"until": time.time() - 1}
    index.client.request("PUT", f"{lock.document}?refresh=true", abandoned)
    other = BuildLock(index.client, index.alias)
    assert other.acquire()
    assert not BuildLock(index.client, index.alias).acquire()
    other.release()
