"""Whole-page cache for anonymous visitors, emptied whenever published content changes.

A cached page is answered before sessions, locale, authentication or Wagtail's
routing run, without a database query: what lets a two-core server keep up with
a regency's worth of phones. Pages are stored per URL (path and query string),
host, scheme and whether the client takes gzip, in the ``pages`` cache
(``settings.PAGE_CACHE_ALIAS``), for ``PAGE_CACHE_TIMEOUT`` seconds (0 turns
the cache off, as in development and tests).

Only what every anonymous visitor sees alike is stored: GET requests without a
session cookie, under a language prefix, answered 200 without cookies, without
``Vary: Cookie`` and without a ``private``/``no-store`` Cache-Control. The
search page is left out: each search is logged for the editors' report, the
in-process engine answers in about a millisecond, and citizens' queries are too
varied to reuse. So is the citizen's voice (``feedback/``): its forms carry a
fresh signed token and a CSRF token, a complaint's status page belongs to one
citizen, and survey results must show a response as soon as it is sent.

Any publish, unpublish, move or deletion of a page, and any change to the
site settings (the footer's call centre and complaint channels), the sites or
the locales empties the whole cache: office, service, directory and home pages
show each other's titles, so purging URL by URL would miss some. The demo site
is a few hundred pages; refilling it costs little.

Browsers and proxies may keep a public page ``PAGE_CACHE_MAX_AGE`` seconds and
then revalidate it with its ETag; logged-in users get ``private, no-cache``.
"""

import hashlib
import re

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_conditional_response, patch_cache_control
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

# Paths after the language prefix that are never stored (see the module docstring).
UNCACHED_PATHS = ("search/", "feedback/")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def purge_pages(**kwargs):
    """Empty the page cache; it is shared by the server's workers, so every process sees the change."""
    if settings.PAGE_CACHE_TIMEOUT:
        page_cache().clear()


def _path_in_language(path):
    """The path after its language prefix (``/id/direktori/`` → ``direktori/``), or None."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) :]
    return None


def is_public_page_request(request):
    """A request for a page of the site (under ``/<lang>/``) other than the search page and the citizen's voice."""
    rest = _path_in_language(request.path_info)
    return rest is not None and not rest.startswith(UNCACHED_PATHS)


def is_anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def cache_key(request):
    encoding = "gzip" if _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(f"{encoding} {url}".encode()).hexdigest()


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

    def __call__(self, request):
        if not settings.PAGE_CACHE_TIMEOUT or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if not is_public_page_request(request):
            return self.get_response(request)
        if not is_anonymous(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response

        key = cache_key(request)
        cached = page_cache().get(key)
        if cached is not None:
            return get_conditional_response(request, etag=cached.get("ETag"), response=cached)

        response = self.get_response(request)
        if request.method == "GET" and is_shareable(response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
            page_cache().set(key, response, settings.PAGE_CACHE_TIMEOUT)
        return response


def connect_purge_signals():
    """Purge on every change that shows on public pages; called once from ``MelayaniConfig.ready``."""
    page_published.connect(purge_pages, dispatch_uid="melayani-page-cache-published")
    page_unpublished.connect(purge_pages, dispatch_uid="melayani-page-cache-unpublished")
    post_page_move.connect(purge_pages, dispatch_uid="melayani-page-cache-moved")
    # Connected per model, not for every sender: a post_delete receiver for all
    # models would turn off Django's fast deletes everywhere.
    post_delete.connect(purge_pages, sender=Page, dispatch_uid="melayani-page-cache-page-delete")
    # Confirming a contact changes the office page's "last verified" date without a publish.
    from directory.freshness import contact_verified

    contact_verified.connect(purge_pages, dispatch_uid="melayani-page-cache-contact-verified")
    site_wide = (BaseGenericSetting, BaseSiteSetting, Site, Locale)
    for model in apps.get_models():
        if issubclass(model, site_wide):
            for signal in (post_save, post_delete):
                signal.connect(purge_pages, sender=model, dispatch_uid=f"melayani-page-cache-{model._meta.label}")
