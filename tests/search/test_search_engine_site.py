"""The site's search ranked by the shared engine (OPENSEARCH_URL or ELASTICSEARCH_URL), end to end.

The engine's index of the registry's documents is built once per module; a test that
publishes rebuilds it afterwards, since the database is rolled back and the engine is not.
Without an engine URL these tests are skipped (the ``engine`` fixture says why).
"""

import logging

import pytest
from django.test import override_settings
from wagtail.models import Locale

from directory.models import OfficePage, ServicePage
from search import service
from search.models import SynonymGroup

from .test_search_engine import engine  # noqa: F401 (the fixture: skips or fails without a server)

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


@pytest.fixture(scope="module")
def site_index(engine, django_db_blocker):  # noqa: F811
    with django_db_blocker.unblock():
        service.build_remote_engine(rebuild=True)
    yield
    service.engine_cache.clear()


@pytest.fixture
def remote(site_index):
    """The remote engine, fresh; rebuilt after the test from the rolled-back database."""
    service.engine_cache.clear()
    service._engine_down_until[0] = 0.0
    yield
    service.engine_cache.clear()


@pytest.fixture
def rebuilt_after(remote, django_db_blocker):
    yield
    service.engine_cache.clear()


def search_json(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(data):
    return [f"{result['type']}:{result['id']}" for result in data["results"]]


def source_page(model, stable_slug, language="id"):
    return model.objects.get(stable_slug=stable_slug, locale=Locale.objects.get(language_code=language))


def test_the_engine_ranks_the_search(remote, client):
    assert isinstance(service.site_engine(), service.RemoteSite)
    assert ids(search_json(client, q="ktp hilang"))[:3].count("service:ktp-el-hilang-rusak") == 1
