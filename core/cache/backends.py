"""Django's Redis cache, made to degrade instead of failing when Redis is unreachable.

Wagtail reads the default cache on every page render (the sites' root paths)
and falls back to the database on a miss, so a Redis outage should look like
an empty cache, not like a 500. Reads answer the default, writes do nothing;
for ``RETRY_AFTER`` seconds after a failure the process does not even try, so
that a dead Redis costs one timeout per process now and then, not one per call.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0


def _degrading(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._unavailable_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                self._unavailable_until = time.monotonic() + RETRY_AFTER
                logger.warning("Redis cache unavailable (%s); going on without it for %.0f s", error, RETRY_AFTER)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _default_of_get(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _no_keys_stored(data, *args, **kwargs):
    return list(data)


class ResilientRedisCache(RedisCache):
    """``RedisCache`` whose calls answer "nothing cached" while Redis is down."""

    _unavailable_until = 0.0

    get = _degrading(_default_of_get)(RedisCache.get)
    get_many = _degrading(_empty)(RedisCache.get_many)
    has_key = _degrading(_false)(RedisCache.has_key)
    add = _degrading(_false)(RedisCache.add)
    set = _degrading(_nothing)(RedisCache.set)
    set_many = _degrading(_no_keys_stored)(RedisCache.set_many)
    touch = _degrading(_false)(RedisCache.touch)
    delete = _degrading(_false)(RedisCache.delete)
    delete_many = _degrading(_nothing)(RedisCache.delete_many)
    clear = _degrading(_false)(RedisCache.clear)
