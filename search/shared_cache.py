"""The cache that every worker of every host shares (Redis), for what search may keep between requests.

``SEARCH_SHARED_CACHE`` names it; empty when there is none, since a process's own memory would
hide one worker's publish from the others. A cache that fails is a cache that is empty: search
goes on without it.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)


def shared_cache():
    if not settings.configured:  # the engine used outside the site (benchmarks)
        return None
    alias = getattr(settings, "SEARCH_SHARED_CACHE", "")
    return caches[alias] if alias else None


def key_for(prefix: str, text: str) -> str:
    """A cache key naming ``text`` (a citizen's query, perhaps with a phone number in it) by a keyed
    hash: whoever can list the cache's keys cannot test guesses of it without the site's secret."""
    secret = settings.SECRET_KEY if settings.configured else ""  # outside the site nothing is shared
    return f"{prefix}:{salted_hmac(prefix, text, secret=secret, algorithm='sha256').hexdigest()}"


def read(key):
    """The value stored under ``key``, or None (no shared cache, nothing stored, or the cache failing)."""
    cache = shared_cache()
    if cache is None:
        return None
    try:
        return cache.get(key)
    except Exception as error:  # any backend's failure: answered without the cache
        logger.warning("Search cache unavailable (%s)", error)
        return None


def write(key, value, timeout, if_missing=False):
    """Store ``value``; with ``if_missing``, only where nothing is stored (a fresher value may be there)."""
    cache = shared_cache()
    if cache is None:
        return
    try:
        (cache.add if if_missing else cache.set)(key, value, timeout)
    except Exception as error:
        logger.warning("Search cache unavailable (%s)", error)
