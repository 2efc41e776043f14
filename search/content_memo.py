"""What a worker keeps until the content changes: what hits show, the answers chosen, each host's site,
the queries that have promotions.

Citizens ask the same things again and again ("ktp hilang"). Between two content changes the same
query gets the same ranking, the same editors' promotions and the same full-text fallback, and a
host name stays on the same Wagtail site; reading them again cost a repeated search two thirds of
its time. An answer one worker chose serves the others through the shared cache. The engine cache
gives each content version a new, empty memo (``EngineCache.get``); a publish, a synonym group, a
search promotion or a site changes the version.
"""

import hashlib
import inspect
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.http.request import split_domain_port
from wagtail.models import Site

from . import shared_cache
from .registry import sources

# Chosen answers a worker keeps (each a few dozen small objects); the oldest goes first.
MAX_ANSWERS = 2_000
# A chosen answer stays this long in the cache all workers share (about 1 kB each). Its key names
# the content version, so a change is never answered from before it, and the answers of older
# versions are only garbage: an hour keeps what citizens ask again today, not every day's queries.
SHARED_ANSWER_SECONDS = 3600
# Host names (and ports) a worker remembers the site of; Django's ALLOWED_HOSTS bounds them already.
MAX_HOSTS = 100


@dataclass(frozen=True)
class ChosenAnswer:
    """What a query's search chose, before what the hits show is read."""

    items: tuple  # Ranked, promoted ones first, at most ``limit``
    also: dict  # (type, id) -> the other offices' same service, folded under it
    confident: bool
    complete: bool = True  # False when the promotions or the full-text backend failed: not kept


@cache
def code_fingerprint() -> str:
    """Names the code that chooses answers, for the shared cache: this package with its word lists, and
    the modules beside each registered search source (the documents it builds). During and after a
    deploy that changes how answers are chosen, old and new workers do not serve each other's."""
    package = Path(__file__).resolve().parent
    files = [path for path in package.rglob("*") if path.suffix in {".py", ".txt", ".tsv"}]
    for source in sources():
        files += Path(inspect.getfile(type(source))).resolve().parent.glob("*.py")
    digest = hashlib.sha1()
    for path in sorted(set(files)):
        if "migrations" not in path.parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def default_site_key():
    site = Site.objects.filter(is_default_site=True).only("pk").first()
    return site.pk if site is not None else None


class ContentMemo:
    def __init__(self, shared_scope=None):
        """``shared_scope`` names the engine and the content version as every worker knows them:
        answers are shared through the shared cache under it (None: this worker's own only)."""
        self._shared_scope = shared_scope
        self.hits: dict = {}  # see ``shown_hits``
        self._answers: dict = {}
        self._sites: dict = {}
        self._promoted_queries = None
        self._lock = threading.Lock()

    def answer(self, key, choose) -> ChosenAnswer:
        """The answer chosen for ``key`` in this content version, ``choose()`` the first time in any worker."""
        chosen = self._answers.get(key)
        if chosen is None:
            shared_key = self._shared_key(key)
            chosen = shared_cache.read(shared_key) if shared_key else None
            if not isinstance(chosen, ChosenAnswer):
                chosen = choose()
                if chosen.complete and shared_key:
                    shared_cache.write(shared_key, chosen, SHARED_ANSWER_SECONDS)
            if chosen.complete:
                self._remember(self._answers, key, chosen, MAX_ANSWERS)
        return chosen

    def promoted_queries(self, read) -> frozenset:
        """The query strings editors promoted pages for in this content version, ``read()`` once."""
        if self._promoted_queries is None:
            self._promoted_queries = frozenset(read())
        return self._promoted_queries

    def _shared_key(self, key):
        if self._shared_scope is None:
            return None
        return shared_cache.key_for("search:answer", repr((self._shared_scope, key)))

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
