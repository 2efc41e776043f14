"""Test settings: fast hashing, in-memory cache, inline tasks, throwaway media."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Off: the test client's login() authenticates without a request, which django-axes refuses;
# tests/melayani/test_login_throttle.py turns it on.
AXES_ENABLED = False
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"},
}
# Off: the test database rolls back between tests, a page cache would not.
# tests/core/cache/conftest.py turns it on, on the local cache and on Redis.
PAGE_CACHE_TIMEOUT = 0
# The local cache outlives each test's rolled-back database: search keeps nothing in it.
SEARCH_SHARED_CACHE = ""
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="melayani-test-media-")
# pytest-django sends mail straight to mail.outbox (locmem); tests of the queue set the queue's
# backend (mailer.backend.DbBackend) back and deliver it with mailer.engine.send_all, into the outbox too.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# bin/test copies the PostgreSQL test databases from one migrated template (tests/support/postgres_template.py).
_on_postgresql = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")  # noqa: F405
if os.environ.get("TEST_DATABASE_TEMPLATE") and _on_postgresql:
    DATABASES["default"]["TEST"] = {"TEMPLATE": os.environ["TEST_DATABASE_TEMPLATE"]}  # noqa: F405
# bin/test's browser run keeps (--reuse-db) a copy of the prepared SQLite file (tests/support/sqlite_template.py).
if os.environ.get("TEST_SQLITE_NAME") and not _on_postgresql:
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_SQLITE_NAME"]}  # noqa: F405
# Tests never touch the development indices on a shared engine (bin/opensearch's node).
if "INDEX_PREFIX" in WAGTAILSEARCH_BACKENDS["default"]:  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = "test_" + WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"]  # noqa: F405
