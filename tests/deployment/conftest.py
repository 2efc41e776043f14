"""Real servers: gunicorn hosts on the test database (PostgreSQL), Redis, a throwaway PostgreSQL.

``bin/test`` runs these (marker ``servers``) once, with ``DATABASE_URL`` on PostgreSQL.
Outside CI a missing server binary skips them, saying why; on CI (``CI=true``) it fails them.
"""

import os
import shutil
import tempfile

import pytest
from django.db import connection

from tests.core.cache.conftest import TEST_REDIS_URL, delete_own_keys, require_redis
from tests.support import servers

__all__ = ["TEST_REDIS_URL", "require_redis"]


def require_binaries(*names):
    missing = servers.missing_binaries(*names)
    if missing:
        message = f"missing {', '.join(missing)} (apt-get install redis-server postgresql; gunicorn is in .venv)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def test_database_url(db):
    """The test database, sample directory committed in it: what the gunicorn hosts serve.

    The test itself runs in a transaction that is rolled back, so what the servers
    must see is written by ``manage`` (another process), which commits.
    """
    if connection.vendor != "postgresql":
        pytest.skip("several hosts share one PostgreSQL: run with DATABASE_URL on PostgreSQL (bin/test does)")
    settings = connection.settings_dict
    port = settings.get("PORT") or 5432
    return f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{port}/{settings['NAME']}"


@pytest.fixture(scope="session")
def static_root():
    folder = tempfile.mkdtemp(prefix="melayani-static-")
    servers.collect_static(folder)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def host(test_database_url, static_root, tmp_path):
    """One gunicorn host (one worker, production settings) on the test database, its own page cache."""
    require_binaries("gunicorn")
    environment = {"DATABASE_URL": test_database_url, "STATIC_ROOT": static_root, "PAGE_CACHE_DIR": tmp_path}
    with servers.gunicorn(workers=1, **environment) as port:
        yield port


@pytest.fixture
def shared_redis():
    """The machine's Redis (a database and a key prefix of our own); our keys are deleted afterwards."""
    require_redis()
    prefix = f"melayani-hosts-{os.getpid()}"
    yield {"REDIS_URL": TEST_REDIS_URL, "CACHE_KEY_PREFIX": prefix}
    for suffix in ("", "-pages"):
        delete_own_keys(TEST_REDIS_URL, prefix + suffix)


@pytest.fixture
def two_hosts(test_database_url, static_root, shared_redis):
    """Two gunicorn hosts (production settings) on the test database and one Redis."""
    require_binaries("gunicorn")
    environment = {"DATABASE_URL": test_database_url, "STATIC_ROOT": static_root, **shared_redis}
    with servers.gunicorn(**environment) as first, servers.gunicorn(**environment) as second:
        yield first, second
