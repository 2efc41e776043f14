"""Whole-page cache for anonymous visitors, emptied after every change they could see.

A cached page is answered before sessions, locale, authentication or Wagtail's
routing run, without a database query: what lets a two-core server keep up with
a regency's worth of phones. Pages live in the ``pages`` cache
(``settings.PAGE_CACHE_ALIAS``): Redis shared by every host when ``REDIS_URL``
is set, else a folder of this host. ``PAGE_CACHE_TIMEOUT`` seconds (0 turns
the cache off, as in development and tests), or less for a page that said when it
changes by itself (``valid_until``: an office's "open now" line).

What is stored: GET requests without a real session, under a language prefix,
answered 200 without cookies, without ``Vary: Cookie`` and without a
``private``/``no-store``/``no-cache`` Cache-Control. The key is the path, host,
scheme, gzip or not, today's date (service-notice banners end at midnight) and
only the query parameters some page understands. A request with any other
parameter, or a value the page did not accept (see ``accept_query``), is answered
from the stored page of its key when there is one and is otherwise rendered
without being stored: made-up URLs can neither evict real pages nor have the
language switcher's links, which repeat the query string, stored for everyone.

The apps say, through Wagtail hooks in their ``wagtail_hooks.py``, which query
parameters their pages understand (``register_cache_query_params``) and which
paths after the language prefix are never stored (``register_uncached_paths``),
each hook returning a list of names or of path prefixes; this module names none.

Purges (``core/cache/purges.py``) do not delete entries, which on a shared Redis
would mean scanning it: they start a new *generation*, a random stamp kept
under ``GENERATION_KEY``. Each stored page carries the generation read before
it was rendered and is served only while that generation is current, so a
render that started before a purge is never served after it. The stamp also
carries an *epoch*, renewed only when something may have become hidden
(unpublish, deletion, move, view restriction, sites, locales): when rendering a
page fails (a database restart), a page of an older generation but the same
epoch is served rather than an error, never one from before the content was
hidden.

If the cache itself fails (Redis down, disk full) pages are served uncached and
a warning is logged; the process leaves the cache alone for ``RETRY_AFTER``
seconds, and a purge that could not be written is written as soon as the cache
answers again.
"""

import hashlib
import logging
import math
import os
import re
import stat
import threading
import time
import uuid
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from wagtail import hooks

logger = logging.getLogger(__name__)

UNCACHED_PATHS_HOOK = "register_uncached_paths"
CACHE_QUERY_PARAMS_HOOK = "register_cache_query_params"
GENERATION_KEY = "page-cache:generation"
RETRY_AFTER = 5.0
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class _CacheHealth:
    """Per process: whether the page cache answered lately, and a purge still to write."""

    def __init__(self):
        self.lock = threading.Lock()
        self.unavailable_until = 0.0
        self.purge_pending = None

    def call(self, operation, *args):
        """(result, True), or (None, False) when the cache failed now or lately."""
        if time.monotonic() < self.unavailable_until:
            return None, False
        try:
            return getattr(page_cache(), operation)(*args), True
        except Exception as error:  # any backend failure means uncached pages, never a 500
            self.unavailable_until = time.monotonic() + RETRY_AFTER
            logger.warning("Page cache unavailable (%r); serving pages uncached for %.0f s", error, RETRY_AFTER)
            return None, False


health = _CacheHealth()


# --- generations -------------------------------------------------------------------


def _new_stamp():
    return uuid.uuid4().hex[:16]


def start_new_generation(hide=False):
    """Invalidate every stored page; with ``hide``, also every stale copy kept for errors."""
    current, ok = health.call("get", GENERATION_KEY)
    epoch = current.split(".")[0] if ok and current and not hide else _new_stamp()
    _result, written = health.call("set", GENERATION_KEY, f"{epoch}.{_new_stamp()}", None)
    with health.lock:
        if written:
            health.purge_pending = None
        else:
            # Written as soon as the cache answers again (``_write_pending_purge``).
            health.purge_pending = bool(health.purge_pending) or hide
            logger.warning("The page cache could not be purged; retrying on the next request")
    return written


def _write_pending_purge():
    pending = health.purge_pending
    if pending is not None and time.monotonic() >= health.unavailable_until:
        start_new_generation(hide=pending)


def _current_generation(stored):
    """The current generation, starting one when there is none (a new or emptied cache)."""
    if stored is not None:
        return stored
    candidate = f"{_new_stamp()}.{_new_stamp()}"
    added, ok = health.call("add", GENERATION_KEY, candidate, None)
    if not ok:
        return None
    if added:
        return candidate
    winner, ok = health.call("get", GENERATION_KEY)
    return winner if ok else None


def _epoch(generation):
    return generation.split(".")[0] if generation else None


# --- requests ----------------------------------------------------------------------


def _registered(hook_name):
    # Read on each request, not kept: a hook returns a constant, and tests register hooks for a while.
    return [item for hook in hooks.get_hooks(hook_name) for item in hook()]


def uncached_paths():
    """Paths after the language prefix that the apps keep out of the cache (``register_uncached_paths``)."""
    return tuple(_registered(UNCACHED_PATHS_HOOK))


def cache_query_params():
    """Query parameters some app's pages understand (``register_cache_query_params``)."""
    return frozenset(_registered(CACHE_QUERY_PARAMS_HOOK))


