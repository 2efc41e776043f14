"""Allowances that stop a script but not a district: per client and target, and per target for everyone.

Counters live in the ``limits`` cache: Redis when ``REDIS_URL`` is set (shared by
every worker of every host), otherwise a folder on disk shared by the host's
workers (``LIMITS_CACHE_DIR``), checked as the page cache's folder is. Keys hold a keyed hash of the client's address,
never the address. A counter the cache cannot keep (Redis down) lets the post
through with a warning: an outage must not silence citizens.
"""

import functools
import logging
import time

from django.core.cache import caches
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.cache.pages import cache_folder_problem
from core.client import client_address

from .base import Rejected, setting

logger = logging.getLogger(__name__)

LIMITS_CACHE = "limits"
HOUR = 3600
DAY = 24 * HOUR
# Numbers and reasons: docs/citizens.md, "Abuse protection, without third parties".
DEFAULT_CLIENT_LIMIT = 20
DEFAULT_TARGET_LIMIT = 300
CLIENT_MESSAGE = _("Too many forms were sent from your connection. Please try again in an hour.")
TARGET_MESSAGE = _("This form is receiving unusually many submissions right now. Please try again in an hour.")


@functools.cache
def _folder_is_safe(folder):
    problem = cache_folder_problem(folder)
    if problem:
        logger.error("Feedback limits counted per worker only: %s", problem)
    return not problem


def counters():
    """The ``limits`` cache; the worker's own cache if its folder is not safe (its entries are pickles)."""
    cache = caches[LIMITS_CACHE]
    folder = getattr(cache, "_dir", None)
    return cache if folder is None or _folder_is_safe(folder) else caches["default"]


def client_key(request):
    """A keyed hash of the client address: usable as a cache key, useless to anyone without the secret key."""
    return salted_hmac("feedback.client", client_address(request)).hexdigest()[:32]


def count(key, seconds=HOUR, bucket=None):
    """Add one to the counter ``key`` of the current window of ``seconds``; returns the new count (0 if unknown)."""
    bucket = bucket or int(time.time() // seconds)
    full_key = f"feedback-limit:{key}:{bucket}"
    try:
        cache = counters()
        cache.add(full_key, 0, seconds + 60)
        try:
            return cache.incr(full_key)
        except ValueError:  # expired between add and incr
            cache.set(full_key, 1, seconds + 60)
            return 1
    except Exception as error:  # noqa: BLE001 -- any cache failure: count nothing rather than refuse the citizen
        logger.warning("Feedback limits cache unavailable (%s): %s not counted", error, key)
        return 0


def check_allowance(key, limit, message, seconds=HOUR, bucket=None, flood=False):
    """Count one against ``key``; raise ``Rejected`` (429) beyond ``limit``, logging the first refusal of a flood."""
    used = count(key, seconds, bucket)
    if used > limit:
        if flood and used == limit + 1:
            logger.warning("Feedback flood: %s reached its ceiling of %s; further posts are refused", key, limit)
        raise Rejected(message, status=429)


def spend_allowance(request, kind, target):
    """One submission of ``kind`` to ``target``: the client's hourly allowance first, then everyone's ceiling.

    A client over its own allowance spends nothing of the ceiling, so one script cannot use it up for everyone.
    """
    client_limit = setting("FEEDBACK_CLIENT_LIMIT", DEFAULT_CLIENT_LIMIT)
    check_allowance(f"{kind}:{target}:{client_key(request)}", client_limit, CLIENT_MESSAGE)
    target_limit = setting("FEEDBACK_TARGET_LIMIT", DEFAULT_TARGET_LIMIT)
    check_allowance(f"{kind}:{target}:all", target_limit, TARGET_MESSAGE, flood=True)
