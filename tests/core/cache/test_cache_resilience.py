"""A cache that fails or cannot be trusted costs speed, never a page."""

import logging
import os

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from directory.models import OfficePage, ServicePage
from tests.support import html

from .conftest import OFFICE, OFFICE_URL

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def office():
    return OfficePage.objects.get(stable_slug=OFFICE, locale__language_code="id")


@pytest.fixture
def unreachable_redis(settings, cache_backend):
    if cache_backend != "redis":
        pytest.skip("a Redis fault")
    # A port nothing listens on: connections are refused at once.
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }


def test_with_redis_down_pages_are_served_uncached_with_a_warning(client, unreachable_redis, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache.pages"):
        first = client.get(OFFICE_URL)
    second, queries = queries_for(client, OFFICE_URL)
    assert first.status_code == second.status_code == 200
    assert office().title in html.visible_text(html.soup(second))
    assert queries > 0
    assert "Page cache unavailable" in caplog.text


def test_with_redis_down_wagtails_own_cache_entries_are_read_from_the_database(client, settings, cache_backend):
    if cache_backend != "redis":
        pytest.skip("a Redis fault")
    # Wagtail reads the default cache on every render (the sites' root paths).
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "core.cache.backends.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    for _attempt in range(2):
        response = client.get(OFFICE_URL)
        assert response.status_code == 200
        assert office().title in html.visible_text(html.soup(response))


def test_with_redis_down_publishing_still_works(client, unreachable_redis, committed):
    page = office()
    page.summary = "Diterbitkan ketika Redis mati."
    with committed():
        page.save_revision().publish()
    assert "Diterbitkan ketika Redis mati." in html.visible_text(html.page(client, OFFICE_URL))


def test_a_failed_render_serves_the_page_as_it_was(client, committed, monkeypatch):
    client.raise_request_exception = False
    before = client.get(OFFICE_URL).content
    page = office()
    page.summary = "Isi baru."
    with committed():
        page.save_revision().publish()

    def database_restarting(self, request, *args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(OfficePage, "serve", database_restarting)
    response = client.get(OFFICE_URL)
    assert response.status_code == 200
    assert response.content == before
    assert "max-age=0" in response["Cache-Control"]


def test_a_failed_render_never_serves_a_page_unpublished_since(client, committed, monkeypatch):
    client.raise_request_exception = False
    service = ServicePage.objects.filter(locale__language_code="id").child_of(office())[0]
    assert client.get(service.url).status_code == 200
    with committed():
        service.unpublish()

    def database_restarting(self, request, *args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(ServicePage, "serve", database_restarting)
    monkeypatch.setattr(ServicePage, "route", database_restarting)
    # "Come back later" (core.unavailable), never the copy from before the unpublish.
    assert client.get(service.url).status_code == 503


@pytest.fixture
def file_cache(settings, tmp_path, cache_backend):
    if cache_backend != "local":
        pytest.skip("the local folder")

    def use(folder):
        settings.CACHES = {
            **settings.CACHES,
            "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(folder)},
        }
        return folder

    return use


def test_the_local_cache_folder_is_created_closed_to_other_users(client, file_cache, tmp_path):
    folder = file_cache(tmp_path / "pages")
    client.get(OFFICE_URL)
    _response, queries = queries_for(client, OFFICE_URL)
    assert queries == 0
    assert folder.stat().st_mode & 0o077 == 0


def test_a_cache_folder_others_may_write_is_not_used(client, file_cache, tmp_path, caplog):
    folder = file_cache(tmp_path / "planted")
    folder.mkdir()
    os.chmod(folder, 0o777)  # as if another local user had created it first
    with caplog.at_level(logging.ERROR, logger="core.cache.pages"):
        assert client.get(OFFICE_URL).status_code == 200
    _response, queries = queries_for(client, OFFICE_URL)
    assert queries > 0
    assert not any(folder.iterdir())
    assert "may be written by other users" in caplog.text
