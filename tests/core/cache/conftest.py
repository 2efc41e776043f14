"""The page cache on, on the local backend and on Redis, each test starting from an empty cache;
one office in both languages, built once for the package."""

import os

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.cache import pages as caching
from directory.models import ContactLevel
from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, publish, translate
from tests.support.database import built_once

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
OFFICE = "dinas-halaman-tersimpan"
OFFICE_URL = f"/id/direktori/{OFFICE}/"


def build_office():
    """An office with a head and two officers, two services, all in English too."""
    office = OfficePageFactory(slug=OFFICE, title="Dinas Halaman Tersimpan", summary="Pelayanan untuk warga.")
    ContactPersonFactory(office=office, level=ContactLevel.HEAD, name="Sri Handayani", position="Kepala Dinas")
    officers = ContactPersonFactory.create_batch(2, office=office)
    office = publish(office)
    translate(office, every_segment=True)
    for title in ("Surat Izin Usaha", "Surat Keterangan Usaha"):
        translate(publish(ServicePageFactory(parent=office, title=title, officers=officers)), every_segment=True)
    return office


@pytest.fixture(scope="package", autouse=True)
def cached_office(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, build_office)


def is_served_from_cache(client, url):
    """Answered 200 without a database query: from the page cache."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries) == 0


def require_redis(url=TEST_REDIS_URL):
    """Skip without a Redis server, saying why; on CI (CI=true) fail instead."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        message = f"no Redis at {url} ({error}); start redis-server or set TEST_REDIS_URL"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def delete_own_keys(url, prefix):
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


@pytest.fixture(params=["local", "redis"])
def cache_backend(request):
    return request.param


@pytest.fixture(autouse=True)
def page_cache(settings, cache_backend):
    prefix = f"melayani-test-{os.getpid()}"
    if cache_backend == "redis":
        require_redis()
        pages = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": TEST_REDIS_URL}
    else:
        # Few entries, so that storing made-up URLs would visibly evict real pages.
        pages = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20}}
    settings.CACHES = {**settings.CACHES, "pages": {**pages, "KEY_PREFIX": prefix}}
    settings.PAGE_CACHE_TIMEOUT = 600
    caching.health.unavailable_until = 0.0
    caching.health.purge_pending = None
    cache = caches[settings.PAGE_CACHE_ALIAS]

    def empty():
        if cache_backend == "redis":
            delete_own_keys(TEST_REDIS_URL, prefix)  # never FLUSHDB: the server is shared
        else:
            cache.clear()

    empty()
    yield cache
    empty()
    caching.health.unavailable_until = 0.0
    caching.health.purge_pending = None


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the purges), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
