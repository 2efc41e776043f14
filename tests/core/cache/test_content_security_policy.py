"""A page answered from the page cache carries the same Content-Security-Policy as a fresh one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import OFFICE_URL

pytestmark = pytest.mark.django_db


def test_a_page_from_the_cache_carries_the_policy(client):
    fresh = client.get(OFFICE_URL)
    with CaptureQueriesContext(connection) as queries:
        cached = client.get(OFFICE_URL)
    assert len(queries) == 0  # answered from the cache
    assert cached.status_code == 200
    assert "script-src 'self'" in cached["Content-Security-Policy"]
    assert cached["Content-Security-Policy"] == fresh["Content-Security-Policy"]


def test_a_revalidated_cached_page_carries_the_policy(client):
    etag = client.get(OFFICE_URL)["ETag"]
    revalidated = client.get(OFFICE_URL, headers={"If-None-Match": etag})
    assert revalidated.status_code == 304
    assert "default-src 'self'" in revalidated["Content-Security-Policy"]
