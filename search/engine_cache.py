"""One site engine per process, rebuilt or updated in place when what search may show changes."""

import threading

from django.db.models import Count, Max
from wagtail.models import PageLogEntry

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


class EngineCache:
    """One engine per process. Built in full at start-up and when the synonyms change;
    updated in place for the pages published, unpublished, moved or deleted since."""

    def __init__(self, build, update):
        """``build()`` gives an engine; ``update(engine, page_ids, content_version)`` brings it up to date."""
        self._build, self._update = build, update
        self._lock = threading.Lock()
        self._version = None
        self._engine = None

    @staticmethod
    def content_version():
        synonyms = SynonymGroup.objects.aggregate(latest=Max("updated_at"), last_id=Max("id"), count=Count("id"))
        return (
            PageLogEntry.objects.filter(action__in=CONTENT_ACTIONS).aggregate(last=Max("id"))["last"],
            (synonyms["latest"], synonyms["last_id"], synonyms["count"]),
        )

    def get(self):
        version = self.content_version()
        with self._lock:
            last_seen, last = (self._version or (None, None))[0], version[0]
            # A log that shrank (emptied, restored from a backup) says nothing about what changed.
            log_went_back = last is None or (last_seen is not None and last < last_seen)
            if self._engine is None or version[1] != self._version[1] or (last != last_seen and log_went_back):
                self._engine = self._build()
            elif last != last_seen:
                page_ids = set(
                    PageLogEntry.objects.filter(action__in=CONTENT_ACTIONS, id__gt=last_seen or 0)
                    .filter(id__lte=last)
                    .values_list("page_id", flat=True)
                )
                self._update(self._engine, page_ids, last)
            self._version = version
            return self._engine

    @property
    def built(self) -> bool:
        return self._engine is not None

    def clear(self):
        with self._lock:
            self._engine = None
            self._version = None
