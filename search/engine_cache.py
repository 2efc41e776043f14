"""One site engine per process, rebuilt or updated in place when what search may show changes."""

import datetime
import threading
import uuid

from django.db import transaction
from django.db.models import Count, F, Max, Sum
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import PageLogEntry

from . import shared_cache
from .content_memo import ContentMemo, code_fingerprint
from .models import SynonymGroup

# Logged page actions that change what search may show (locks, comments and the like do not).
CONTENT_ACTIONS = (
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.copy",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)

# Named with its layout: during a deploy, workers of the older code store a version of another shape.
VERSION_KEY = "search:content-version:3"
# A log entry's id is drawn when it is written and seen when its transaction commits: a bulk
# unpublish that commits after a quicker publish lands below the last id already caught up with.
# A catch-up that finds more entries than ids above the last one seen also takes the changes
# logged this recently, whatever their id.
LATE_COMMIT_SECONDS = 600
# A change made where the shared cache was not told (a restore, a shell without REDIS_URL)
# shows within this many seconds; the site's own publishes show at once.
VERSION_SECONDS = 30


def database_content_version():
    """The last logged content change and how many there are, and the state of the synonyms, the
    editors' promotions and the sites: four small queries. Promotions and sites log nothing, yet
    they change the answers: a worker without the shared cache, or any worker once a change's token
    has expired from it, learns of them here. Sums weighted by the row's id tell a reordering or a
    page swapped for another."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.models import Site

    synonyms = SynonymGroup.objects.aggregate(latest=Max("updated_at"), last_id=Max("id"), count=Count("id"))
    promotions = SearchPromotion.objects.aggregate(
        count=Count("id"),
        last_id=Max("id"),
        order=Sum(F("id") * F("sort_order")),
        pages=Sum(F("id") * F("page_id")),
        queries=Sum(F("id") * F("query_id")),
    )
    sites = Site.objects.order_by("id").values_list("id", "hostname", "port", "root_page_id", "is_default_site")
    logged = PageLogEntry.objects.filter(action__in=CONTENT_ACTIONS).aggregate(last=Max("id"), count=Count("id"))
    return (
        logged["last"],
        (synonyms["latest"], synonyms["last_id"], synonyms["count"]),
        logged["count"],  # grows also when a change commits below the last id (see LATE_COMMIT_SECONDS)
        tuple(promotions[name] for name in ("count", "last_id", "order", "pages", "queries")),
        tuple(sites),
    )


# Changes this process has seen that alter the answers chosen but not the engine (a search
# promotion, a site's host names): its memo starts again at once, before the version is read.
_changes_seen_here = [0]


def remember_content_version(after_change=True):
    """Read the version from the database and share it with every worker.

    A change adds a token of its own, so that every worker's memo starts again after changes
    the database version does not show. Read on a cache miss, the version is stored only if no
    change was stored meanwhile: a search that read the database just before a publish must
    not put the older version back.
    """
    version = (*database_content_version(), uuid.uuid4().hex if after_change else None)
    shared_cache.write(VERSION_KEY, version, VERSION_SECONDS, if_missing=not after_change)
    return version


def _content_changed(sender, instance=None, **kwargs):
    if sender is PageLogEntry and instance.action not in CONTENT_ACTIONS:
        return
    _changes_seen_here[0] += 1
    if shared_cache.shared_cache() is None:
        return
    # Once per transaction, however many pages it publishes.
    if not any(callback[1] is remember_content_version for callback in transaction.get_connection().run_on_commit):
        transaction.on_commit(remember_content_version)


def connect():
    """Called once, from the app's ``ready``: a publish, an unpublish, a synonym, a search promotion or
    a site changed bumps the version."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.models import Site

    post_save.connect(_content_changed, sender=PageLogEntry, dispatch_uid="search-version-log")
    for model in (SynonymGroup, SearchPromotion, Site):
        name = model._meta.label_lower
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"search-version-{name}-save")
        post_delete.connect(_content_changed, sender=model, dispatch_uid=f"search-version-{name}-delete")


class EngineCache:
    """One engine per process. Built in full at start-up and when the synonyms change;
    updated in place for the pages published, unpublished, moved or deleted since."""

    def __init__(self, build, update, name):
        """``build()`` gives an engine; ``update(engine, page_ids, content_version)`` brings it up to date;
        ``name`` tells its answers from another engine's in the shared cache."""
        self._build, self._update, self._name = build, update, name
        self._lock = threading.Lock()
        self._version = None
        self._engine = None

    @staticmethod
    def content_version():
        """From the shared cache; the database only when the cache has none (or there is no shared cache)."""
        version = shared_cache.read(VERSION_KEY) or remember_content_version(after_change=False)
        return (*version, _changes_seen_here[0])

    def get(self):
        version = self.content_version()
        with self._lock:
            last_seen, last = (self._version or (None, None))[0], version[0]
            # A log that shrank (emptied, restored from a backup) says nothing about what changed.
            log_went_back = last is None or (last_seen is not None and last < last_seen)
            if self._engine is None or version[1] != self._version[1] or (last != last_seen and log_went_back):
                self._engine = self._build()
            elif last != last_seen or version[2] != self._version[2]:
                self._update(self._engine, self._changed_pages(last_seen, last, version[2] - self._version[2]), last)
            if version != self._version:
                # What it holds was read from the older content. The version's last part is this process's own.
                self._engine.memo = ContentMemo(shared_scope=(self._name, code_fingerprint(), version[:-1]))
            self._version = version
            return self._engine

    @staticmethod
    def _changed_pages(last_seen, last, arrived) -> set:
        """The pages logged since ``last_seen``; and when more entries ``arrived`` than that (some
        committed below ``last_seen``), those logged in the last ``LATE_COMMIT_SECONDS`` too."""
        logged = PageLogEntry.objects.filter(action__in=CONTENT_ACTIONS, id__lte=last)
        since = list(logged.filter(id__gt=last_seen or 0).values_list("page_id", flat=True))
        page_ids = set(since)
        if arrived > len(since):
            recent = timezone.now() - datetime.timedelta(seconds=LATE_COMMIT_SECONDS)
            page_ids |= set(
                logged.filter(id__lte=last_seen or 0, timestamp__gte=recent).values_list("page_id", flat=True)
            )
        return page_ids

    @property
    def built(self) -> bool:
        return self._engine is not None

    def clear(self):
        with self._lock:
            self._engine = None
            self._version = None
