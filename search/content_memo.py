"""What a worker keeps until the content changes: what hits show, the answers chosen, each host's site.

Citizens ask the same things again and again ("ktp hilang"). Between two content changes the same
query gets the same ranking, the same editors' promotions and the same full-text fallback, and a
host name stays on the same Wagtail site; reading them again cost a repeated search two thirds of
its time. The engine cache gives each content version a new, empty memo (``EngineCache.get``); a
publish, a synonym group, a search promotion or a site changes the version.
"""

import threading
from dataclasses import dataclass

from django.http.request import split_domain_port
from wagtail.models import Site

# Chosen answers a worker keeps (each a few dozen small objects); the oldest goes first.
MAX_ANSWERS = 2_000
# Host names (and ports) a worker remembers the site of; Django's ALLOWED_HOSTS bounds them already.
MAX_HOSTS = 100


@dataclass(frozen=True)
class ChosenAnswer:
    """What a query's search chose, before what the hits show is read."""

    items: tuple  # Ranked, promoted ones first, at most ``limit``
    also: dict  # (type, id) -> the other offices' same service, folded under it
    confident: bool
    complete: bool = True  # False when the promotions or the full-text backend failed: not kept


def default_site_key():
    site = Site.objects.filter(is_default_site=True).only("pk").first()
    return site.pk if site is not None else None


class ContentMemo:
    def __init__(self):
        self.hits: dict = {}  # see ``shown_hits``
        self._answers: dict = {}
        self._sites: dict = {}
        self._lock = threading.Lock()

    def answer(self, key, choose) -> ChosenAnswer:
        """The answer chosen for ``key`` in this content version, ``choose()`` the first time."""
        chosen = self._answers.get(key)
        if chosen is None:
            chosen = choose()
            if chosen.complete:
                self._remember(self._answers, key, chosen, MAX_ANSWERS)
        return chosen

    def site_key(self, request):
        """The Wagtail site a request is for (the default site without a request), read once per host.

        A hit's links depend on the site, not on how the host was spelt: every name of one site
        shares the hits read (a warming worker, with no request, reads for the default site). The
        site is handed to Wagtail where it caches it (``request._wagtail_site``), so the hits'
        links do not look it up again."""
        if request is None:
            return default_site_key()
        host = (split_domain_port(request._get_raw_host())[0], request.get_port())
        if host in self._sites:
            site = self._sites[host]
        else:
            site = Site.find_for_request(request)
            self._remember(self._sites, host, site, MAX_HOSTS)
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site
        return site.pk if site is not None else default_site_key()

    def _remember(self, entries, key, value, most):
        with self._lock:
            while len(entries) >= most:
                entries.pop(next(iter(entries)))
            entries[key] = value