def _path_in_language(path):
    """The path after its language prefix (``/id/direktori/`` → ``direktori/``), or None."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) :]
    return None


def is_public_page_request(request):
    """A request for a page of the site (under ``/<lang>/``) outside the paths apps keep out of the cache."""
    rest = _path_in_language(request.path_info)
    return rest is not None and not rest.startswith(uncached_paths())


def has_real_session(request):
    """A session cookie that names a live session; a made-up or expired one counts as none."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    try:
        store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
        return bool(store.load())
    except Exception:  # an unreadable store (database down): the public page, which leaks nothing
        logger.warning("Could not read the session store", exc_info=True)
        return False


def understood_query(request):
    """(the understood parameters, whether there are others); a repeated parameter counts as other."""
    understood = {}
    others = False
    known = cache_query_params()
    for name in request.GET:
        values = request.GET.getlist(name)
        if name in known and len(values) == 1:
            understood[name] = values[0]
        else:
            others = True
    return understood, others


def accept_query(request, **params):
    """Called by a page for the query parameters it accepted, with the values it used.

    A response is stored only when the page accepted every understood parameter
    of the request as given; a filter with a made-up value is rendered but never stored.
    """
    accepted = getattr(request, "page_cache_accepted", {})
    accepted.update({name: str(value) for name, value in params.items() if value not in ("", None)})
    request.page_cache_accepted = accepted


def valid_until(request, moment):
    """Called by a page whose content changes at ``moment`` (an office opens or closes): kept no longer.

    The earliest moment given for a request wins; the page cache stores the page only until then.
    """
    if moment is None:
        return
    earlier = getattr(request, "page_cache_valid_until", None)
    request.page_cache_valid_until = moment if earlier is None else min(earlier, moment)


def _lifetime(request):
    """Seconds to keep the page and the moment it turns stale: ``PAGE_CACHE_TIMEOUT`` or less (``valid_until``)."""
    until = getattr(request, "page_cache_valid_until", None)
    if until is None:
        return settings.PAGE_CACHE_TIMEOUT, None
    return min(settings.PAGE_CACHE_TIMEOUT, math.ceil((until - timezone.now()).total_seconds())), until


def _unpack(entry):
    """(generation, response, valid until) of a stored entry; entries stored before expiries have none."""
    if isinstance(entry, tuple) and len(entry) in (2, 3):
        return (*entry, None)[:3]
    return None, None, None


def cache_key(request, understood):
    encoding = "gzip" if _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    query = urlencode(sorted(understood.items()))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "page:" + hashlib.sha256(f"{encoding} {timezone.localdate()} {url}".encode()).hexdigest()


def is_shareable(response):
    """The same for every anonymous visitor: a plain 200 that sets no cookie and does not vary on one."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "cookie" in response.get("Vary", "").lower():
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Answers anonymous page requests from the page cache and stores what may be shared.

    Sits right after WhiteNoise so that a hit skips everything below it; GZip and
    ConditionalGet sit below it, so a stored page is compressed once and keeps its ETag.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.usable = not settings.PAGE_CACHE_TIMEOUT or cache_folder_is_safe()

    def __call__(self, request):
        if not settings.PAGE_CACHE_TIMEOUT or not self.usable or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if not is_public_page_request(request):
            return self.get_response(request)
        if has_real_session(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response

        _write_pending_purge()
        understood, others = understood_query(request)
        key = cache_key(request, understood)
        found, _ok = health.call("get_many", [GENERATION_KEY, key])
        found = found or {}
        generation = _current_generation(found.get(GENERATION_KEY)) if _ok else None
        stored_generation, stored, stored_until = _unpack(found.get(key))
        fresh = stored_until is None or timezone.now() < stored_until
        if stored is not None and generation is not None and stored_generation == generation and fresh:
            return get_conditional_response(request, etag=stored.get("ETag"), response=stored)

        response = self.get_response(request)
        if response.status_code >= 500 and stored is not None and _epoch(stored_generation) == _epoch(generation):
            # Rendering failed (e.g. the database restarts): the page as it was, rather than an error.
            logger.warning("Serving a stale copy of %s after a %s", request.path, response.status_code)
            patch_cache_control(stored, max_age=0)
            return stored
        accepted = getattr(request, "page_cache_accepted", {})
        timeout, until = _lifetime(request)
        if (
            request.method == "GET"
            and generation is not None
            and not others
            and accepted == understood
            and timeout > 0
            and is_shareable(response)
        ):
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
            health.call("set", key, (generation, response, until), timeout)
        return response


def cache_folder_is_safe():
    """A file-based page cache must sit in a folder only this user can write: its entries are pickles."""
    folder = getattr(page_cache(), "_dir", None)
    if folder is None:
        return True
    problem = cache_folder_problem(folder)
    if problem:
        logger.error("Page cache off: %s", problem)
    return not problem


def cache_folder_problem(folder):
    """Why ``folder`` may not hold the page cache, or "" when it may.

    Created here rather than on the first write, so that nobody can create it
    in between; then it must be ours and closed to other users.
    """
    try:
        os.makedirs(folder, 0o700, exist_ok=True)
        info = os.stat(folder)
    except OSError as error:
        return f"{folder} cannot be created ({error})"
    if info.st_uid != os.geteuid():
        return f"{folder} belongs to another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"{folder} may be written by other users"
    return ""
